import { afterEach, describe, expect, it } from 'vitest';
import { startKafka, type KafkaCluster } from '../harness/broker.js';
import { createTopic, kafkaAdmin, sendMessages, uniqueTopic } from '../harness/kafka.js';
import { runBinary } from '../harness/run-binary.js';
import { emptyConfig, jsonLines } from '../harness/run-cli.js';
import { committed } from '../integration/consume-helpers.js';

// A broker as a user's new cluster is (a new CKafka instance, a fresh local Kafka): it has never
// had a consumer group, so __consumer_offsets does not exist until a group is first used, and its
// coordinator answers NOT_COORDINATOR / COORDINATOR_NOT_AVAILABLE / LOAD_IN_PROGRESS while it is
// created and loaded. Kafka's default of 50 offsets partitions (the shared test broker uses 1 for
// speed, which hides this) makes that take seconds, as on a real cluster.
const NEW_CLUSTER = { warmUpGroups: false, brokerProps: { 'offsets.topic.num.partitions': 50 } } as const;
const config = emptyConfig();
let cluster: KafkaCluster | undefined;

afterEach(async () => {
  await cluster?.stop();
  cluster = undefined;
});

async function newCluster(): Promise<KafkaCluster> {
  cluster = await startKafka({ ...NEW_CLUSTER, readyTimeoutMs: 150_000 });
  const admin = await kafkaAdmin(cluster.bootstrap);
  try {
    // The premise of every test here: no group has ever been used on this broker.
    expect(await admin.listTopics()).not.toContain('__consumer_offsets');
  } finally {
    await admin.disconnect();
  }
  return cluster;
}

describe('a new cluster that has never had a consumer group', () => {
  it('consume -g waits for the coordinator, reads every message and commits (it exited 6 with NOT_COORDINATOR_FOR_GROUP)', async () => {
    const { bootstrap } = await newCluster();
    const topic = uniqueTopic('first-group');
    const group = uniqueTopic('first-group-g');
    await createTopic(bootstrap, topic, 3);
    const sent = Array.from({ length: 30 }, (_, i) => ({ value: `m${i}`, partition: i % 3 }));
    await sendMessages(bootstrap, topic, sent);

    const r = await runBinary(['--config', config, 'consume', '-b', bootstrap, '-t', topic, '-g', group, '-e', '-o', 'json']);
    expect(r.stderr).not.toMatch(/NOT_COORDINATOR|error/i);
    expect(r.code).toBe(0);
    expect(jsonLines(r.stdout).map((m) => m.payload).sort()).toEqual(sent.map((m) => m.value).sort());
    // What the broker stored for the group: every message committed.
    expect(await committed(bootstrap, group, topic)).toEqual({ 0: 10, 1: 10, 2: 10 });
  });

  it('group describe, group list and check (a throwaway group) all wait for the coordinator too', async () => {
    const { bootstrap } = await newCluster();
    const topic = uniqueTopic('first-check');
    await createTopic(bootstrap, topic, 2);
    // At once, so each meets the coordinator before it is ready.
    const [describe, list, check] = await Promise.all([
      runBinary(['--config', config, 'group', 'describe', 'never-used', '-b', bootstrap]),
      runBinary(['--config', config, 'group', 'list', '-b', bootstrap, '-o', 'json']),
      runBinary(['--config', config, 'check', '-b', bootstrap, '-t', topic, '-n', '20']),
    ]);
    // The group does not exist: that is the answer, not the coordinator's state.
    expect(describe.stderr).toMatch(/consumer group 'never-used' does not exist/);
    expect(describe.code).toBe(6);
    expect(list.stderr).toBe('');
    expect(list.code).toBe(0);
    expect(Array.isArray(JSON.parse(list.stdout))).toBe(true);
    expect(check.stderr).not.toMatch(/error/i);
    expect(check.stdout).toMatch(/consume +20\/20 received intact/);
    expect(check.code).toBe(0);
  });
});
