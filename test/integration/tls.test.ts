import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startKafka, type KafkaCluster } from '../harness/broker.js';
import { createTopic, readMessages, uniqueTopic } from '../harness/kafka.js';
import { jsonLines, runCli } from '../harness/run-cli.js';

// CKafka's SSL / SASL_SSL access: a broker of its own with an SSL listener whose certificate is
// signed by a throwaway CA, a SASL_SSL listener (SCRAM over TLS, CKafka's public access point) and
// an SSL listener that requires a client certificate (mutual TLS); ckafka configured as users do.
const instance = 'ckafka-tls123';
const user = 'demo';
const password = 'tls-s3cret';
let cluster: KafkaCluster;
const dir = mkdtempSync(join(tmpdir(), 'ckafka-tls-'));

function config(name: string, client: Record<string, string | boolean>, bootstrap = cluster.sslBootstrap, top: Record<string, string> = {}): string {
  const file = join(dir, `${name}.json`);
  writeFileSync(file, JSON.stringify({ bootstrap_servers: bootstrap, ...top, client: { 'security.protocol': 'SSL', ...client } }));
  return file;
}

/** Produces three messages with `file`, reads them back with ckafka and from the broker's plain listener. */
async function roundTrip(file: string, prefix: string): Promise<void> {
  const topic = uniqueTopic(prefix);
  await createTopic(cluster.bootstrap, topic, 1);
  const produced = await runCli(['produce', '--config', file, '-t', topic, '-n', '3', '-o', 'json']);
  expect(produced.code, produced.stderr).toBe(0);
  expect(jsonLines(produced.stdout).map((r) => r.status)).toEqual(['delivered', 'delivered', 'delivered']);
  const consumed = await runCli(['consume', '--config', file, '-t', topic, '-e', '-o', 'raw']);
  expect(consumed.code, consumed.stderr).toBe(0);
  expect(consumed.stdout).toBe('Message 0\nMessage 1\nMessage 2\n');
  expect((await readMessages(cluster.bootstrap, topic, 3)).map((m) => m.value)).toEqual(['Message 0', 'Message 1', 'Message 2']);
}

describe.skipIf(process.env.CKAFKA_TEST_BOOTSTRAP)('TLS, as CKafka\'s SSL access', () => {
  beforeAll(async () => {
    cluster = await startKafka({ ssl: true, clientAuth: true, sasl: { users: { [`${instance}#${user}`]: password } } });
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

  it('produces and consumes over SASL_SSL with SCRAM-SHA-512 and a CKafka user name (instance#user)', async () => {
    const file = config('sasl-ssl', { 'security.protocol': 'SASL_SSL', 'sasl.mechanisms': 'SCRAM-SHA-512', 'ssl.ca.location': cluster.caFile as string },
      cluster.saslSslBootstrap, { ckafka_instance_id: instance, sasl_username: user, sasl_password: password });
    await roundTrip(file, 'sasl-ssl');
  });

  it('SASL_SSL with a wrong password is exit 5 (authentication failed), over TLS', async () => {
    const file = config('sasl-ssl-wrong', { 'security.protocol': 'SASL_SSL', 'sasl.mechanisms': 'SCRAM-SHA-512', 'ssl.ca.location': cluster.caFile as string },
      cluster.saslSslBootstrap, { ckafka_instance_id: instance, sasl_username: user, sasl_password: 'not-the-password' });
    const r = await runCli(['topic', 'list', '--config', file]);
    expect(r.code, r.stderr).toBe(5);
    expect(r.stderr).toMatch(/authentication failed/);
    expect(r.stdout + r.stderr).not.toContain('not-the-password');
  });

  it('produces and consumes with a client certificate (ssl.certificate.location, ssl.key.location)', async () => {
    const cert = cluster.clientCert!;
    const file = config('mtls', { 'ssl.ca.location': cluster.caFile as string, 'ssl.certificate.location': cert.certFile, 'ssl.key.location': cert.keyFile }, cluster.mtlsBootstrap);
    await roundTrip(file, 'mtls');
  });

  it('takes an encrypted client key with ssl.key.password', async () => {
    const cert = cluster.clientCert!;
    const file = config('mtls-encrypted', {
      'ssl.ca.location': cluster.caFile as string, 'ssl.certificate.location': cert.certFile, 'ssl.key.location': cert.encryptedKeyFile, 'ssl.key.password': cert.keyPassword,
    }, cluster.mtlsBootstrap);
    await roundTrip(file, 'mtls-encrypted');
  });

  it('without a client certificate the mTLS listener is exit 5 saying a certificate is required, within seconds', async () => {
    const started = Date.now();
    const r = await runCli(['produce', '--config', config('mtls-none', { 'ssl.ca.location': cluster.caFile as string }, cluster.mtlsBootstrap), '-t', uniqueTopic('mtls-none'), '-n', '1']);
    const elapsed = Date.now() - started;
    expect(r.code, r.stderr).toBe(5);
    expect(r.stderr).toMatch(/client certificate/i);
    expect(r.stderr).toMatch(/ssl\.certificate\.location/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(elapsed).toBeLessThan(10_000);
  });
});
