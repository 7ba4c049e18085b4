import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../harness/run-cli.js';
import { loadConfig } from '../../../src/config/load.js';
import { redactConfig, REDACTED } from '../../../src/config/redact.js';
import { DEMO_CONSUMER, DEMO_PRODUCER } from '../../../src/config/init.js';
import { setLocale } from '../../../src/i18n/index.js';
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

describe('config in Chinese (LANG=zh_CN.UTF-8)', () => {
  // main chooses the language for each command line; tests that call the library directly after
  // these would otherwise see the last one's.
  afterEach(() => setLocale('en'));

  /** The same command line in English and in Chinese. */
  async function both(dir: string, argv: string[], env: Record<string, string> = {}) {
    const en = await cli(dir, argv, env);
    const zh = await cli(dir, argv, { ...env, LANG: 'zh_CN.UTF-8' });
    return { en, zh };
  }

  const CJK = /[\u4e00-\u9fff]/;

  it('config show: Chinese headings, sources and notes; names and values as in English', async () => {
    const dir = tempDir();
    const path = write(dir, 'ckafka.config.json', { bootstrap_servers: 'a:9092', producer: { acks: 'all', 'compression.type': 'gzip' }, consumer: { 'request.timeout.ms': 305000 } });
    const { en, zh } = await both(dir, ['config', 'show', '-X', 'retries=3'], { CKAFKA_CLIENT_ID: 'env-client' });
    expect([en.code, zh.code]).toEqual([0, 0]);
    expect(zh.stderr).toBe('');
    const line = (out: string, key: string) => out.split('\n').find((l) => l.startsWith(`${key} `))?.replace(/\s+/g, ' ');
    expect(zh.stdout).toContain(`配置文件： ${path}`);
    expect(zh.stdout).toMatch(/^profile： +（无）$/m);
    expect(zh.stdout).toMatch(/^配置项 +值 +来源$/m);
    expect(line(zh.stdout, 'group_id')).toBe('group_id （未设置）');
    expect(line(zh.stdout, 'client.client.id')).toBe('client.client.id env-client 环境变量 CKAFKA_CLIENT_ID');
    expect(line(zh.stdout, 'consumer.session.timeout.ms')).toBe('consumer.session.timeout.ms 10000 默认值');
    expect(zh.stdout).toMatch(/consumer\.request\.timeout\.ms +305000 .*\n +↳ librdkafka 在消费者配置中会忽略 request\.timeout\.ms（它是生产者参数），ckafka 也一样；它不会成为 kafkajs 的请求超时\n/);
    expect(zh.stdout).toContain('↳ CKafka 不接受 gzip（请改用 snappy 或 lz4）');
    expect(zh.stdout).not.toContain('librdkafka ignores');
    // Setting names, values and flag sources are the same: only the words around them change.
    for (const key of ['bootstrap_servers', 'producer.acks', 'producer.retries', 'producer.compression.type', 'consumer.request.timeout.ms']) {
      expect(line(zh.stdout, key), key).toBe(line(en.stdout, key));
    }
    // Columns line up on a terminal, where a Chinese character takes two columns.
    const columns = (s: string) => [...s].reduce((n, ch) => n + (/[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/.test(ch) ? 2 : 1), 0);
    const rows = zh.stdout.split('\n').filter((l) => /^(配置项|group_id|producer\.acks) /.test(l));
    const valueAt = rows.map((l) => {
      const [, first, gap] = /^(\S+)( {2,})/.exec(l)!;
      return columns(first!) + gap!.length;
    });
    expect(new Set(valueAt).size, rows.join('\n')).toBe(1);
  });

  it('config show -o json is the same in both languages, notes included', async () => {
    const dir = tempDir();
    write(dir, 'pw', `${SECRET}\n`);
    write(dir, 'ckafka.config.json', {
      bootstrap_servers: 'a:9092',
      ckafka_instance_id: 'ckafka-1',
      sasl_username: 'u',
      sasl_password_file: 'pw',
      producer: { 'enable.idempotence': true, 'compression.type': 'gzip' },
      consumer: { 'request.timeout.ms': 305000, 'session.timeout.ms': 400000 },
      profiles: { p: { topic_name: 't' } },
    });
    const { en, zh } = await both(dir, ['config', 'show', '-o', 'json', '--profile', 'p']);
    expect([en.code, zh.code]).toEqual([0, 0]);
    expect(zh.stdout).toBe(en.stdout);
    expect(zh.stdout).toContain('librdkafka ignores request.timeout.ms in a consumer');
    expect(zh.stdout).not.toMatch(CJK);
    expect(zh.stdout).not.toContain('localNote');
    expect(zh.stdout).not.toContain(SECRET);
    // The same settings in text: every note in Chinese.
    const text = await cli(dir, ['config', 'show', '--profile', 'p'], { LANG: 'zh_CN.UTF-8' });
    const notes = text.stdout.split('\n').filter((l) => l.trim().startsWith('↳'));
    expect(notes.length).toBeGreaterThanOrEqual(7);
    for (const note of notes) expect(note).toMatch(CJK);
    expect(text.stdout).toContain(`读取自 ${dir}/pw`);
    expect(text.stdout).toMatch(/^client\.sasl\.username .*\n +↳ 实际发送为 'ckafka-1#u'/m);
  });

  it('a missing config file: exit 3, in Chinese', async () => {
    const dir = tempDir();
    const { en, zh } = await both(dir, ['config', 'show', '--config', 'nope.json']);
    expect([en.code, zh.code]).toEqual([3, 3]);
    expect(en.stderr).toBe(`ckafka: error: config file not found: ${dir}/nope.json (from --config)\n`);
    expect(zh.stderr).toBe(`ckafka: 错误：找不到配置文件：${dir}/nope.json（来自 --config）\n`);
    expect(zh.stdout).toBe(en.stdout);
  });

  it('a broken CKafkaSetting.php: exit 3, its line and column, in Chinese', async () => {
    const dir = tempDir();
    write(dir, 'CKafkaSetting.php', "<?php\nreturn [\n  'bootstrap_servers' => 'a:1'\n  'topic_name' => 't',\n];\n");
    const { en, zh } = await both(dir, ['config', 'show', '--config', 'CKafkaSetting.php']);
    expect([en.code, zh.code]).toEqual([3, 3]);
    expect(en.stderr.split('\n')[0]).toBe(`ckafka: error: ${dir}/CKafkaSetting.php: line 4, column 3: expected ',' or ']' in the array, found a string`);
    expect(zh.stderr.split('\n')[0]).toBe(`ckafka: 错误：${dir}/CKafkaSetting.php：第 4 行，第 3 列：数组中应为 ',' 或 ']'，实际为一个字符串`);
    expect(zh.stderr).toContain('提示：ckafka 把 CKafkaSetting.php 当作数据读取');
    expect(zh.stdout).toBe('');
  });

  it('an unknown property with its suggestion and a bad value: exit 3, both listed in Chinese', async () => {
    const dir = tempDir();
    const path = write(dir, 'ckafka.config.json', { producer: { akcs: 1, 'linger.ms': 5 }, consumer: { 'session.timeout.ms': 'abc' }, sasl_password: SECRET });
    const { en, zh } = await both(dir, ['config', 'show']);
    expect([en.code, zh.code]).toEqual([3, 3]);
    expect(en.stderr).toContain(`${path}: producer.akcs: unknown librdkafka property (did you mean 'acks'?)`);
    expect(zh.stderr).toContain('ckafka: 错误：配置中有 4 个问题：\n');
    expect(zh.stderr).toContain(`  - ${path}: producer.akcs：未知的 librdkafka 参数（您是不是想写 'acks'？）\n`);
    expect(zh.stderr).toContain(`  - ${path}: producer.linger.ms：ckafka 不支持 'linger.ms'：`);
    expect(zh.stderr).toContain(
      `  - ${path}: consumer.session.timeout.ms：应为介于 6000 和 1800000 之间的整数（毫秒；Broker 默认拒绝其他值，CKafka 接受 6000–300000），实际为 'abc'\n`,
    );
    expect(zh.stderr).toContain(`  - ${path}: sasl_password：已给出 SASL 配置项，但没有用户名：请设置 sasl_username（或 CKAFKA_SASL_USERNAME、-X sasl.username=…）\n`);
    expect(zh.stderr).toContain('提示：运行 `ckafka config show` 查看生效的配置');
    expect(zh.stderr + zh.stdout).not.toContain(SECRET);
    expect(zh.stdout).toBe('');
    // In JSON mode: one error line, the same kind and exit code, the message in Chinese.
    const json = await both(dir, ['config', 'show', '-o', 'json']);
    expect([json.en.code, json.zh.code]).toEqual([3, 3]);
    const error = (r: { stderr: string }) => (JSON.parse(r.stderr) as { error: { kind: string; exit_code: number; message: string; hint: string } }).error;
    expect(error(json.zh)).toMatchObject({ kind: 'config', exit_code: 3 });
    expect(error(json.zh).kind).toBe(error(json.en).kind);
    expect(error(json.zh).message).toMatch(/^配置中有 4 个问题：/);
    expect(json.zh.stdout).toBe('');
  });

  it('-X without a value and a bad -X value: the same exit codes as in English', async () => {
    const dir = tempDir();
    const usage = await both(dir, ['config', 'show', '-X', 'acks=all', '-X', 'retries']);
    expect([usage.en.code, usage.zh.code]).toEqual([2, 2]);
    expect(usage.zh.stderr).toBe("ckafka: 错误：-X 的格式应为 name=value，但第 2 个 -X 没有 '='\n  提示：例如：-X acks=all -X retry.backoff.ms=200\n");
    const value = await both(dir, ['config', 'show', '-X', 'acks=most']);
    expect([value.en.code, value.zh.code]).toEqual([3, 3]);
    expect(value.en.stderr).toContain("-X acks: expected one of all, -1, 0, 1, got 'most'");
    expect(value.zh.stderr).toContain("-X acks：应为以下之一：all、-1、0、1，实际为 'most'");
  });

  it('config init: refuses to overwrite (exit 2) and reports a broken --php file (exit 3) in Chinese', async () => {
    const dir = tempDir();
    write(dir, 'ckafka.config.json', { topic_name: 'mine' });
    const exists = await both(dir, ['config', 'init']);
    expect([exists.en.code, exists.zh.code]).toEqual([2, 2]);
    expect(exists.zh.stderr).toBe(`ckafka: 错误：${dir}/ckafka.config.json 已存在\n  提示：如需覆盖，请使用 --force。\n`);
    expect(readFileSync(join(dir, 'ckafka.config.json'), 'utf8')).toContain('mine');

    const other = tempDir();
    write(other, 'CKafkaSetting.php', "<?php return ['topic_name' => 'x'");
    const broken = await both(other, ['config', 'init', '--php', 'CKafkaSetting.php']);
    expect([broken.en.code, broken.zh.code]).toEqual([3, 3]);
    expect(broken.zh.stderr.split('\n')[0]).toBe(`ckafka: 错误：${other}/CKafkaSetting.php：第 1 行，第 34 列：数组中应为 ',' 或 ']'，实际为文件结尾`);
    expect(() => statSync(join(other, 'ckafka.config.json'))).toThrow();
  });

  it('config init writes the same file in both languages', async () => {
    const [en, zh] = [tempDir(), tempDir()];
    const php = `<?php\nreturn ['bootstrap_servers' => 'x:6000', 'topic_name' => 'orders', 'group_id' => 'php-demo'];\n`;
    write(en, 'CKafkaSetting.php', php);
    write(zh, 'CKafkaSetting.php', php);
    expect((await cli(en, ['config', 'init', '--php', 'CKafkaSetting.php'])).code).toBe(0);
    expect((await cli(zh, ['config', 'init', '--php', 'CKafkaSetting.php'], { LANG: 'zh_CN.UTF-8' })).code).toBe(0);
    expect(readFileSync(join(zh, 'ckafka.config.json'), 'utf8')).toBe(readFileSync(join(en, 'ckafka.config.json'), 'utf8'));
  });
});
