import { describe, expect, inject, it } from 'vitest';
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
    expect(new Set(received.map((m) => m.partition)).size).toBeGreaterThanOrEqual(1);
  });
});
