import { Kafka, logLevel, type SASLOptions } from 'kafkajs';
import { describe, expect, inject, it } from 'vitest';
import { startKafka } from '../harness/broker.js';
import { createTopic, kafkaAdmin, readMessages, sendMessages, uniqueTopic } from '../harness/kafka.js';

describe('test harness broker', () => {
  const { bootstrap } = inject('kafka');

  it('is reachable on 127.0.0.1 and lists at least one broker', async () => {
    const admin = await kafkaAdmin(bootstrap);
    try {
      const cluster = await admin.describeCluster();
      expect(cluster.brokers.length).toBeGreaterThanOrEqual(1);
    } finally {
      await admin.disconnect();
    }
  });

  it('round-trips keys, values and headers through a new topic', async () => {
    const topic = uniqueTopic('harness');
    await createTopic(bootstrap, topic, 3);
    const sent = [
      { key: 'k1', value: 'hello', headers: { trace: 'a' } },
      { key: 'k2', value: 'wörld ✓' },
      { key: null, value: null },
    ];
    await sendMessages(bootstrap, topic, sent);

    const received = await readMessages(bootstrap, topic, sent.length);
    const byValue = (a: { value: string | null }, b: { value: string | null }) => String(a.value).localeCompare(String(b.value));
    expect(received.map(({ key, value, headers }) => ({ key, value, headers })).sort(byValue)).toEqual(
      sent.map(({ key, value, headers }) => ({ key, value, headers: headers ?? {} })).sort(byValue),
    );
  });

  it('readMessages returns everything stored, to the end of every partition: duplicates and extras too', async () => {
    const topic = uniqueTopic('harness-extras');
    await createTopic(bootstrap, topic, 2);
    // 'a' twice on partition 0, and more than the two messages the caller expects.
    await sendMessages(bootstrap, topic, [{ value: 'a', partition: 0 }, { value: 'b', partition: 1 }, { value: 'a', partition: 0 }, { value: 'c', partition: 1 }]);
    const received = await readMessages(bootstrap, topic, 2);
    expect(received.map((m) => [m.partition, m.offset, m.value])).toEqual([[0, '0', 'a'], [0, '1', 'a'], [1, '0', 'b'], [1, '1', 'c']]);
  });
});

describe('startKafka with a SASL listener', () => {
  const user = 'ckafka-abc123#demo';
  const connect = async (saslBootstrap: string, sasl: SASLOptions) => {
    const admin = new Kafka({ brokers: saslBootstrap.split(','), logLevel: logLevel.NOTHING, sasl, retry: { retries: 0 } }).admin();
    try {
      await admin.connect();
      return (await admin.describeCluster()).brokers.length;
    } finally {
      await admin.disconnect();
    }
  };

  it.skipIf(process.env.CKAFKA_TEST_BOOTSTRAP)('accepts a CKafka-style user with PLAIN and SCRAM, refuses a wrong password', async () => {
    const cluster = await startKafka({ sasl: { users: { [user]: 's3cret' } } });
    try {
      const saslBootstrap = cluster.saslBootstrap as string;
      await expect(connect(saslBootstrap, { mechanism: 'plain', username: user, password: 's3cret' })).resolves.toBe(1);
      await expect(connect(saslBootstrap, { mechanism: 'scram-sha-256', username: user, password: 's3cret' })).resolves.toBe(1);
      await expect(connect(saslBootstrap, { mechanism: 'scram-sha-512', username: user, password: 'wrong' })).rejects.toThrow(
        /authentication failed/i,
      );
    } finally {
      await cluster.stop();
    }
  });
});
