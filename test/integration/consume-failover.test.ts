import { describe, expect, it } from 'vitest';
import { startKafka } from '../harness/broker.js';
import { createTopic, kafkaAdmin, sendMessages, uniqueTopic } from '../harness/kafka.js';
import { committed, emptyConfig, startCli } from './consume-helpers.js';

// A cluster of its own (3 brokers): the broker that coordinates the group and leads a partition
// dies while ckafka consumes; it goes on from the other replicas without losing a message.
const lines = (text: string) => text.split('\n').filter((l) => l !== '');
// A send retried on a new cluster may store a message twice: count distinct messages.
const distinct = (text: string, prefix: string) => new Set(lines(text).filter((l) => l.startsWith(prefix))).size;

/** The offsets of the summary line's "committed 0:20 1:20 for group" as partition → offset. */
function reportedCommits(stderr: string): Record<number, number> {
  const pairs = /committed ((?:\d+:\d+ ?)+) for group/.exec(stderr)?.[1]?.trim().split(' ') ?? [];
  return Object.fromEntries(pairs.map((pair) => pair.split(':').map(Number) as [number, number]));
}

async function retried<T>(what: () => Promise<T>, attempts = 30): Promise<T> {
  for (let i = 1; ; i += 1) {
    try {
      return await what();
    } catch (error) {
      // A new 3-broker cluster takes a moment before every broker serves a new topic's metadata.
      if (i >= attempts) throw error;
      await new Promise((r) => setTimeout(r, 500));
    }
  }
}

describe('consume across a broker failure', () => {
  it('keeps consuming when the group coordinator and a partition leader are killed', async () => {
    const cluster = await startKafka({ nodes: 3 });
    try {
      const bootstrap = cluster.bootstrap;
      const topic = uniqueTopic('failover');
      const group = uniqueTopic('failover-group');
      await retried(() => createTopic(bootstrap, topic, 3).catch((e: unknown) => {
        if (!String(e).includes('already exists')) throw e;
      }));
      await retried(() => sendMessages(bootstrap, topic, Array.from({ length: 30 }, (_, i) => ({ value: `before ${i}` }))));
      const run = startCli(['consume', '--config', emptyConfig(), '-b', bootstrap, '-t', topic, '-g', group, '--follow', '-o', 'raw']);
      await run.waitFor('stdout', (t) => distinct(t, 'before') === 30, 30_000);

      // With one offsets partition, its leader is the group coordinator.
      const admin = await kafkaAdmin(bootstrap);
      const offsetsTopic = await retried(() => admin.fetchTopicMetadata({ topics: ['__consumer_offsets'] }));
      await admin.disconnect();
      const coordinator = offsetsTopic.topics[0]!.partitions[0]!.leader;
      const victim = coordinator - 1;
      await cluster.kill(victim);
      const alive = cluster.brokers.filter((_, i) => i !== victim).join(',');
      await retried(() => sendMessages(alive, topic, Array.from({ length: 30 }, (_, i) => ({ value: `after ${i}` }))));
      await run.waitFor('stdout', (t) => distinct(t, 'after') === 30, 60_000);
      run.interrupt();
      const r = await run.done;
      expect(r.code, r.stderr).toBe(0);
      expect(new Set(lines(r.stdout))).toEqual(new Set([...Array.from({ length: 30 }, (_, i) => `before ${i}`), ...Array.from({ length: 30 }, (_, i) => `after ${i}`)]));
      // Everything is committed: the group is at the end of every partition (a producer retry
      // during the failover may have written a message twice, so count offsets, not messages).
      const offsets = await retried(() => committed(alive, group, topic));
      const admin2 = await kafkaAdmin(alive);
      const ends = Object.fromEntries((await retried(() => admin2.fetchTopicOffsets(topic))).map((p) => [p.partition, Number(p.high)]));
      await admin2.disconnect();
      expect(offsets, r.stderr).toEqual(ends);
      // What ckafka says it committed is what the broker stored: a commit kafkajs dropped while it
      // restarted after the broker died must not be reported (nor left out of the last commit).
      expect(reportedCommits(r.stderr), r.stderr).toEqual(offsets);
    } finally {
      await cluster.stop();
    }
  }, 180_000);
});
