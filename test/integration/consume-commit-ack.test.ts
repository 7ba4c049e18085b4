import { PassThrough } from 'node:stream';
import { describe, expect, inject, it } from 'vitest';
import { loadConfig } from '../../src/config/index.js';
import { createKafka } from '../../src/kafka/client.js';
import { openTopicConsumer } from '../../src/kafka/consumer.js';
import { createTopic, sendMessages, uniqueTopic } from '../harness/kafka.js';
import { committed, emptyConfig } from './consume-helpers.js';

const { bootstrap } = inject('kafka');

// kafkajs's commitOffsets resolves without sending anything while its runner is not running: a
// fetch failed (a broker died) and kafkajs stops the runner before its CRASH event, or stops it
// while a commit is being retried. A commit in that window must fail, never count as stored.
describe('group commits', () => {
  it('a commit kafkajs drops because its runner stopped is an error, and the group keeps its offset', async () => {
    const topic = uniqueTopic('commit-ack');
    const group = uniqueTopic('commit-ack-group');
    await createTopic(bootstrap, topic, 1);
    await sendMessages(bootstrap, topic, [{ value: 'a' }, { value: 'b' }]);
    const config = await loadConfig({ cwd: process.cwd(), env: {}, configPath: emptyConfig(), flags: { bootstrapServers: bootstrap, groupId: group } });
    const kafka = createKafka({ ...config.client, brokers: [bootstrap] }, { stderr: new PassThrough() });
    const consumer = await openTopicConsumer(kafka, { topic, mode: { kind: 'group', groupId: group }, client: config.client, settings: { ...config.consumer, autoOffsetReset: 'earliest' } });
    try {
      let fetched: () => void = () => undefined;
      const batch = new Promise<void>((resolve) => (fetched = resolve));
      await consumer.run({
        onAssign: () => undefined,
        onPositions: () => undefined,
        onBatch: async () => fetched(),
        onSkip: () => undefined,
        onCrash: () => undefined,
      });
      await batch;
      // A commit the coordinator acknowledged is stored.
      await consumer.commit(new Map([[0, 1n]]));
      expect(await committed(bootstrap, group, topic)).toEqual({ 0: 1 });
      // The runner stops (as after a failed fetch, before kafkajs says it crashed): this commit is not sent.
      consumer.stopFetching();
      await expect(consumer.commit(new Map([[0, 2n]]))).rejects.toThrow(/before the group coordinator stored partition:offset 0:2/);
      expect(await committed(bootstrap, group, topic)).toEqual({ 0: 1 });
    } finally {
      await consumer.close();
    }
  });
});
