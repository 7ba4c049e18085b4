import { describe, expect, inject, it } from 'vitest';
import { Partitioners } from 'kafkajs';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { runCli } from '../harness/run-cli.js';
import { createTopic, sendMessages, testKafka, uniqueTopic, type TestMessage } from '../harness/kafka.js';
import { committed, emptyConfig, groupIds, jsonLines, sleep } from './consume-helpers.js';

const { bootstrap } = inject('kafka');
const config = emptyConfig();
const base = ['consume', '--config', config, '-b', bootstrap];
const values = (prefix: string, n: number, from = 0): TestMessage[] =>
  Array.from({ length: n }, (_, i) => ({ value: `${prefix} ${from + i}` }));
const payloads = (stdout: string) => jsonLines(stdout).map((m) => m.payload as string);
const byPartitionOffset = (stdout: string) =>
  jsonLines(stdout)
    .map((m) => [m.partition as number, m.offset as number] as const)
    .sort((a, b) => a[0] - b[0] || a[1] - b[1]);

describe('ckafka consume as the demo\'s Consumer.php', () => {
  it('joins the configured group, prints every message with its fields, says when it caught up, ends after the idle timeout', async () => {
    const topic = uniqueTopic('demo-consume');
    const group = uniqueTopic('php-demo');
    await createTopic(bootstrap, topic, 3);
    await sendMessages(bootstrap, topic, [
      ...values('Message', 4),
      { key: 'k1', value: 'Message 4', headers: { trace: 'abc' }, partition: 1 },
    ]);
    // The demo's own setup: CKafkaSetting.php-style keys in a config file, nothing on the command line.
    const demoConfig = join(dirname(config), `${topic}.json`);
    writeFileSync(demoConfig, JSON.stringify({ bootstrap_servers: bootstrap, topic_name: topic, group_id: group }));
    const started = Date.now();
    const r = await runCli(['consume', '--config', demoConfig, '--idle-timeout', '1s', '-o', 'json']);
    expect(r.code).toBe(0);
    expect(Date.now() - started).toBeLessThan(15_000);
    const messages = jsonLines(r.stdout.replace(/^\{"(event|summary)".*$/gm, ''));
    expect(messages.map((m) => m.payload).sort()).toEqual(['Message 0', 'Message 1', 'Message 2', 'Message 3', 'Message 4']);
    const keyed = messages.find((m) => m.payload === 'Message 4')!;
    expect(Object.keys(keyed)).toEqual(['err', 'topic_name', 'timestamp', 'partition', 'payload', 'len', 'key', 'offset', 'headers']);
    expect(keyed).toMatchObject({ err: 0, topic_name: topic, partition: 1, len: 9, key: 'k1', headers: { trace: 'abc' } });
    expect(Math.abs((keyed.timestamp as number) - Date.now())).toBeLessThan(60_000);
    // Status on stderr only: the assignment, the end of the partitions, the summary.
    const status = jsonLines(r.stderr);
    expect(status.map((s) => (s.event ?? (s.summary ? 'summary' : '?')) as string)).toEqual(['assigned', 'caught-up', 'summary']);
    expect(status[2]).toMatchObject({ summary: { topic, group_id: group, consumed: 5, stopped: 'idle' } });
    const offsets = await committed(bootstrap, group, topic);
    expect(Object.values(offsets).reduce((a, b) => a + b, 0)).toBe(5);

    // Committed: the next run of the group prints nothing new.
    const again = await runCli(['consume', '--config', demoConfig, '--idle-timeout', '500ms']);
    expect(again.code).toBe(0);
    expect(again.stdout).toBe('');
    expect(again.stderr).toMatch(/reached the end of '.*'.*waiting for messages for 500ms/);
    expect(again.stderr).toMatch(/% done: 0 messages .*stopped: no message for 500ms/);
  });

  it('prints the readable default without colour in a pipe', async () => {
    const topic = uniqueTopic('text');
    await createTopic(bootstrap, topic, 1);
    await sendMessages(bootstrap, topic, [{ key: 'k', value: 'hello\nworld', headers: { a: '1' } }, { value: null }]);
    const r = await runCli([...base, '-t', topic, '-e']);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toMatch(new RegExp(`^${topic} \\[0\\] @ 0  \\d{4}-\\d\\d-\\d\\dT\\S+Z  key k  len 11  headers a=1$`));
    expect(lines[1]).toBe('hello\\x0aworld');
    expect(lines[2]).toMatch(/ @ 1 .* key - {2}len 0$/);
    expect(lines[3]).toBe('(null)');
    expect(r.stdout).not.toContain('\u001b[');
  });
});

describe('start positions (--from)', () => {
  const topic = uniqueTopic('from');
  let middle = 0;
  const setup = (async () => {
    await createTopic(bootstrap, topic, 2);
    // 0..9 in partition 0, 100..109 in partition 1; a pause in the middle for --from TIME.
    await sendMessages(bootstrap, topic, [...values('p0', 5).map((m) => ({ ...m, partition: 0 })), ...values('p1', 5).map((m) => ({ ...m, partition: 1 }))]);
    await sleep(50);
    middle = Date.now();
    await sleep(50);
    await sendMessages(bootstrap, topic, [...values('p0', 5, 5).map((m) => ({ ...m, partition: 0 })), ...values('p1', 5, 5).map((m) => ({ ...m, partition: 1 }))]);
  })();
  const read = async (...args: string[]) => {
    await setup;
    const r = await runCli([...base, '-t', topic, '-e', '-o', 'json', ...args]);
    expect(r.code, r.stderr).toBe(0);
    return r.stdout;
  };

  it('earliest', async () => {
    expect(payloads(await read('--from', 'earliest'))).toHaveLength(20);
  });
  it('latest: nothing already there', async () => {
    expect(await read('--from', 'latest')).toBe('');
  });
  it('an offset, in every partition', async () => {
    expect(byPartitionOffset(await read('--from', '8'))).toEqual([[0, 8], [0, 9], [1, 8], [1, 9]]);
  });
  it('N before the end of each partition', async () => {
    expect(byPartitionOffset(await read('--from', '-2'))).toEqual([[0, 8], [0, 9], [1, 8], [1, 9]]);
  });
  it('a time in milliseconds', async () => {
    const out = payloads(await read('--from', `@${middle}`)).sort();
    expect(out).toEqual([...values('p0', 5, 5), ...values('p1', 5, 5)].map((m) => m.value).sort());
  });
  it('an ISO date', async () => {
    const out = payloads(await read('--from', new Date(middle).toISOString()));
    expect(out).toHaveLength(10);
    expect(payloads(await read('--from', '2000-01-01'))).toHaveLength(20);
  });
  it('with a group: --from wins over committed offsets, and the group keeps its commits', async () => {
    const group = uniqueTopic('from-group');
    expect(payloads(await read('-g', group))).toHaveLength(20);
    expect(payloads(await read('-g', group, '--from', '-1'))).toHaveLength(2);
    expect(await committed(bootstrap, group, topic)).toEqual({ 0: 10, 1: 10 });
  });
  it('an invalid --from is a usage error before connecting', async () => {
    const r = await runCli(['consume', '--config', config, '-b', '127.0.0.1:1', '-t', topic, '--from', 'yesterday']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("cannot read 'yesterday' as a start position");
  });
});

describe('stop conditions', () => {
  it('-c N stops after N messages and commits exactly those', async () => {
    const topic = uniqueTopic('count');
    const group = uniqueTopic('count-group');
    await createTopic(bootstrap, topic, 1);
    await sendMessages(bootstrap, topic, values('m', 10));
    const r = await runCli([...base, '-t', topic, '-g', group, '-c', '3', '-o', 'raw']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('m 0\nm 1\nm 2\n');
    expect(r.stderr).toContain('stopped: the requested count reached');
    expect(await committed(bootstrap, group, topic)).toEqual({ 0: 3 });
  });

  it('-e stops at the end as it was at the start; the idle timeout ends a quiet topic', async () => {
    const topic = uniqueTopic('end');
    await createTopic(bootstrap, topic, 3);
    const empty = await runCli([...base, '-t', topic, '-e']);
    expect(empty.code, empty.stderr).toBe(0);
    expect(empty.stderr).toContain('stopped: end of the partitions reached');
    await sendMessages(bootstrap, topic, values('m', 30));
    const r = await runCli([...base, '-t', topic, '-e', '-o', 'raw']);
    expect(r.stdout.trim().split('\n')).toHaveLength(30);
    const started = Date.now();
    const idle = await runCli([...base, '-t', topic, '--from', 'latest', '--idle-timeout', '700ms']);
    expect(idle.code).toBe(0);
    expect(idle.stderr).toContain('stopped: no message for 700ms');
    expect(Date.now() - started).toBeGreaterThanOrEqual(700);
    expect(Date.now() - started).toBeLessThan(8000);
  });
});

describe('transactions', () => {
  it('skips aborted messages and transaction markers, and -e still finds the end', async () => {
    const topic = uniqueTopic('txn');
    await createTopic(bootstrap, topic, 1);
    const producer = testKafka(bootstrap).producer({ transactionalId: `${topic}-tx`, maxInFlightRequests: 1, idempotent: true, createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    try {
      for (const [i, commit] of [true, false, true].entries()) {
        const t = await producer.transaction();
        await t.send({ topic, messages: [{ value: `t${i} a` }, { value: `t${i} b` }] });
        await (commit ? t.commit() : t.abort());
      }
    } finally {
      await producer.disconnect();
    }
    const r = await runCli([...base, '-t', topic, '-e', '-f', '%o %s\\n']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('0 t0 a\n1 t0 b\n6 t2 a\n7 t2 b\n');
  });
});

describe('output formats', () => {
  const topic = uniqueTopic('formats');
  const setup = (async () => {
    await createTopic(bootstrap, topic, 1);
    await sendMessages(bootstrap, topic, [{ key: 'k1', value: 'v1', headers: { h: 'x' } }, { value: 'v2' }]);
  })();

  it('-o raw: values only, one per line', async () => {
    await setup;
    expect((await runCli([...base, '-t', topic, '-e', '-o', 'raw'])).stdout).toBe('v1\nv2\n');
  });
  it('-f: kcat-style placeholders', async () => {
    await setup;
    const r = await runCli([...base, '-t', topic, '-e', '-f', '%t|%p|%o|%k|%s|%h|%K|%S\\n']);
    expect(r.stdout).toBe(`${topic}|0|0|k1|v1|h=x|2|2\n${topic}|0|1||v2||-1|2\n`);
    const ts = await runCli([...base, '-t', topic, '-e', '-f', '%T\\n']);
    expect(ts.stdout.trim().split('\n').every((t) => Math.abs(Number(t) - Date.now()) < 60_000)).toBe(true);
  });
  it('--encoding base64 and hex', async () => {
    await setup;
    expect((await runCli([...base, '-t', topic, '-e', '-o', 'raw', '--encoding', 'hex'])).stdout).toBe('7631\n7632\n');
    const json = jsonLines((await runCli([...base, '-t', topic, '-e', '-o', 'json', '--encoding', 'base64'])).stdout);
    expect(json[0]).toMatchObject({ payload: 'djE=', payload_encoding: 'base64', key: 'azE=', key_encoding: 'base64' });
  });
  it('binary values: raw bytes with -o raw, escaped in text, base64 in JSON', async () => {
    const bin = uniqueTopic('binary');
    await createTopic(bootstrap, bin, 1);
    const producer = testKafka(bootstrap).producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    await producer.send({ topic: bin, messages: [{ key: Buffer.from([0xfe]), value: Buffer.from([0xff, 0x00, 0x41]) }] });
    await producer.disconnect();
    const text = await runCli([...base, '-t', bin, '-e']);
    expect(text.stdout).toContain('key \\xfe');
    expect(text.stdout.split('\n')[1]).toBe('\\xff\\x00A');
    const json = jsonLines((await runCli([...base, '-t', bin, '-e', '-o', 'json'])).stdout);
    expect(json[0]).toMatchObject({ payload: '/wBB', payload_encoding: 'base64', key: '/g==', key_encoding: 'base64', len: 3 });
  });
  it('-f with -o json is a usage error', async () => {
    const r = await runCli([...base, '-t', topic, '-o', 'json', '-f', '%s']);
    expect(r.code).toBe(2);
  });
});

describe('consume -o json | produce --input json', () => {
  it('copies a topic: keys, values (binary too), headers (repeated too), partitions and timestamps', async () => {
    const from = uniqueTopic('copy-from');
    const to = uniqueTopic('copy-to');
    await createTopic(bootstrap, from, 3);
    await createTopic(bootstrap, to, 3);
    const producer = testKafka(bootstrap).producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    await producer.send({
      topic: from,
      messages: [
        { key: 'k1', value: 'text', headers: { a: '1', b: ['x', 'y'] }, partition: 0, timestamp: '1700000000000' },
        { key: Buffer.from([0xff, 0x01]), value: Buffer.from([0x00, 0xfe, 0x41]), partition: 2, timestamp: '1700000000001' },
        { key: null, value: null, partition: 1, timestamp: '1700000000002' },
        { key: '', value: 'é 中文 "quoted"\n', partition: 1, timestamp: '1700000000003' },
      ],
    });
    await producer.disconnect();
    const dump = await runCli([...base, '-t', from, '-e', '-o', 'json']);
    expect(dump.code, dump.stderr).toBe(0);
    const copy = await runCli(['produce', '--config', config, '-b', bootstrap, '-t', to, '--input', 'json', '-q'], { stdin: dump.stdout });
    expect(copy.code, copy.stderr).toBe(0);
    const again = await runCli([...base, '-t', to, '-e', '-o', 'json']);
    const strip = (text: string) =>
      jsonLines(text)
        .map(({ topic_name: _t, offset: _o, ...rest }) => rest)
        .sort((a, b) => (a.timestamp as number) - (b.timestamp as number));
    expect(strip(again.stdout)).toEqual(strip(dump.stdout));
    expect(strip(dump.stdout)[0]).toMatchObject({ key: 'k1', payload: 'text', headers: { a: '1', b: 'y' }, headers_list: [['a', '1'], ['b', 'x'], ['b', 'y']] });
  });
});

describe('chosen partitions without a group', () => {
  it('-p reads only those partitions, commits nothing and leaves no group behind', async () => {
    const topic = uniqueTopic('manual');
    await createTopic(bootstrap, topic, 3);
    await sendMessages(bootstrap, topic, [0, 1, 2].flatMap((p) => values(`p${p}`, 3).map((m) => ({ ...m, partition: p }))));
    const before = await groupIds(bootstrap);
    const r = await runCli([...base, '-t', topic, '-p', '0,2', '-e', '-o', 'json']);
    expect(r.code, r.stderr).toBe(0);
    expect(byPartitionOffset(r.stdout)).toEqual([[0, 0], [0, 1], [0, 2], [2, 0], [2, 1], [2, 2]]);
    expect(jsonLines(r.stderr).at(-1)).toMatchObject({ summary: { group_id: null, consumed: 6, committed: {} } });
    const after = await groupIds(bootstrap);
    expect(after.filter((g) => !before.includes(g) && g.startsWith('ckafka-partitions-'))).toEqual([]);
    const last = await runCli([...base, '-t', topic, '-p', '1', '--from', '-1', '-e', '-o', 'raw']);
    expect(last.stdout).toBe('p1 2\n');
  });

  it('-p with a partition the topic does not have is a broker error; -p with -g a usage error', async () => {
    const topic = uniqueTopic('manual-bad');
    await createTopic(bootstrap, topic, 2);
    const r = await runCli([...base, '-t', topic, '-p', '5', '-e']);
    expect(r.code).toBe(6);
    expect(r.stderr).toContain('has no partition 5');
    expect((await runCli([...base, '-t', topic, '-p', '0', '-g', 'x', '-e'])).code).toBe(2);
  });
});

describe('commits', () => {
  it('a second run continues where the first stopped: no gap, no repeat', async () => {
    const topic = uniqueTopic('resume');
    const group = uniqueTopic('resume-group');
    await createTopic(bootstrap, topic, 2);
    await sendMessages(bootstrap, topic, values('m', 40));
    const seen: string[] = [];
    for (const count of ['7', '13', '1']) {
      const r = await runCli([...base, '-t', topic, '-g', group, '-c', count, '-o', 'raw']);
      expect(r.code).toBe(0);
      seen.push(...r.stdout.trim().split('\n'));
    }
    const rest = await runCli([...base, '-t', topic, '-g', group, '-e', '-o', 'raw']);
    seen.push(...rest.stdout.trim().split('\n'));
    expect(seen).toHaveLength(40);
    expect(new Set(seen).size).toBe(40);
    const sum = Object.values(await committed(bootstrap, group, topic)).reduce((a, b) => a + b, 0);
    expect(sum).toBe(40);
  });

  it('--no-commit looks without moving the group\'s offsets', async () => {
    const topic = uniqueTopic('no-commit');
    const group = uniqueTopic('no-commit-group');
    await createTopic(bootstrap, topic, 1);
    await sendMessages(bootstrap, topic, values('m', 5));
    await runCli([...base, '-t', topic, '-g', group, '-c', '2']);
    const look = await runCli([...base, '-t', topic, '-g', group, '-e', '--no-commit', '-o', 'raw']);
    expect(look.stdout).toBe('m 2\nm 3\nm 4\n');
    expect(await committed(bootstrap, group, topic)).toEqual({ 0: 2 });
  });
});

describe('errors', () => {
  it('an unknown topic is a broker error (6) and is not created', async () => {
    const topic = uniqueTopic('missing');
    const r = await runCli([...base, '-t', topic, '-e']);
    expect(r.code).toBe(6);
    expect(r.stderr).toContain(`topic '${topic}' does not exist`);
    const again = await runCli([...base, '-t', topic, '-e']);
    expect(again.code).toBe(6);
  });

  it('an unreachable broker is exit 4 within seconds', async () => {
    const started = Date.now();
    const r = await runCli(['consume', '--config', config, '-b', '127.0.0.1:1', '-t', 'x', '-e']);
    expect(r.code).toBe(4);
    expect(r.stderr).toContain('cannot reach the cluster');
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  it('no topic is a configuration error, as for every command', async () => {
    const r = await runCli(['consume', '--config', config, '-b', bootstrap]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('no topic given');
  });
});
