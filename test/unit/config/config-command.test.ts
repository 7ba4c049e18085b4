import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../harness/run-cli.js';
import { loadConfig } from '../../../src/config/load.js';
import { redactConfig, REDACTED } from '../../../src/config/redact.js';
import { DEMO_CONSUMER, DEMO_PRODUCER } from '../../../src/config/init.js';
import { request, tempDir, write } from './helpers.js';

const SECRET = 'hunter2-S3cret';
const KEY_SECRET = '-----BEGIN PRIVATE KEY-----\nSECRETKEYMATERIAL\n-----END PRIVATE KEY-----\n';
const CERT = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';

/** `ckafka …` in-process, isolated: HOME is the temp dir, nothing from the real environment. */
const cli = (dir: string, argv: string[], env: Record<string, string> = {}) => runCli(argv, { cwd: dir, env: { HOME: dir, ...env } });

function secretConfig(dir: string): void {
  write(dir, 'client.pem', CERT);
  write(dir, 'client.key', KEY_SECRET);
  write(dir, 'ckafka.config.json', {
    bootstrap_servers: 'a:9092',
    sasl_username: 'u',
    sasl_password: SECRET,
    client: { 'security.protocol': 'SASL_SSL', 'ssl.certificate.location': 'client.pem', 'ssl.key.location': 'client.key', 'ssl.key.password': `${SECRET}-key` },
  });
}

describe('ckafka config show', () => {
  it('prints each setting with its value and source', async () => {
    const dir = tempDir();
    const path = write(dir, 'ckafka.config.json', { bootstrap_servers: 'a:9092', topic_name: 't', producer: { acks: 'all' }, consumer: { 'request.timeout.ms': 305000 } });
    const r = await cli(dir, ['config', 'show', '-X', 'retries=3', '-g', 'g1'], { CKAFKA_CLIENT_ID: 'env-client' });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const line = (key: string) => r.stdout.split('\n').find((l) => l.startsWith(`${key} `))?.replace(/\s+/g, ' ');
    expect(r.stdout).toContain(`config file: ${path}`);
    expect(line('bootstrap_servers')).toBe(`bootstrap_servers a:9092 ${path}`);
    expect(line('topic_name')).toBe(`topic_name t ${path}`);
    expect(line('group_id')).toBe('group_id g1 --group');
    expect(line('client.client.id')).toBe('client.client.id env-client env CKAFKA_CLIENT_ID');
    expect(line('producer.acks')).toBe(`producer.acks all ${path}`);
    expect(line('producer.retries')).toBe('producer.retries 3 -X retries');
    expect(line('consumer.session.timeout.ms')).toBe('consumer.session.timeout.ms 10000 default');
    expect(r.stdout).toMatch(/consumer\.request\.timeout\.ms +305000 .*\n +↳ librdkafka ignores request\.timeout\.ms in a consumer/);
  });

  it('-o json gives the documented structure', async () => {
    const dir = tempDir();
    const path = write(dir, 'ckafka.config.json', { topic_name: 't', profiles: { p: { bootstrap_servers: 'b:1' } } });
    const r = await cli(dir, ['config', 'show', '-o', 'json', '--profile', 'p']);
    expect(r.code).toBe(0);
    const view = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(view).toMatchObject({
      files: [path],
      profile: 'p',
      settings: {
        bootstrap_servers: { value: ['b:1'], source: { kind: 'file', path, profile: 'p' } },
        topic_name: { value: 't', source: { kind: 'file', path } },
      },
      properties: { producer: { acks: { value: '1', source: { kind: 'default' } } } },
      kafkajs: { client: { brokers: ['b:1'], requestTimeout: 6000 }, producer: { acks: 1 }, consumer: { sessionTimeout: 10000 } },
    });
  });

  it('works before the subcommand too (connection options on the program)', async () => {
    const dir = tempDir();
    write(dir, 'conf.json', { topic_name: 'from-global-flag' });
    const r = await cli(dir, ['--config', 'conf.json', 'config', 'show', '-o', 'json']);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { settings: { topic_name: { value: string } } }).settings.topic_name.value).toBe('from-global-flag');
  });

  it('keeps -X given both before and after the subcommand, the later winning', async () => {
    const dir = tempDir();
    const r = await cli(dir, ['-X', 'acks=0', '-X', 'retries=1', 'config', 'show', '-o', 'json', '-X', 'retries=2']);
    expect(r.code).toBe(0);
    const view = JSON.parse(r.stdout) as { properties: { producer: Record<string, { value: string }> } };
    expect(view.properties.producer.acks?.value).toBe('0');
    expect(view.properties.producer.retries?.value).toBe('2');
  });

  it('never prints a password or private key, in text or JSON', async () => {
    const dir = tempDir();
    secretConfig(dir);
    for (const argv of [['config', 'show'], ['config', 'show', '-o', 'json']]) {
      const r = await cli(dir, argv, { CKAFKA_SASL_PASSWORD: `${SECRET}-env` });
      expect(r.code).toBe(0);
      expect(r.stdout).toContain(REDACTED);
      expect(r.stdout + r.stderr).not.toContain(SECRET);
      expect(r.stdout + r.stderr).not.toContain('SECRETKEYMATERIAL');
    }
  });

  it('a configuration error exits 3 with the message on stderr (one JSON line in JSON mode)', async () => {
    const dir = tempDir();
    const path = write(dir, 'ckafka.config.json', { producer: { akcs: 1 }, sasl_password: SECRET });
    const text = await cli(dir, ['config', 'show']);
    expect(text.code).toBe(3);
    expect(text.stdout).toBe('');
    expect(text.stderr).toContain(`${path}: producer.akcs: unknown librdkafka property (did you mean 'acks'?)`);
    expect(text.stderr).not.toContain(SECRET);
    const json = await cli(dir, ['config', 'show', '-o', 'json']);
    expect(json.code).toBe(3);
    expect(json.stdout).toBe('');
    const line = JSON.parse(json.stderr) as { error: { kind: string; exit_code: number; message: string } };
    expect(line.error).toMatchObject({ kind: 'config', exit_code: 3 });
  });

  it('an unknown profile exits 3 and lists the profiles', async () => {
    const dir = tempDir();
    write(dir, 'ckafka.config.json', { profiles: { prod: {}, test: {} } });
    const r = await cli(dir, ['config', 'show', '--profile', 'staging']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain("unknown profile 'staging' (--profile); available in");
    expect(r.stderr).toContain('prod, test');
  });
});

