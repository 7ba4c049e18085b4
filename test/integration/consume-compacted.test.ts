import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Partitioners, type Producer } from 'kafkajs';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startKafka, type KafkaCluster } from '../harness/broker.js';
import { createTopic, testKafka, uniqueTopic, type TestMessage } from '../harness/kafka.js';
import { runCli } from '../harness/run-cli.js';
import { committed, emptyConfig, sleep } from './consume-helpers.js';

/*
 * A compacted topic as the log cleaner leaves it: a batch whose tail is gone (its header still
 * says where it ends) and batches left empty (the last batch of an idempotent or transactional
 * producer is kept without records, for the producer's state). A fetch reads one log segment,
 * so a batch alone in its segment is all the broker returns: the position must move to the
 * batch's end, not to the last surviving record + 1, and an empty batch must move it too.
 * Its own broker: the cleaner looks for work every 15 s by default.
 */

let kafka: KafkaCluster;
const config = emptyConfig();

beforeAll(async () => {
  kafka = await startKafka({ brokerProps: { 'log.cleaner.backoff.ms': 100 } });
}, 120_000);

afterAll(async () => {
  await kafka?.stop();
});

const keyed = (prefix: string, from: number, to: number, value: string): TestMessage[] =>
  Array.from({ length: to - from }, (_, i) => ({ key: `${prefix}-${from + i}`, value: `${value} ${from + i}` }));

async function withProducer(options: Parameters<ReturnType<typeof testKafka>['producer']>[0], use: (p: Producer) => Promise<void>): Promise<void> {
  const producer = testKafka(kafka.bootstrap).producer({ createPartitioner: Partitioners.DefaultPartitioner, allowAutoTopicCreation: false, ...options });
  await producer.connect();
  try {
    await use(producer);
  } finally {
    await producer.disconnect();
  }
}

/** The offset up to which the log cleaner has cleaned partition 0 of `topic` (-1 before it has). */
function cleanedUpTo(topic: string): number {
  const file = join(kafka.logDir, 'node-1', 'data', 'cleaner-offset-checkpoint');
  if (!existsSync(file)) return -1;
  const line = readFileSync(file, 'utf8').split('\n').find((l) => l.startsWith(`${topic} 0 `));
  return line === undefined ? -1 : Number(line.split(' ')[2]);
}

describe('a compacted topic', () => {
  it('consume -e reads every surviving record once, ends, and commits the partition end', async () => {
    const topic = uniqueTopic('compacted');
    await createTopic(kafka.bootstrap, topic, 1, {
      'cleanup.policy': 'compact',
      // A segment per write below (each comes 300 ms after the last), all cleanable at once.
      'segment.ms': '100',
      'min.cleanable.dirty.ratio': '0.01',
      'min.compaction.lag.ms': '0',
      'delete.retention.ms': '100',
    });
    const send = (messages: TestMessage[], options = {}) =>
      withProducer(options, async (p) => {
        await p.send({ topic, acks: -1, messages });
      }).then(() => sleep(300));
    // A batch larger than a fetch's per-partition limit (600 KB of 100-byte records) after each
    // cleaned batch: a fetch that starts in a cleaned batch gets it and only part of the next.
    const big = (name: string) => keyed(name, 0, 6000, '').map((m) => ({ ...m, value: `${name} ${m.key}`.padEnd(100, '.') }));
    // 0-1999, one batch: the cleaner keeps 0-9 and removes the tail 10-1999.
    await send(keyed('a', 0, 2000, 'old'));
    await send(big('g1')); // 2000-7999
    // 8000-8009, idempotent: all overwritten below, the batch stays as an empty one.
    await send(keyed('e', 0, 10, 'old'), { idempotent: true, maxInFlightRequests: 1 });
    await send(big('g2')); // 8010-14009
    // 14010-14019 and its commit marker 14020, transactional: the same.
    await withProducer({ transactionalId: `${topic}-tx`, idempotent: true, maxInFlightRequests: 1 }, async (p) => {
      const t = await p.transaction();
      await t.send({ topic, messages: keyed('t', 0, 10, 'old') });
      await t.commit();
    });
    await sleep(300);
    await send(big('g3')); // 14021-20020
    const overwrites = [...keyed('a', 10, 2000, 'new'), ...keyed('e', 0, 10, 'new'), ...keyed('t', 0, 10, 'new')];
    await send(overwrites); // 20021-22030
    // 22031, in the active segment (never cleaned); every segment before it is cleanable.
    await send([{ key: 'last', value: 'last' }]);
    const end = 22032;
    const until = Date.now() + 30_000;
    while (cleanedUpTo(topic) < end - 1) {
      if (Date.now() > until) throw new Error(`the log cleaner did not clean ${topic} within 30 s (cleaned up to ${cleanedUpTo(topic)})\n${kafka.logTail(30)}`);
      await sleep(100);
    }

    const group = uniqueTopic('compacted-group');
    // -vvv: kafkajs logs each Fetch request it sends, so the test can count them.
    const r = await runCli(['consume', '--config', config, '-b', kafka.bootstrap, '-t', topic, '-g', group, '-e', '-f', '%o %k %s\\n', '-vvv'], {
      signal: AbortSignal.timeout(40_000),
    });
    const stopped = r.stderr.split('\n').filter((l) => l.startsWith('% done'));
    expect(stopped.join('\n'), r.stderr.slice(-3000)).toMatch(/stopped: end of the partitions reached/);
    expect(r.code).toBe(0);
    const expected = [
      ...keyed('a', 0, 10, 'old').map((m, i) => ({ offset: i, ...m })),
      ...big('g1').map((m, i) => ({ offset: 2000 + i, ...m })),
      ...big('g2').map((m, i) => ({ offset: 8010 + i, ...m })),
      ...big('g3').map((m, i) => ({ offset: 14021 + i, ...m })),
      ...overwrites.map((m, i) => ({ offset: 20021 + i, ...m })),
      { offset: 22031, key: 'last', value: 'last' },
    ].map((m) => `${m.offset} ${m.key} ${m.value}`);
    const printed = r.stdout.split('\n').slice(0, -1);
    expect(printed.length).toBe(expected.length);
    expect(printed).toEqual(expected);
    expect(await committed(kafka.bootstrap, group, topic)).toEqual({ 0: end });
    // Each batch is fetched about once: not once per offset it lost to the cleaner.
    const fetches = r.stderr.split('\n').filter((l) => l.includes('Request Fetch(')).length;
    expect(fetches).toBeLessThan(40);
  }, 90_000);
});
