import { describe, expect, inject, it } from 'vitest';
import { Partitioners } from 'kafkajs';
import { runCli } from '../harness/run-cli.js';
import { runBinary } from '../harness/run-binary.js';
import { createTopic, kafkaAdmin, sendMessages, testKafka, uniqueTopic } from '../harness/kafka.js';
import { committed, emptyConfig, jsonLines, sleep, startCli } from './consume-helpers.js';

// consume --match and --until against a real broker: what is printed, what the group's offsets
// become (read back with kafkajs, not through ckafka), and that bad flags fail before connecting.
const { bootstrap } = inject('kafka');
const config = emptyConfig();
const base = ['consume', '--config', config, '-b', bootstrap];
const dataLines = (stdout: string) => jsonLines(stdout).filter((l) => !('event' in l) && !('summary' in l));
const summaryOf = (stderr: string) => jsonLines(stderr).find((l) => 'summary' in l)?.summary as Record<string, unknown>;

/** Messages with repeated header names, sent with kafkajs (headers as arrays). */
async function sendWithHeaders(topic: string, messages: { key?: string; value: string; partition: number; headers?: Record<string, string | string[]> }[]) {
  const producer = testKafka(bootstrap, 'ckafka-test-producer').producer({ createPartitioner: Partitioners.DefaultPartitioner, allowAutoTopicCreation: false });
  await producer.connect();
  try {
    await producer.send({ topic, acks: -1, messages });
  } finally {
    await producer.disconnect();
  }
}

async function highWatermarks(topic: string): Promise<Record<number, number>> {
  const admin = await kafkaAdmin(bootstrap);
  try {
    return Object.fromEntries((await admin.fetchTopicOffsets(topic)).map((o) => [o.partition, Number(o.high)]));
  } finally {
    await admin.disconnect();
  }
}