describe('redaction', () => {
  it('redactConfig hides every secret and summarises PEM data', async () => {
    const dir = tempDir();
    secretConfig(dir);
    const config = await loadConfig(request(dir));
    expect(config.client.sasl?.password).toBe(SECRET);
    const view = redactConfig(config);
    expect(view.properties.client['sasl.password']).toEqual({ value: REDACTED, source: { kind: 'file', path: `${dir}/ckafka.config.json` } });
    expect(view.properties.client['ssl.key.password']?.value).toBe(REDACTED);
    expect(view.kafkajs.client.sasl).toEqual({ mechanism: 'plain', username: 'u', password: REDACTED });
    expect(view.kafkajs.client.ssl).toEqual({ cert: `[PEM, ${CERT.length} bytes]`, key: REDACTED, passphrase: REDACTED, rejectUnauthorized: true });
    const text = JSON.stringify(view);
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain('SECRETKEYMATERIAL');
  });

  it('a password read from a file is redacted and says where it came from', async () => {
    const dir = tempDir();
    write(dir, 'pw', `${SECRET}\n`);
    const config = await loadConfig(request(dir, { env: { HOME: dir, CKAFKA_SASL_USERNAME: 'u', CKAFKA_SASL_PASSWORD_FILE: '~/pw' } }));
    const view = redactConfig(config);
    expect(view.properties.client['sasl.password']).toEqual({ value: REDACTED, source: { kind: 'env', name: 'CKAFKA_SASL_PASSWORD_FILE' }, note: `read from ${dir}/pw` });
    expect(view.properties.client['sasl.password.file']?.value).toBe('~/pw');
    expect(JSON.stringify(view)).not.toContain(SECRET);
  });
});

describe('ckafka config init', () => {
  it("writes ckafka.config.json with the demo's settings, and it loads", async () => {
    const dir = tempDir();
    const r = await cli(dir, ['config', 'init']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`wrote ${dir}/ckafka.config.json`);
    const doc = JSON.parse(readFileSync(join(dir, 'ckafka.config.json'), 'utf8')) as Record<string, unknown>;
    expect(doc).toMatchObject({ group_id: 'php-demo', producer: DEMO_PRODUCER, consumer: DEMO_CONSUMER });
    const config = await loadConfig(request(dir));
    expect(config.producer.acks).toBe(1);
    expect(config.properties.producer.acks?.source.kind).toBe('file');
  });

  it('refuses to overwrite without --force', async () => {
    const dir = tempDir();
    write(dir, 'ckafka.config.json', { topic_name: 'mine' });
    const r = await cli(dir, ['config', 'init']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${dir}/ckafka.config.json already exists`);
    expect(r.stderr).toContain('--force');
    expect(readFileSync(join(dir, 'ckafka.config.json'), 'utf8')).toContain('mine');
    expect((await cli(dir, ['config', 'init', '--force'])).code).toBe(0);
    expect(readFileSync(join(dir, 'ckafka.config.json'), 'utf8')).toContain('php-demo');
  });

  it('--php converts CKafkaSetting.php (mode 0600 when it holds a password)', async () => {
    const dir = tempDir();
    write(dir, 'demo/CKafkaSetting.php', `<?php\nreturn [\n  'bootstrap_servers' => 'x:6000',\n  'topic_name' => 'orders',\n  'group_id' => 'php-demo',\n  'ckafka_instance_id' => 'ckafka-1',\n  'sasl_username' => 'u',\n  'sasl_password' => '${SECRET}',\n];\n`);
    const r = await cli(dir, ['config', 'init', '--php', 'demo/CKafkaSetting.php']);
    expect(r.code).toBe(0);
    expect(r.stderr).not.toContain(SECRET);
    const path = join(dir, 'ckafka.config.json');
    expect(statSync(path).mode & 0o777).toBe(0o600);
    const config = await loadConfig(request(dir));
    expect(config.topic?.value).toBe('orders');
    expect(config.client.sasl).toEqual({ mechanism: 'plain', username: 'ckafka-1#u', password: SECRET });
    expect(config.producer.retries).toBe(0);
  });

  it('--php with a broken file is a config error and writes nothing', async () => {
    const dir = tempDir();
    write(dir, 'CKafkaSetting.php', "<?php return ['topic_name' => 'x'");
    const r = await cli(dir, ['config', 'init', '--php', 'CKafkaSetting.php']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('CKafkaSetting.php: line 1');
    expect(() => statSync(join(dir, 'ckafka.config.json'))).toThrow();
  });
});
