import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startKafka, type KafkaCluster } from '../harness/broker.js';
import { kafkaAdmin, uniqueTopic } from '../harness/kafka.js';
import { runBinary } from '../harness/run-binary.js';
import { emptyConfig } from '../harness/run-cli.js';

// One 3-node cluster for the file: topic metadata travels from the controller to each broker, and
// a command that asks a broker too early meets "This server does not host this topic-partition".
const config = emptyConfig();
let cluster: KafkaCluster;

beforeAll(async () => {
  // A loaded machine (CI, parallel runs) can take over a minute to start three JVMs.
  cluster = await startKafka({ nodes: 3, readyTimeoutMs: 150_000 });
});

afterAll(async () => {
  await cluster?.stop();
});

describe('a 3-node cluster', () => {
  it('topic create -P 3 -R 3, several in a row: each reports success and the topic is there, fully replicated', async () => {
    // Before the fix 5 of 8 such creates exited 6 for topics they had created.
    const topics = Array.from({ length: 6 }, () => uniqueTopic('create3'));
    const results = [];
    for (const topic of topics) {
      const r = await runBinary(['--config', config, 'topic', 'create', topic, '-P', '3', '-R', '3', '-b', cluster.bootstrap]);
      results.push({ topic, code: r.code, stderr: r.stderr, stdout: r.stdout });
    }
    expect(results.filter((r) => r.code !== 0)).toEqual([]);
    for (const r of results) expect(r.stdout).toBe(`created topic '${r.topic}' with 3 partition(s)\n`);
    // What the cluster stored: three partitions, each with a leader and three in-sync replicas.
    const admin = await kafkaAdmin(cluster.bootstrap);
    try {
      const { topics: described } = await admin.fetchTopicMetadata({ topics });
      expect(described.map((t) => t.name).sort()).toEqual([...topics].sort());
      for (const t of described) {
        expect(t.partitions.map((p) => p.partitionId).sort()).toEqual([0, 1, 2]);
        for (const p of t.partitions) {
          expect(p.leader).toBeGreaterThan(0);
          expect(p.replicas).toHaveLength(3);
        }
      }
    } finally {
      await admin.disconnect();
    }
  });
});