describe('consume --match', () => {
  const topic = uniqueTopic('match');
  const setup = (async () => {
    await createTopic(bootstrap, topic, 2);
    const messages = Array.from({ length: 40 }, (_, i) => ({
      key: `user${i % 4}`,
      value: JSON.stringify({ n: i, status: i % 10 === 3 ? 'failed' : 'ok' }),
      partition: i % 2,
      headers: { source: i % 3 === 0 ? ['batch', 'web'] : 'batch' },
    }));
    await sendWithHeaders(topic, messages);
  })();

  it('prints only matching messages, says how many it read, and the group moves past the others', async () => {
    await setup;
    const group = uniqueTopic('match-group');
    const r = await runCli([...base, '-t', topic, '-g', group, '-e', '-o', 'json', '--match', 'value:"status":"failed"']);
    expect(r.code, r.stderr).toBe(0);
    const printed = dataLines(r.stdout).map((m) => JSON.parse(m.payload as string).n as number).sort((a, b) => a - b);
    expect(printed).toEqual([3, 13, 23, 33]);
    expect(summaryOf(r.stderr)).toMatchObject({ consumed: 4, scanned: 40, matched: 4, stopped: 'end' });
    // Committed where the partitions end, though most messages were not printed.
    expect(await committed(bootstrap, group, topic)).toEqual(await highWatermarks(topic));
    const again = await runCli([...base, '-t', topic, '-g', group, '-e', '-o', 'json', '--match', 'value:.']);
    expect(summaryOf(again.stderr)).toMatchObject({ scanned: 0, matched: 0 });
  });

  it('all of several --match must match; a repeated header matches on any of its values', async () => {
    await setup;
    const r = await runCli([...base, '-t', topic, '-e', '-o', 'json', '--match', 'header.source:^web$', '--match', 'key:^user[13]$']);
    expect(r.code, r.stderr).toBe(0);
    const printed = dataLines(r.stdout).map((m) => JSON.parse(m.payload as string).n as number).sort((a, b) => a - b);
    // Header "web" on multiples of 3, keys user1/user3 on odd numbers.
    expect(printed).toEqual([3, 9, 15, 21, 27, 33, 39]);
    const text = await runCli([...base, '-t', topic, '-e', '--match', 'header.source:^web$', '--match', 'key:^user[13]$']);
    expect(text.stderr).toMatch(/% done: 7 of 40 messages matched from '.*'/);
  });

  it('matches the text of the chosen --encoding; -c counts matches', async () => {
    await setup;
    // {"n":1 … in hex: 7b226e223a31
    const r = await runCli([...base, '-t', topic, '-e', '-o', 'raw', '--encoding', 'hex', '--match', 'value:^7b226e223a31']);
    expect(r.code, r.stderr).toBe(0);
    const ns = r.stdout.trim().split('\n').map((h) => JSON.parse(Buffer.from(h, 'hex').toString()).n as number).sort((a, b) => a - b);
    expect(ns).toEqual([1, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19]);
    const two = await runCli([...base, '-t', topic, '-p', '1', '-o', 'raw', '-c', '2', '--match', 'value:"failed"']);
    expect(two.stdout.trim().split('\n')).toHaveLength(2);
    expect(two.stderr).toContain('stopped: the requested count reached');
  });

  it('an invalid regex or field is a usage error before connecting', async () => {
    for (const [flag, message] of [['value:(x', "--match: invalid regular expression '(x'"], ['payload:x', "unknown field 'payload'"]] as const) {
      const started = Date.now();
      const r = await runCli(['consume', '--config', config, '-b', '127.0.0.1:1', '-t', topic, '--match', flag]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(message);
      expect(Date.now() - started).toBeLessThan(2000);
    }
  });
});

describe('consume --until', () => {
  const topic = uniqueTopic('until');
  let t1 = 0;
  let t2 = 0;
  const setup = (async () => {
    await createTopic(bootstrap, topic, 2);
    const wave = (name: string) => Array.from({ length: 6 }, (_, i) => ({ value: `${name} ${i}`, partition: i % 2 }));
    await sendMessages(bootstrap, topic, wave('a'));
    await sleep(30);
    t1 = Date.now();
    await sleep(30);
    await sendMessages(bootstrap, topic, wave('b'));
    await sleep(30);
    t2 = Date.now();
    await sleep(30);
    await sendMessages(bootstrap, topic, wave('c'));
  })();
  const payloads = (stdout: string) => dataLines(stdout).map((m) => m.payload as string).sort();

  it('--from and --until offsets: a window in each partition; ends by itself (no -e, no idle wait)', async () => {
    await setup;
    const started = Date.now();
    const r = await runCli([...base, '-t', topic, '--from', '2', '--until', '5', '-o', 'json']);
    expect(r.code, r.stderr).toBe(0);
    expect(dataLines(r.stdout).map((m) => [m.partition, m.offset]).sort()).toEqual([[0, 2], [0, 3], [0, 4], [1, 2], [1, 3], [1, 4]]);
    expect(summaryOf(r.stderr)).toMatchObject({ consumed: 6, stopped: 'until' });
    // The default idle timeout is 10 s: it ended on reaching --until.
    expect(Date.now() - started).toBeLessThan(9000);
  });

  it('--from and --until times (ms and ISO): exactly the messages in between; a group commits the window\'s end', async () => {
    await setup;
    const group = uniqueTopic('until-group');
    const r = await runCli([...base, '-t', topic, '-g', group, '--from', `@${t1}`, '--until', new Date(t2).toISOString(), '-o', 'json']);
    expect(r.code, r.stderr).toBe(0);
    expect(payloads(r.stdout)).toEqual(['b 0', 'b 1', 'b 2', 'b 3', 'b 4', 'b 5']);
    expect(summaryOf(r.stderr)).toMatchObject({ stopped: 'until' });
    expect(await committed(bootstrap, group, topic)).toEqual({ 0: 6, 1: 6 });
    // The group resumes there: up to the end, the third wave only.
    const rest = await runCli([...base, '-t', topic, '-g', group, '-e', '-o', 'json']);
    expect(payloads(rest.stdout)).toEqual(['c 0', 'c 1', 'c 2', 'c 3', 'c 4', 'c 5']);
  });

  it('with -e, each partition ends at whichever comes first; a window already passed prints nothing', async () => {
    await setup;
    const both = await runCli([...base, '-t', topic, '-e', '--until', '100', '-o', 'json']);
    expect(dataLines(both.stdout)).toHaveLength(18);
    expect(summaryOf(both.stderr)).toMatchObject({ stopped: 'end' });
    const none = await runCli([...base, '-t', topic, '--from', '5', '--until', '3', '-o', 'json']);
    expect(none.code).toBe(0);
    expect(none.stdout).toBe('');
    expect(summaryOf(none.stderr)).toMatchObject({ consumed: 0, stopped: 'until' });
  });

  it('a time no message has reached yet: each partition stops at its first message at or after it', async () => {
    const live = uniqueTopic('until-live');
    await createTopic(bootstrap, live, 1);
    const until = Date.now() + 3000;
    const run = startCli([...base, '-t', live, '--follow', '--until', `@${until}`, '-o', 'raw']);
    await run.waitFor('stderr', /reached the end/);
    await sendMessages(bootstrap, live, [{ value: 'before' }]);
    await run.waitFor('stdout', /before/);
    await sleep(Math.max(0, until - Date.now()) + 50);
    await sendMessages(bootstrap, live, [{ value: 'after' }, { value: 'later' }]);
    const r = await run.done;
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('before\n');
    expect(r.stderr).toContain('stopped: the --until position reached in every partition');
  });

  it('an invalid --until is a usage error before connecting', async () => {
    const r = await runCli(['consume', '--config', config, '-b', '127.0.0.1:1', '-t', topic, '--until', 'latest']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--until: 'latest' is not an end position");
  });
});

describe('through the built binary', () => {
  it('consume --match … --until … -o json', async () => {
    const topic = uniqueTopic('filter-binary');
    await createTopic(bootstrap, topic, 1);
    await sendMessages(bootstrap, topic, Array.from({ length: 20 }, (_, i) => ({ key: i % 2 === 0 ? 'even' : 'odd', value: `m${i}` })));
    const r = await runBinary(['consume', '--config', config, '-b', bootstrap, '-t', topic, '--until', '10', '--match', 'key:^even$', '-o', 'json']);
    expect(r.code, r.stderr).toBe(0);
    expect(dataLines(r.stdout).map((m) => m.payload)).toEqual(['m0', 'm2', 'm4', 'm6', 'm8']);
    expect(summaryOf(r.stderr)).toMatchObject({ consumed: 5, scanned: 10, matched: 5, stopped: 'until' });
    const bad = await runBinary(['consume', '--config', config, '-b', bootstrap, '-t', topic, '--match', 'key:[']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--match: invalid regular expression');
  });
});
