import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startKafka, type KafkaCluster } from '../harness/broker.js';
import { createTopic, uniqueTopic } from '../harness/kafka.js';
import { runCli } from '../harness/run-cli.js';

// CKafka's public-network access: SASL with user names `<instance id>#<user>`. A broker of its own
// with a SASL_PLAINTEXT listener (PLAIN and SCRAM), and ckafka configured as users configure it.
const instance = 'ckafka-abc123';
const user = 'demo';
const password = 's3cret-pw';
let cluster: KafkaCluster;
let sasl: string;
const dir = mkdtempSync(join(tmpdir(), 'ckafka-sasl-'));

describe.skipIf(process.env.CKAFKA_TEST_BOOTSTRAP)('SASL, as CKafka\'s public network access', () => {
  beforeAll(async () => {
    cluster = await startKafka({ sasl: { users: { [`${instance}#${user}`]: password } } });
    sasl = cluster.saslBootstrap as string;
  }, 120_000);
  afterAll(async () => {
    await cluster?.stop();
  });

  it('runs the public-network PHP demo settings: ckafka_instance_id, sasl_username, sasl_password (PLAIN)', async () => {
    const topic = uniqueTopic('sasl-php');
    await createTopic(cluster.bootstrap, topic, 2);
    const php = join(dir, 'CKafkaSetting.php');
    writeFileSync(php, `<?php
return [
    'bootstrap_servers' => '${sasl}',
    'topic_name' => '${topic}',
    'group_id' => 'php-demo',
    'ckafka_instance_id' => '${instance}',
    'sasl_username' => '${user}',
    'sasl_password' => '${password}',
];
`);
    const produced = await runCli(['produce', '--config', php, '-n', '5', '-X', 'sasl.mechanisms=PLAIN']);
    expect(produced.code, produced.stderr).toBe(0);
    expect(produced.stdout.match(/^delivered /gm)).toHaveLength(5);
    const consumed = await runCli(['consume', '--config', php, '-X', 'sasl.mechanisms=PLAIN', '-e', '-o', 'raw']);
    expect(consumed.code, consumed.stderr).toBe(0);
    expect(consumed.stdout.split('\n').filter(Boolean).sort()).toEqual(['Message 0', 'Message 1', 'Message 2', 'Message 3', 'Message 4']);
  });

  it.each(['SCRAM-SHA-256', 'SCRAM-SHA-512'])('passes a check with %s and the password from the environment', async (mechanism) => {
    const topic = uniqueTopic('sasl-scram');
    await createTopic(cluster.bootstrap, topic, 1);
    const config = join(dir, `scram-${mechanism}.json`);
    writeFileSync(config, JSON.stringify({ bootstrap_servers: sasl, client: { 'security.protocol': 'SASL_PLAINTEXT', 'sasl.mechanisms': mechanism } }));
    const r = await runCli(['check', '--config', config, '-t', topic, '-n', '3'], {
      env: { CKAFKA_SASL_USERNAME: `${instance}#${user}`, CKAFKA_SASL_PASSWORD: password },
    });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('PASS');
  });

  it('a wrong password is exit 5, and the password is never printed', async () => {
    const config = join(dir, 'wrong.json');
    writeFileSync(config, JSON.stringify({ bootstrap_servers: sasl, ckafka_instance_id: instance, sasl_username: user, client: { 'sasl.mechanisms': 'SCRAM-SHA-512' } }));
    const started = Date.now();
    const r = await runCli(['topic', 'list', '--config', config], { env: { CKAFKA_SASL_PASSWORD: 'not-the-password' } });
    expect(r.code).toBe(5);
    expect(r.stderr).toMatch(/authentication failed/);
    expect(r.stdout + r.stderr).not.toContain('not-the-password');
    expect(Date.now() - started).toBeLessThan(15_000);
  });

  it('in Chinese, a wrong password is still exit 5 (kind auth in JSON), said and hinted in Chinese', async () => {
    const config = join(dir, 'wrong-zh.json');
    writeFileSync(config, JSON.stringify({ bootstrap_servers: sasl, ckafka_instance_id: instance, sasl_username: user, client: { 'sasl.mechanisms': 'SCRAM-SHA-512' } }));
    const env = { CKAFKA_SASL_PASSWORD: 'not-the-password', LANG: 'zh_CN.UTF-8' };
    const r = await runCli(['topic', 'list', '--config', config], { env });
    expect(r.code).toBe(5);
    expect(r.stderr).toContain('连接集群：身份认证失败（接入点 ');
    expect(r.stderr).toContain('请检查 sasl.mechanisms、sasl.username（CKafka：实例 ID#用户名）和密码。');
    expect(r.stdout + r.stderr).not.toContain('not-the-password');
    const json = await runCli(['topic', 'list', '--config', config, '-o', 'json'], { env });
    const error = (JSON.parse(json.stderr) as { error: Record<string, unknown> }).error;
    expect([json.code, error.kind, error.exit_code]).toEqual([5, 'auth', 5]);
  });
});
