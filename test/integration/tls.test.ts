import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startKafka, type KafkaCluster } from '../harness/broker.js';
import { createTopic, uniqueTopic } from '../harness/kafka.js';
import { runCli } from '../harness/run-cli.js';

// CKafka's SSL / SASL_SSL access: a broker of its own with an SSL listener whose certificate is
// signed by a throwaway CA, and ckafka configured with and without that CA.
let cluster: KafkaCluster;
const dir = mkdtempSync(join(tmpdir(), 'ckafka-tls-'));

function config(name: string, client: Record<string, string | boolean>): string {
  const file = join(dir, `${name}.json`);
  writeFileSync(file, JSON.stringify({ bootstrap_servers: cluster.sslBootstrap, client: { 'security.protocol': 'SSL', ...client } }));
  return file;
}

describe.skipIf(process.env.CKAFKA_TEST_BOOTSTRAP)('TLS, as CKafka\'s SSL access', () => {
  beforeAll(async () => {
    cluster = await startKafka({ ssl: true });
  }, 120_000);
  afterAll(async () => {
    await cluster?.stop();
  });

  it('produces and consumes over SSL with ssl.ca.location', async () => {
    const topic = uniqueTopic('tls');
    await createTopic(cluster.bootstrap, topic, 1);
    const file = config('ca', { 'ssl.ca.location': cluster.caFile as string });
    const produced = await runCli(['produce', '--config', file, '-t', topic, '-n', '3']);
    expect(produced.code, produced.stderr).toBe(0);
    expect(produced.stdout.match(/^delivered /gm)).toHaveLength(3);
    const consumed = await runCli(['consume', '--config', file, '-t', topic, '-e', '-o', 'raw']);
    expect(consumed.code, consumed.stderr).toBe(0);
    expect(consumed.stdout.split('\n').filter(Boolean).sort()).toEqual(['Message 0', 'Message 1', 'Message 2']);
  });

  it('an untrusted certificate (system CAs only) is exit 5 naming the certificate problem, within seconds', async () => {
    const started = Date.now();
    const r = await runCli(['produce', '--config', config('system-ca', {}), '-t', uniqueTopic('tls-untrusted'), '-n', '1']);
    const elapsed = Date.now() - started;
    expect(r.code, r.stderr).toBe(5);
    expect(r.stderr).toMatch(/TLS failure/);
    expect(r.stderr).toMatch(/self[- ]signed certificate/i);
    // kafkajs marks every connection error retriable: ckafka's own retry settings (5 retries, backoff
    // from 100 ms) bound it to about 1.5 s, where kafkajs's defaults take 7–9 s.
    expect(elapsed).toBeLessThan(5_000);
  });

  it('enable.ssl.certificate.verification=false accepts the certificate', async () => {
    const topic = uniqueTopic('tls-noverify');
    await createTopic(cluster.bootstrap, topic, 1);
    const file = config('no-verify', { 'enable.ssl.certificate.verification': false });
    const produced = await runCli(['produce', '--config', file, '-t', topic, '-n', '3']);
    expect(produced.code, produced.stderr).toBe(0);
    const consumed = await runCli(['consume', '--config', file, '-t', topic, '-e', '-o', 'raw']);
    expect(consumed.code, consumed.stderr).toBe(0);
    expect(consumed.stdout.split('\n').filter(Boolean)).toHaveLength(3);
  });
});
