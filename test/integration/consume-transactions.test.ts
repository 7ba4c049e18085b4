import { describe, expect, inject, it } from 'vitest';
import { Partitioners, type Producer, type Transaction } from 'kafkajs';
import { runCli } from '../harness/run-cli.js';
import { createTopic, kafkaAdmin, sendMessages, testKafka, uniqueTopic } from '../harness/kafka.js';
import { emptyConfig } from './consume-helpers.js';

const { bootstrap } = inject('kafka');
const config = emptyConfig();

async function transactional(id: string): Promise<Producer> {
  const producer = testKafka(bootstrap).producer({ transactionalId: id, idempotent: true, maxInFlightRequests: 1, createPartitioner: Partitioners.DefaultPartitioner });
  await producer.connect();
  return producer;
}

/** Every record of the partition, aborted ones too, as offset → value (what the broker stored). */
async function stored(topic: string, count: number): Promise<Map<number, string>> {
  const consumer = testKafka(bootstrap).consumer({ groupId: uniqueTopic('uncommitted'), readUncommitted: true, maxWaitTimeInMs: 250 });
  const seen = new Map<number, string>();
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`read ${seen.size} of ${count} records`)), 20_000);
      void consumer.run({
        eachMessage: async ({ message }) => {
          seen.set(Number(message.offset), message.value?.toString() ?? '');
          if (seen.size >= count) {
            clearTimeout(timer);
            resolve();
          }
        },
      });
    });
  } finally {
    await consumer.disconnect();
  }
  return seen;
}

describe('read_committed with overlapping aborted transactions', () => {
  it('never prints a record of an aborted transaction, whichever offset reading starts at', async () => {
    const topic = uniqueTopic('aborted');
    await createTopic(bootstrap, topic, 1);
    const plain = (from: number, n: number) => Array.from({ length: n }, (_, i) => ({ value: `plain ${from + i}`, partition: 0 }));
    const p1 = await transactional(`${topic}-p1`);
    const p2 = await transactional(`${topic}-p2`);
    try {
      await sendMessages(bootstrap, topic, plain(0, 10)); // 0-9
      const t1: Transaction = await p1.transaction();
      const t2: Transaction = await p2.transaction();
      await t1.send({ topic, messages: [{ value: 'aborted p1 a', partition: 0 }] }); // 10
      await t2.send({ topic, messages: [{ value: 'aborted p2 a', partition: 0 }] }); // 11
      await sendMessages(bootstrap, topic, plain(10, 8)); // 12-19
      await t2.send({ topic, messages: [{ value: 'aborted p2 b', partition: 0 }] }); // 20
      await t1.send({ topic, messages: [{ value: 'aborted p1 b', partition: 0 }] }); // 21
      await t2.send({ topic, messages: [{ value: 'aborted p2 c', partition: 0 }] }); // 22
      await t1.abort(); // marker 23
      await t2.abort(); // marker 24
      // 23 or after the markers: EndTxn returns before the coordinator has written them.
      await sendMessages(bootstrap, topic, [{ value: 'after', partition: 0 }]);
    } finally {
      await p1.disconnect();
      await p2.disconnect();
    }
    // The broker has them where the test says (read_uncommitted shows the aborted records).
    const all = await stored(topic, 24);
    expect([20, 21, 22].map((o) => all.get(o))).toEqual(['aborted p2 b', 'aborted p1 b', 'aborted p2 c']);
    const admin = await kafkaAdmin(bootstrap);
    try {
      expect((await admin.fetchTopicOffsets(topic))[0]?.high).toBe('26');
    } finally {
      await admin.disconnect();
    }

    expect([...all.values()].filter((v) => !v.startsWith('aborted'))).toEqual([...plain(0, 10), ...plain(10, 8), { value: 'after' }].map((m) => m.value));
    const expected = [...all].filter(([, v]) => !v.startsWith('aborted')).map(([o, v]) => `${o} ${v}`);
    // A fetch from 20 starts inside both aborted transactions (the broker lists p1@10 and p2@11).
    for (const from of ['earliest', '11', '12', '20', '21', '22']) {
      const r = await runCli(['consume', '--config', config, '-b', bootstrap, '-t', topic, '-p', '0', '--from', from, '-e', '-f', '%o %s\\n']);
      expect(r.code, r.stderr).toBe(0);
      const start = from === 'earliest' ? 0 : Number(from);
      expect(r.stdout, `--from ${from}`).toBe(expected.filter((l) => Number(l.split(' ')[0]) >= start).map((l) => `${l}\n`).join(''));
    }
  });
});
