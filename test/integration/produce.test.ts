import { describe, expect, inject, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { emptyConfig, jsonLines, runCli } from '../harness/run-cli.js';
import { createTopic, kafkaAdmin, readMessages as readBack, uniqueTopic } from '../harness/kafka.js';
import { partitionSizes } from '../harness/log-dirs.js';

const { bootstrap } = inject('kafka');
// An empty config file keeps any personal config of the developer out of the tests.
const config = emptyConfig();
const base = ['--config', config, '-b', bootstrap];
/** A run under a Chinese locale. */
const zh = { env: { LANG: 'zh_CN.UTF-8' } };
/** The JSON error line of a run with -o json (stderr). */
const errorLine = (stderr: string) => (JSON.parse(stderr) as { error: Record<string, unknown> }).error;


describe('ckafka produce', () => {
  it('reproduces the demo: five messages, one delivery report each, offsets as on the topic', async () => {
    const topic = uniqueTopic('demo');
    await createTopic(bootstrap, topic, 3);
    const r = await runCli(['produce', ...base, '-t', topic, '-n', '5', '-o', 'json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stderr)).toMatchObject({ summary: { topic, delivered: 5, failed: 0, notSent: 0, inputErrors: 0, interrupted: false } });
    const reports = jsonLines(r.stdout);
    expect(reports).toHaveLength(5);
    const stored = await readBack(bootstrap, topic, 5);
    expect(stored.map((m) => m.value).sort()).toEqual(['Message 0', 'Message 1', 'Message 2', 'Message 3', 'Message 4']);
    for (const m of stored) {
      const report = reports.find((x) => x.payload === m.value)!;
      expect(report).toMatchObject({ err: 0, status: 'delivered', topic_name: topic, partition: m.partition, offset: Number(m.offset), key: null, len: m.value!.length, headers: {} });
      expect(String(report.timestamp)).toBe(m.timestamp);
      expect(m.key).toBeNull();
    }
  });

  it('prints a readable report by default and only the summary with -q', async () => {
    const topic = uniqueTopic('text');
    await createTopic(bootstrap, topic, 1);
    const r = await runCli(['produce', ...base, '-t', topic, '-k', 'k1', '-H', 'source=ci', 'hello']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^delivered  ${topic} \\[0\\] @ 0  \\S+Z  key k1  len 5  "hello"  headers source=ci\\n$`));
    const q = await runCli(['produce', ...base, '-t', topic, '-q', 'a', 'b']);
    expect(q.code).toBe(0);
    expect(q.stdout).toBe('');
    expect(q.stderr).toContain('2 of 2 delivered');
  });

  it('reads stdin lines, splits keys with -K, adds headers with -H, honours -p', async () => {
    const topic = uniqueTopic('stdin');
    await createTopic(bootstrap, topic, 3);
    const stdin = 'user1:alpha\nuser2:beta\r\n\nnodelimiter\n';
    const r = await runCli(['produce', ...base, '-t', topic, '-K', ':', '-H', 'h1=v1', '-H', 'h2=v2', '-p', '2', '-q'], { stdin });
    expect(r.code).toBe(0);
    const stored = await readBack(bootstrap, topic, 3);
    expect(stored.map((m) => [m.partition, m.key, m.value, m.headers])).toEqual([
      [2, 'user1', 'alpha', { h1: 'v1', h2: 'v2' }],
      // Every byte but the newline is kept, a \r too (as kcat does; --strip-cr drops it).
      [2, 'user2', 'beta\r', { h1: 'v1', h2: 'v2' }],
      [2, null, 'nodelimiter', { h1: 'v1', h2: 'v2' }],
    ]);
  });

  it('reads a file with --file', async () => {
    const topic = uniqueTopic('file');
    await createTopic(bootstrap, topic, 2);
    const file = join(mkdtempSync(join(tmpdir(), 'ckafka-file-')), 'in.txt');
    writeFileSync(file, Array.from({ length: 3000 }, (_, i) => `line ${i}`).join('\n'));
    const r = await runCli(['produce', ...base, '-t', topic, '--file', file, '-q']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('3000 of 3000 delivered');
    const stored = await readBack(bootstrap, topic, 3000);
    expect(new Set(stored.map((m) => m.value)).size).toBe(3000);
  });

  it('takes JSON lines, reports a bad line with its number, sends the rest and exits 7', async () => {
    const topic = uniqueTopic('json');
    await createTopic(bootstrap, topic, 2);
    const stdin = [
      JSON.stringify({ key: 'k', value: 'v1', headers: { a: '1' }, partition: 1 }),
      '{not json',
      JSON.stringify({ payload: '/w==', payload_encoding: 'base64', partition: 0, timestamp: 1700000000000 }),
    ].join('\n');
    const r = await runCli(['produce', ...base, '-t', topic, '--input', 'json', '-o', 'json'], { stdin });
    expect(r.code).toBe(7);
    expect(r.stderr).toContain('"line":2');
    const stored = await readBack(bootstrap, topic, 2);
    expect(stored).toMatchObject([
      { partition: 0, key: null, timestamp: '1700000000000' },
      { partition: 1, key: 'k', value: 'v1', headers: { a: '1' } },
    ]);
    const reports = jsonLines(r.stdout);
    expect(reports.map((x) => x.line).sort()).toEqual([1, 3]);
  });

  it.each([['all'], ['1'], ['0']])('sends with --acks %s', async (acks) => {
    const topic = uniqueTopic(`acks${acks}`);
    await createTopic(bootstrap, topic, 1);
    const r = await runCli(['produce', ...base, '-t', topic, '--acks', acks, '-n', '3', '-o', 'json']);
    expect(r.code).toBe(0);
    const reports = jsonLines(r.stdout);
    expect(reports.map((x) => x.status)).toEqual(acks === '0' ? ['sent', 'sent', 'sent'] : ['delivered', 'delivered', 'delivered']);
    const stored = await readBack(bootstrap, topic, 3);
    expect(stored.map((m) => m.value)).toEqual(['Message 0', 'Message 1', 'Message 2']);
  });

  // The log's size on the broker (DescribeLogDirs) tells whether the batches were compressed: the
  // values alone are ~65 KB; uncompressed the log is larger than that, compressed a fraction of it.
  it.each([['none'], ['gzip'], ['snappy'], ['lz4'], ['zstd']])('compresses with %s, as the log size on the broker shows', async (codec) => {
    const topic = uniqueTopic(`codec-${codec}`);
    await createTopic(bootstrap, topic, 1);
    const values = Array.from({ length: 500 }, (_, i) => `compressible message number ${i} `.repeat(4));
    const r = await runCli(['produce', ...base, '-t', topic, '--compression', codec, '-q'], { stdin: values.join('\n') });
    expect(r.code, r.stderr).toBe(0);
    const stored = await readBack(bootstrap, topic, 500);
    expect(stored.map((m) => m.value)).toEqual(values);
    const valueBytes = values.reduce((n, v) => n + v.length, 0);
    const logBytes = (await partitionSizes(bootstrap, topic)).get(0) ?? 0;
    if (codec === 'none') expect(logBytes).toBeGreaterThan(valueBytes);
    else expect(logBytes, `${codec}: ${logBytes} bytes on the broker for ${valueBytes} bytes of values`).toBeLessThan(valueBytes / 3);
  });

  it('with -X allow.auto.create.topics=false refuses an unknown topic without creating it (exit 6)', async () => {
    const topic = uniqueTopic('missing');
    const r = await runCli(['produce', ...base, '-t', topic, '-n', '1', '-X', 'allow.auto.create.topics=false']);
    expect(r.code).toBe(6);
    expect(r.stderr).toContain(`topic '${topic}' does not exist`);
    const again = await runCli(['produce', ...base, '-t', topic, '-n', '1', '-X', 'allow.auto.create.topics=false']);
    expect(again.code).toBe(6);
    const admin = await kafkaAdmin(bootstrap);
    try {
      expect(await admin.listTopics()).not.toContain(topic);
    } finally {
      await admin.disconnect();
    }
  });

  it('in Chinese: an unknown topic is exit 6 with the hint in Chinese, and -o json keeps kind and exit_code', async () => {
    const topic = uniqueTopic('missing-zh');
    const argv = ['produce', ...base, '-t', topic, '-n', '1', '-X', 'allow.auto.create.topics=false'];
    const r = await runCli(argv, zh);
    expect(r.code).toBe(6);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`主题 '${topic}' 不存在`);
    expect(r.stderr).toMatch(/提示：\s?请检查主题名称（ckafka topic list），或创建该主题（ckafka topic create）。/);
    const english = await runCli([...argv, '-o', 'json']);
    const chinese = await runCli([...argv, '-o', 'json'], zh);
    expect([english.code, chinese.code]).toEqual([6, 6]);
    const [en, cn] = [errorLine(english.stderr), errorLine(chinese.stderr)];
    expect([cn.kind, cn.exit_code]).toEqual([en.kind, en.exit_code]);
    expect([en.kind, en.exit_code]).toEqual(['broker', 6]);
    expect(en.message).toBe(`topic '${topic}' does not exist`);
    expect(cn.message).toBe(`主题 '${topic}' 不存在`);
  });

  it('creates a missing topic when the cluster allows it, as the demo (librdkafka) does, and says so on stderr', async () => {
    const topic = uniqueTopic('autocreated');
    const r = await runCli(['produce', ...base, '-t', topic, '-n', '3']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(`% created topic '${topic}' with 1 partition:`);
    expect(r.stdout.match(/^delivered /gm)).toHaveLength(3);
    expect((await readBack(bootstrap, topic, 3)).map((m) => m.value)).toEqual(['Message 0', 'Message 1', 'Message 2']);
    // The second run finds it: no line about creating.
    const again = await runCli(['produce', ...base, '-t', topic, '-n', '1']);
    expect(again.code).toBe(0);
    expect(again.stderr).not.toContain('created topic');
  });

  it('under a Chinese locale says it created the topic in Chinese; the reports on stdout are the same JSON', async () => {
    const topic = uniqueTopic('autocreated-zh');
    const r = await runCli(['produce', ...base, '-t', topic, '-n', '2', '-o', 'json'], { env: { LANG: 'zh_CN.UTF-8' } });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(`% 已创建主题 '${topic}'，共 1 个分区：集群会自动创建不存在的主题`);
    const reports = jsonLines(r.stdout);
    expect(reports.map((m) => [m.topic_name, m.partition, m.offset, m.payload])).toEqual([[topic, 0, 0, 'Message 0'], [topic, 0, 1, 'Message 1']]);
  });

  it('refuses a message over message.max.bytes before sending, with both sizes (exit 6)', async () => {
    const topic = uniqueTopic('big');
    await createTopic(bootstrap, topic, 1);
    const r = await runCli(['produce', ...base, '-t', topic, '-X', 'message.max.bytes=1000', 'x'.repeat(2000)]);
    expect(r.code).toBe(6);
    expect(r.stdout).toMatch(/message of 20\d\d bytes is over the limit of 1000 bytes/);
  });

  it('reports every message of a batch the broker refuses as failed (exit 6), and partial delivery as 7', async () => {
    const topic = uniqueTopic('brokerlimit');
    await createTopic(bootstrap, topic, 2, { 'max.message.bytes': '2000' });
    // One request carries one partition's batch: the broker refuses it whole.
    const r = await runCli(['produce', ...base, '-t', topic, '-p', '0', '-o', 'json', 'small', 'y'.repeat(5000)]);
    const reports = jsonLines(r.stdout);
    expect(reports.map((x) => x.status)).toEqual(['failed', 'failed']);
    expect(String(reports[0]!.errstr)).toMatch(/too large/i);
    expect(r.code).toBe(6);
    const partial = await runCli(['produce', ...base, '-t', topic, '--input', 'json', '-o', 'json'], {
      stdin: `${JSON.stringify({ value: 'small', partition: 0 })}\n${JSON.stringify({ value: 'y'.repeat(5000), partition: 1 })}\n`,
    });
    expect(jsonLines(partial.stdout).map((x) => [x.partition, x.status]).sort()).toEqual([[0, 'delivered'], [1, 'failed']]);
    expect(partial.code).toBe(7);
    expect((await readBack(bootstrap, topic, 1)).map((m) => m.value)).toEqual(['small']);

    // In Chinese: the same reports and exit code; the broker's refusal is said in Chinese, its words kept.
    const chinese = await runCli(['produce', ...base, '-t', topic, '-p', '0', '-o', 'json', 'small', 'y'.repeat(5000)], zh);
    const translated = jsonLines(chinese.stdout);
    expect(translated.map((x) => Object.keys(x).sort())).toEqual(reports.map((x) => Object.keys(x).sort()));
    expect(translated.map((x) => x.status)).toEqual(['failed', 'failed']);
    expect(String(translated[0]!.errstr)).toMatch(/消息过大，Broker 拒绝写入：.*larger than the max message size/);
    expect(chinese.code).toBe(6);
  });

  it('--input json: a bad line is reported in Chinese under a Chinese locale; exit code and delivery reports as in English', async () => {
    const topic = uniqueTopic('json-zh');
    await createTopic(bootstrap, topic, 1);
    const stdin = `${JSON.stringify({ key: 'k1', value: 'one' })}\n{"value":"two",}\n[3]\n${JSON.stringify({ key: 'k4', value: 'four' })}\n`;
    const run = (env: Record<string, string>) => runCli(['produce', ...base, '-t', topic, '--input', 'json', '-o', 'json'], { stdin, env });
    const en = await run({});
    const zh = await run({ LANG: 'zh_CN.UTF-8' });
    expect([en.code, zh.code]).toEqual([7, 7]);
    // The reports: the same fields and values, but for the offset and time each run gets.
    const reports = (stdout: string) => jsonLines(stdout).map(({ offset: _o, timestamp: _t, ...rest }) => rest);
    expect(reports(zh.stdout)).toEqual(reports(en.stdout));
    expect(reports(zh.stdout).map((r) => [r.status, r.key, r.payload])).toEqual([['delivered', 'k1', 'one'], ['delivered', 'k4', 'four']]);
    const errors = (stderr: string) => jsonLines(stderr).filter((l) => 'error' in l).map((l) => l.error as { kind: string; line: number; message: string });
    expect(errors(en.stderr)).toEqual([
      { kind: 'input', line: 2, message: 'invalid JSON at column 16: expected double-quoted property name' },
      { kind: 'input', line: 3, message: 'expected a JSON object with "value" (or "payload"), optional "key", "headers", "partition", "timestamp"' },
    ]);
    expect(errors(zh.stderr)).toEqual([
      { kind: 'input', line: 2, message: 'JSON 格式无效（第 16 列）：属性名应使用双引号' },
      { kind: 'input', line: 3, message: '应为一个 JSON 对象，包含 "value"（或 "payload"），以及可选的 "key"、"headers"、"partition"、"timestamp"' },
    ]);
    const summary = (stderr: string) => {
      const { elapsed_ms: _e, ...rest } = jsonLines(stderr).find((l) => 'summary' in l)?.summary as Record<string, unknown>;
      return rest;
    };
    expect(summary(zh.stderr)).toEqual(summary(en.stderr));
    expect(summary(zh.stderr)).toMatchObject({ delivered: 2, inputErrors: 2 });
  });

  it('fails fast with exit 4 when the cluster cannot be reached', async () => {
    const started = Date.now();
    const r = await runCli(['produce', '--config', config, '-b', '127.0.0.1:1', '-t', 'x', '-n', '1']);
    expect(r.code).toBe(4);
    expect(r.stderr).toContain('cannot reach the cluster');
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  it('on Ctrl-C reports what was delivered and counts the rest as not sent (exit 130)', async () => {
    const topic = uniqueTopic('interrupt');
    await createTopic(bootstrap, topic, 1);
    const stdin = new PassThrough();
    const controller = new AbortController();
    const run = runCli(['produce', ...base, '-t', topic, '-o', 'json'], { stdin, signal: controller.signal });
    stdin.write('one\ntwo\n');
    await new Promise((r) => setTimeout(r, 1500));
    controller.abort();
    const r = await run;
    expect(r.code).toBe(130);
    const delivered = jsonLines(r.stdout).filter((x) => x.status === 'delivered');
    expect(delivered.map((x) => x.payload)).toEqual(['one', 'two']);
    const stored = await readBack(bootstrap, topic, 2);
    expect(stored.map((m) => m.value)).toEqual(['one', 'two']);
  });
});
