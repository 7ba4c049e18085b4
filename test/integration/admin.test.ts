import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, inject, it } from 'vitest';
import kafkajs, { type Admin, type Consumer } from 'kafkajs';
import { main } from '../../src/main.js';
import { adminWithCluster } from '../../src/kafka/admin-cluster.js';
import { commitGroupOffsets } from '../../src/kafka/group-admin.js';
import { emptyConfig, runCli } from '../harness/run-cli.js';
import { runBinary } from '../harness/run-binary.js';
import { createTopic, kafkaAdmin, sendMessages, testKafka, uniqueTopic } from '../harness/kafka.js';

const { bootstrap } = inject('kafka');
const config = emptyConfig();
const base = ['--config', config, '-b', bootstrap];
const { ConfigResourceTypes } = kafkajs;

let adminClient: Admin | undefined;
/** The tests' own kafkajs admin: what the broker stored, not what ckafka says it did. */
const broker = async (): Promise<Admin> => (adminClient ??= await kafkaAdmin(bootstrap));
afterAll(async () => {
  await adminClient?.disconnect();
});

/** The group's committed offsets of the topic, as the broker has them ('-1': none). */
/**
 * Whether the cluster stops listing `topic` within 10 s: a KRaft broker's metadata lists a
 * deleted topic for a moment after DeleteTopics has answered (a user would see the same).
 */
async function deletedSoon(topic: string): Promise<boolean> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (!(await (await broker()).listTopics()).includes(topic)) return true;
    if (Date.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function stored(groupId: string, topic: string): Promise<Record<number, string>> {
  const [entry] = await (await broker()).fetchOffsets({ groupId, topics: [topic] });
  return Object.fromEntries((entry?.partitions ?? []).map((p) => [p.partition, p.offset]));
}

/**
 * createTopic, riding out the broker's metadata lag: right after topics were deleted, kafkajs's
 * wait for the new topic's leaders can fail with UNKNOWN_TOPIC_OR_PARTITION although the topic
 * was created (the race worker C fixes in ckafka's own topic create); then wait for it here.
 */
async function createSettled(name: string, partitions: number, configs: Record<string, string> = {}): Promise<void> {
  try {
    await createTopic(bootstrap, name, partitions, configs);
  } catch (error) {
    if ((error as { type?: string }).type !== 'UNKNOWN_TOPIC_OR_PARTITION') throw error;
    const deadline = Date.now() + 15_000;
    for (;;) {
      const ready = await (await broker()).fetchTopicMetadata({ topics: [name] })
        .then(({ topics }) => topics[0]?.partitions.length === partitions && topics[0].partitions.every((p) => p.leader >= 0))
        .catch(() => false);
      if (ready) return;
      if (Date.now() > deadline) throw error;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

/** A topic of `partitions` partitions with `perPartition` messages in each. */
async function filledTopic(prefix: string, partitions: number, perPartition: number): Promise<string> {
  const topic = uniqueTopic(prefix);
  await createSettled(topic, partitions);
  const messages = [];
  for (let p = 0; p < partitions; p += 1) for (let i = 0; i < perPartition; i += 1) messages.push({ value: `p${p}-${i}`, partition: p });
  if (messages.length > 0) await sendMessages(bootstrap, topic, messages);
  return topic;
}

/** A real member of the group, subscribed to the topic, running until stopped. */
async function activeMember(groupId: string, topic: string): Promise<Consumer> {
  // A short fetch wait: disconnect() waits for the fetch in flight (5 s by default).
  const consumer = testKafka(bootstrap, 'active-member').consumer({ groupId, sessionTimeout: 10_000, maxWaitTimeInMs: 100 });
  const joined = new Promise<void>((resolve) => consumer.on(consumer.events.GROUP_JOIN, () => resolve()));
  await consumer.connect();
  await consumer.subscribe({ topics: [topic], fromBeginning: true });
  await consumer.run({ autoCommit: false, eachMessage: async () => undefined });
  await joined;
  return consumer;
}

/** Commits offsets as a member of the group would (kafkajs's admin.setOffsets takes 5 s), then leaves. */
async function seedOffsets(groupId: string, topic: string, offsets: Record<number, number>): Promise<void> {
  const member = await activeMember(groupId, topic);
  try {
    await member.commitOffsets(Object.entries(offsets).map(([partition, offset]) => ({ topic, partition: Number(partition), offset: String(offset) })));
  } finally {
    await member.disconnect();
  }
}

const json = (text: string) => JSON.parse(text) as Record<string, unknown>;

describe('group reset-offsets', () => {
  it('dry run shows the plan and changes nothing; --execute commits it; positions beyond the range are clamped', async () => {
    const topic = await filledTopic('reset', 3, 5);
    const group = uniqueTopic('reset-group');
    await seedOffsets(group, topic, { 0: 2, 1: 4, 2: 5 });

    const dry = await runCli(['group', 'reset-offsets', group, '-t', topic, '--to', 'earliest', ...base]);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toMatch(/PARTITION\s+CURRENT\s+NEW\s+LAG-AFTER\s+NOTE\n\s+0\s+2\s+0\s+5\n\s+1\s+4\s+0\s+5\n\s+2\s+5\s+0\s+5\n/);
    expect(dry.stdout).toContain('dry run: nothing changed; add --execute');
    expect(await stored(group, topic)).toEqual({ 0: '2', 1: '4', 2: '5' });

    const shift = await runCli(['group', 'reset-offsets', group, '-t', topic, '--shift-by', '-3', '-p', '0,1', '--execute', ...base, '-o', 'json']);
    expect(shift.stderr).toBe('');
    expect(shift.code).toBe(0);
    expect(json(shift.stdout)).toEqual({
      group_id: group, topic, executed: true,
      partitions: [
        { partition: 0, current: '2', new: '0', lag_after: '5', clamped: 'low' },
        { partition: 1, current: '4', new: '1', lag_after: '4', clamped: null },
      ],
    });
    expect(await stored(group, topic)).toEqual({ 0: '0', 1: '1', 2: '5' });

    const beyond = await runCli(['group', 'reset-offsets', group, '-t', topic, '--to', '100', '--execute', ...base]);
    expect(beyond.code).toBe(0);
    expect(beyond.stdout).toMatch(/\s0\s+0\s+5\s+0\s+clamped to the end \(5\)/);
    expect(beyond.stdout).toContain('committed the new offsets of 3 partition(s)');
    expect(await stored(group, topic)).toEqual({ 0: '5', 1: '5', 2: '5' });

    const latestMinus = await runCli(['group', 'reset-offsets', group, '-t', topic, '--to', '-2', '-p', '2', '--execute', ...base]);
    expect(latestMinus.code).toBe(0);
    expect(await stored(group, topic)).toEqual({ 0: '5', 1: '5', 2: '3' });
  });

  it('--to a time moves to the first message at or after it; a time after the last message is the end', async () => {
    const topic = uniqueTopic('reset-time');
    await createSettled(topic, 1);
    const t0 = Date.now();
    await sendMessages(bootstrap, topic, [{ value: 'old', partition: 0 }]);
    const producer = testKafka(bootstrap).producer();
    await producer.connect();
    try {
      await producer.send({ topic, messages: [{ value: 'a', partition: 0, timestamp: String(t0 + 60_000) }, { value: 'b', partition: 0, timestamp: String(t0 + 120_000) }] });
    } finally {
      await producer.disconnect();
    }
    const group = uniqueTopic('reset-time-group');
    const at = await runCli(['group', 'reset-offsets', group, '-t', topic, '--to', new Date(t0 + 90_000).toISOString(), '--execute', ...base]);
    expect(at.code).toBe(0);
    expect(await stored(group, topic)).toEqual({ 0: '2' });
    const after = await runCli(['group', 'reset-offsets', group, '-t', topic, '--to', `@${t0 + 3_600_000}`, '--execute', ...base]);
    expect(after.code).toBe(0);
    expect(await stored(group, topic)).toEqual({ 0: '3' });
  });

  it('a group with an active member is refused (exit 6) with the member listed, and its offsets do not move', async () => {
    const topic = await filledTopic('reset-active', 2, 3);
    const group = uniqueTopic('reset-active-group');
    await seedOffsets(group, topic, { 0: 1, 1: 2 });
    const member = await activeMember(group, topic);
    try {
      for (const extra of [[], ['--execute']]) {
        const r = await runCli(['group', 'reset-offsets', group, '-t', topic, '--to', 'latest', ...extra, ...base]);
        expect(r.code).toBe(6);
        expect(r.stdout).toBe('');
        expect(r.stderr).toMatch(new RegExp(`group '${group}' has 1 active member\\(s\\)`));
        expect(r.stderr).toMatch(/active-member \/127\.0\.0\.1 active-member-/);
      }
      expect(await stored(group, topic)).toEqual({ 0: '1', 1: '2' });
    } finally {
      await member.disconnect();
    }
  });

  it('a member that joins after the check is safe: the coordinator refuses a commit without a member id', async () => {
    const topic = await filledTopic('reset-race', 1, 3);
    const group = uniqueTopic('reset-race-group');
    await seedOffsets(group, topic, { 0: 1 });
    const member = await activeMember(group, topic);
    const ours = adminWithCluster(testKafka(bootstrap));
    await ours.connect();
    try {
      await expect(commitGroupOffsets(ours, group, topic, new Map([[0, 3n]]))).rejects.toThrow(/refused the new offsets \((UNKNOWN_MEMBER_ID|ILLEGAL_GENERATION|REBALANCE_IN_PROGRESS)\): a member joined/);
      expect(await stored(group, topic)).toEqual({ 0: '1' });
    } finally {
      await ours.disconnect();
      await member.disconnect();
    }
  });

  it('flag mistakes are usage errors (exit 2) before connecting', async () => {
    const offline = ['--config', config, '-b', '127.0.0.1:1'];
    const both = await runCli(['group', 'reset-offsets', 'g', '-t', 't', '--to', 'earliest', '--shift-by', '1', ...offline]);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('exactly one of --to POSITION and --shift-by N');
    const none = await runCli(['group', 'reset-offsets', 'g', '-t', 't', ...offline]);
    expect(none.code).toBe(2);
    const badTo = await runCli(['group', 'reset-offsets', 'g', '-t', 't', '--to', 'yesterday', ...offline]);
    expect(badTo.code).toBe(2);
    expect(badTo.stderr).toContain("--to: cannot read 'yesterday' as a position");
    const badShift = await runCli(['group', 'reset-offsets', 'g', '-t', 't', '--shift-by', '1.5', ...offline]);
    expect(badShift.code).toBe(2);
    const noPartition = await runCli(['group', 'reset-offsets', uniqueTopic('g'), '-t', await filledTopic('nopart', 1, 0), '--to', 'earliest', '-p', '3', ...base]);
    expect(noPartition.code).toBe(6);
    expect(noPartition.stderr).toContain('has no partition 3');
  });

  it('group describe works for a group that only has committed offsets, and says so', async () => {
    const topic = await filledTopic('offsets-only', 1, 4);
    const group = uniqueTopic('offsets-only-group');
    expect((await runCli(['group', 'reset-offsets', group, '-t', topic, '--to', '1', '--execute', ...base])).code).toBe(0);
    const text = await runCli(['group', 'describe', group, ...base]);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('no active members: the group only has committed offsets');
    expect(text.stdout).toMatch(new RegExp(`${topic}\\s+0\\s+1\\s+4\\s+3`));
  });
});

describe('group delete and delete-offsets', () => {
  it('deletes empty groups, refuses one with members (listed) and reports an unknown one: exit 6', async () => {
    const topic = await filledTopic('gdel', 1, 2);
    const [empty, busy, unknown] = [uniqueTopic('gdel-empty'), uniqueTopic('gdel-busy'), uniqueTopic('gdel-unknown')];
    await seedOffsets(empty, topic, { 0: 1 });
    const member = await activeMember(busy, topic);
    try {
      const r = await runCli(['group', 'delete', empty, busy, unknown, ...base, '-o', 'json']);
      expect(r.code).toBe(6);
      const results = JSON.parse(r.stdout) as { group_id: string; deleted: boolean; error: string | null }[];
      expect(results.map((x) => [x.group_id, x.deleted, x.error])).toEqual([[empty, true, null], [busy, false, 'NON_EMPTY_GROUP'], [unknown, false, 'GROUP_ID_NOT_FOUND']]);
      expect(r.stderr).toContain('2 of 3 group(s) not deleted');
      const groups = (await (await broker()).listGroups()).groups.map((g) => g.groupId);
      expect(groups).toContain(busy);
      expect(groups).not.toContain(empty);
      expect(await stored(empty, topic)).toEqual({ 0: '-1' });
    } finally {
      await member.disconnect();
    }
    const after = await runCli(['group', 'delete', busy, ...base]);
    expect(after.code).toBe(0);
    expect(after.stdout).toMatch(new RegExp(`${busy}\\s+deleted`));
  });

  it('delete-offsets forgets one topic\'s offsets and keeps the others; refused while a member consumes the topic', async () => {
    const [a, b] = [await filledTopic('doff-a', 2, 3), await filledTopic('doff-b', 1, 3)];
    const group = uniqueTopic('doff-group');
    await seedOffsets(group, a, { 0: 1, 1: 2 });
    await seedOffsets(group, b, { 0: 3 });

    const member = await activeMember(group, a);
    try {
      const refused = await runCli(['group', 'delete-offsets', group, '-t', a, ...base]);
      expect(refused.code).toBe(6);
      expect(refused.stderr).toContain('GROUP_SUBSCRIBED_TO_TOPIC');
      expect(await stored(group, a)).toEqual({ 0: '1', 1: '2' });
    } finally {
      await member.disconnect();
    }

    const r = await runCli(['group', 'delete-offsets', group, '-t', a, ...base, '-o', 'json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(json(r.stdout)).toEqual({ group_id: group, topic: a, deleted_partitions: [0, 1] });
    expect(await stored(group, a)).toEqual({ 0: '-1', 1: '-1' });
    expect(await stored(group, b)).toEqual({ 0: '3' });

    const again = await runCli(['group', 'delete-offsets', group, '-t', a, ...base]);
    expect(again.code).toBe(6);
    expect(again.stderr).toContain(`has no committed offsets for topic '${a}'`);
  });
});

/** Runs the CLI with stdin as a terminal on which `typed` is entered once `prompt` is asked. */
async function onTerminal(argv: string[], typed: string, env: Record<string, string> = {}, prompt = 'Type the name(s) to confirm: ') {
  const stdin = Object.assign(new PassThrough(), { isTTY: true });
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d: Buffer) => (out += d.toString()));
  stderr.on('data', (d: Buffer) => {
    err += d.toString();
    // Type the answer once the question is asked.
    if (err.includes(prompt)) stdin.write(`${typed}\n`);
  });
  const code = await main(argv, { stdin, stdout, stderr, env: { NO_COLOR: '1', ...env }, cwd: process.cwd(), signal: new AbortController().signal });
  return { code, stdout: out, stderr: err };
}

describe('topic delete', () => {
  it('without a terminal, --yes is required (exit 2) and nothing is deleted', async () => {
    const topic = await filledTopic('tdel-noyes', 1, 0);
    const r = await runCli(['topic', 'delete', topic, ...base]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--yes is required');
    expect(await (await broker()).listTopics()).toContain(topic);
  });

  it('on a terminal the names must be typed back: a wrong answer deletes nothing, the right one deletes', async () => {
    const [x, y] = [await filledTopic('tdel-x', 1, 1), await filledTopic('tdel-y', 1, 1)];
    const wrong = await onTerminal(['topic', 'delete', x, y, ...base], x);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('nothing was deleted');
    expect(await (await broker()).listTopics()).toEqual(expect.arrayContaining([x, y]));
    const right = await onTerminal(['topic', 'delete', x, y, ...base], `${y} ${x}`);
    expect(right.code).toBe(0);
    expect(right.stdout).toMatch(new RegExp(`${x}\\s+deleted\\n${y}\\s+deleted`));
    const left = await (await broker()).listTopics();
    expect(left).not.toContain(x);
    expect(left).not.toContain(y);
  });

  it('unknown topics are reported, the others still deleted, exit 6', async () => {
    const topic = await filledTopic('tdel-some', 1, 1);
    const missing = uniqueTopic('tdel-missing');
    const r = await runCli(['topic', 'delete', topic, missing, '--yes', ...base, '-o', 'json']);
    expect(r.code).toBe(6);
    expect(json(r.stdout)).toEqual({ deleted: [topic], unknown: [missing] });
    expect(r.stderr).toContain(`1 topic(s) do not exist: ${missing}`);
    expect(await deletedSoon(topic)).toBe(true);
  });
});

describe('topic alter and config, create --if-not-exists', () => {
  it('alter raises the partition count; a decrease is refused with the reason (exit 6)', async () => {
    const topic = await filledTopic('alter', 2, 0);
    const up = await runCli(['topic', 'alter', topic, '--partitions', '5', ...base, '-o', 'json']);
    expect(up.code).toBe(0);
    expect(json(up.stdout)).toEqual({ topic, partitions_before: 2, partitions: 5 });
    const partitions = async () => (await (await broker()).fetchTopicMetadata({ topics: [topic] })).topics[0]!.partitions.length;
    expect(await partitions()).toBe(5);
    const down = await runCli(['topic', 'alter', topic, '-P', '3', ...base]);
    expect(down.code).toBe(6);
    expect(down.stderr).toContain("Kafka cannot decrease a topic's partition count");
    expect(await partitions()).toBe(5);
    const missing = await runCli(['topic', 'alter', uniqueTopic('alter-missing'), '-P', '3', ...base]);
    expect(missing.code).toBe(6);
    expect(missing.stderr).toMatch(/topic '.*' does not exist/);
  });

  it('config --set changes only the named value: cleanup.policy survives --set retention.ms', async () => {
    const topic = uniqueTopic('config');
    await createSettled(topic, 1, { 'retention.ms': '3600000', 'cleanup.policy': 'compact', 'segment.ms': '7200000' });
    const storedConfigs = async () => {
      const { resources } = await (await broker()).describeConfigs({ resources: [{ type: ConfigResourceTypes.TOPIC, name: topic }], includeSynonyms: false });
      return Object.fromEntries(resources[0]!.configEntries.filter((e) => !e.isDefault).map((e) => [e.configName, e.configValue]));
    };
    expect(await storedConfigs()).toMatchObject({ 'retention.ms': '3600000', 'cleanup.policy': 'compact', 'segment.ms': '7200000' });

    const set = await runCli(['topic', 'config', topic, '--set', 'retention.ms=86400000', ...base]);
    expect(set.code).toBe(0);
    expect(set.stdout).toMatch(/retention\.ms\s+86400000\s+dynamic/);
    expect(set.stdout).toMatch(/cleanup\.policy\s+compact\s+dynamic/);
    expect(await storedConfigs()).toMatchObject({ 'retention.ms': '86400000', 'cleanup.policy': 'compact', 'segment.ms': '7200000' });

    const del = await runCli(['topic', 'config', topic, '--delete', 'segment.ms', '--set', 'max.message.bytes=2000000', ...base, '-o', 'json']);
    expect(del.code).toBe(0);
    const shown = json(del.stdout) as { configs: { name: string; value: string; source: string }[] };
    expect(shown.configs.find((c) => c.name === 'segment.ms')?.source).toBe('default');
    expect(shown.configs.find((c) => c.name === 'max.message.bytes')).toMatchObject({ value: '2000000', source: 'dynamic' });
    const after = await storedConfigs();
    expect(after).toMatchObject({ 'retention.ms': '86400000', 'cleanup.policy': 'compact', 'max.message.bytes': '2000000' });
    expect(after['segment.ms']).toBeUndefined();

    const unknown = await runCli(['topic', 'config', topic, '--set', 'no.such.config=1', ...base]);
    expect(unknown.code).toBe(6);
    expect(unknown.stderr).toContain('INVALID_CONFIG');
    const bad = await runCli(['topic', 'config', topic, '--set', 'retention.ms', ...base]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--set needs name=value, got 'retention.ms'");
  });

  it('create --if-not-exists: an existing topic is exit 0 and left as it is', async () => {
    const topic = await filledTopic('ifnot', 2, 0);
    const create = (...extra: string[]) => runCli(['--config', config, 'topic', 'create', topic, '-P', '4', ...extra, '-b', bootstrap]);
    expect((await create()).code).toBe(6);
    const r = await create('--if-not-exists');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('already exists; left as it is');
    expect((await (await broker()).fetchTopicMetadata({ topics: [topic] })).topics[0]!.partitions).toHaveLength(2);
  });
});

describe('in Chinese (LANG=zh_CN.UTF-8)', () => {
  const zh = { env: { LANG: 'zh_CN.UTF-8' } };
  const errorLine = (stderr: string) => (JSON.parse(stderr) as { error: Record<string, unknown> }).error;

  it('topic create of an existing topic and a partition decrease: exit 6 as in English, the refusal and hint in Chinese', async () => {
    const topic = await filledTopic('zh-exists', 2, 0);
    const create = ['--config', config, 'topic', 'create', topic, '-P', '4', '-b', bootstrap];
    const r = await runCli(create, zh);
    expect(r.code).toBe(6);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`主题 '${topic}' 已存在`);
    expect(r.stderr).toContain(`查看该主题：ckafka topic describe ${topic}`);
    const [en, cn] = [errorLine((await runCli([...create, '-o', 'json'])).stderr), errorLine((await runCli([...create, '-o', 'json'], zh)).stderr)];
    expect([en.kind, en.exit_code, en.message]).toEqual(['broker', 6, `topic '${topic}' already exists`]);
    expect([cn.kind, cn.exit_code, cn.message]).toEqual(['broker', 6, `主题 '${topic}' 已存在`]);

    const decrease = await runCli(['topic', 'alter', topic, '-P', '1', ...base], zh);
    expect(decrease.code).toBe(6);
    expect(decrease.stderr).toContain(`主题 '${topic}' 已有 2 个分区；Kafka 不能减少主题的分区数（改为 1 个）`);
    expect((await (await broker()).fetchTopicMetadata({ topics: [topic] })).topics[0]!.partitions).toHaveLength(2);
  });

  it('group delete of an active group and delete-offsets while it consumes: exit 6 and the same JSON as in English', async () => {
    const topic = await filledTopic('zh-gdel', 1, 2);
    const busy = uniqueTopic('zh-gdel-busy');
    await seedOffsets(busy, topic, { 0: 1 });
    const member = await activeMember(busy, topic);
    try {
      const english = await runCli(['group', 'delete', busy, ...base, '-o', 'json']);
      const chinese = await runCli(['group', 'delete', busy, ...base, '-o', 'json'], zh);
      expect([english.code, chinese.code]).toEqual([6, 6]);
      // The results are data: only their `message` (a person's text) may differ.
      const results = (r: { stdout: string }) => (JSON.parse(r.stdout) as Record<string, unknown>[]).map(({ message: _m, ...rest }) => rest);
      expect(results(chinese)).toEqual(results(english));
      expect(results(chinese)).toEqual([{ group_id: busy, deleted: false, error: 'NON_EMPTY_GROUP' }]);
      const [en, cn] = [errorLine(english.stderr), errorLine(chinese.stderr)];
      expect([cn.kind, cn.exit_code]).toEqual([en.kind, en.exit_code]);
      expect((await (await broker()).listGroups()).groups.map((g) => g.groupId)).toContain(busy);

      const refused = await runCli(['group', 'delete-offsets', busy, '-t', topic, ...base], zh);
      expect(refused.code).toBe(6);
      expect(refused.stderr).toContain(`消费分组 '${busy}'：协调者拒绝删除主题 '${topic}' 的位点：`);
      expect(refused.stderr).toContain('（GROUP_SUBSCRIBED_TO_TOPIC）');
      expect(refused.stderr).toContain(`该消费分组有成员正在消费 '${topic}'：请先停止它们（ckafka group describe ${busy}）。`);
    } finally {
      await member.disconnect();
    }
  });
});

describe('through the built binary', () => {
  it('reset-offsets dry run, topic delete without --yes, and a refused decrease give their exit codes', async () => {
    const topic = await filledTopic('bin-admin', 2, 2);
    const group = uniqueTopic('bin-admin-group');
    const dry = await runBinary(['group', 'reset-offsets', group, '-t', topic, '--to', 'latest', ...base, '-o', 'json']);
    expect(dry.code).toBe(0);
    expect(json(dry.stdout)).toMatchObject({ executed: false, partitions: [{ partition: 0, current: null, new: '2' }, { partition: 1, current: null, new: '2' }] });
    expect(await stored(group, topic)).toEqual({ 0: '-1', 1: '-1' });
    const noYes = await runBinary(['topic', 'delete', topic, ...base]);
    expect(noYes.code).toBe(2);
    const down = await runBinary(['topic', 'alter', topic, '-P', '1', ...base]);
    expect(down.code).toBe(6);
    const gone = await runBinary(['topic', 'delete', topic, '-y', ...base]);
    expect(gone.code).toBe(0);
    expect(await deletedSoon(topic)).toBe(true);
  });
});


describe('in Chinese', () => {
  const zh = { env: { LANG: 'zh_CN.UTF-8' } };

  it('topic create, alter and delete say what they did in Chinese; JSON and exit codes as in English', async () => {
    const topic = uniqueTopic('zh-topic');
    const created = await runCli(['--config', config, 'topic', 'create', topic, '-P', '2', '-b', bootstrap], zh);
    expect(created.code, created.stderr).toBe(0);
    expect(created.stdout).toBe(`已创建主题 '${topic}'，共 2 个分区\n`);
    const exists = await runCli(['--config', config, 'topic', 'create', topic, '-P', '2', '--if-not-exists', '-b', bootstrap], zh);
    expect(exists.code).toBe(0);
    expect(exists.stdout).toBe(`主题 '${topic}' 已存在，保持不变（--if-not-exists）\n`);

    const up = await runCli(['topic', 'alter', topic, '-P', '3', ...base], zh);
    expect(up.code, up.stderr).toBe(0);
    expect(up.stdout).toBe(`主题 '${topic}'：2 → 3 个分区\n`);
    const same = await runCli(['topic', 'alter', topic, '-P', '3', ...base, '-o', 'json'], zh);
    expect(same.code).toBe(0);
    expect(json(same.stdout)).toEqual({ topic, partitions_before: 3, partitions: 3 });
    const unchanged = await runCli(['topic', 'alter', topic, '-P', '3', ...base], zh);
    expect(unchanged.stdout).toBe(`主题 '${topic}' 已有 3 个分区，未做更改\n`);

    const prompt = '请输入主题名以确认：';
    const wrong = await onTerminal(['topic', 'delete', topic, ...base], 'not-it', zh.env, prompt);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain(`将删除 1 个主题及其中的全部消息：${topic}\n${prompt}`);
    expect(wrong.stderr).toContain('ckafka: 错误：topic delete：输入的名称不一致，未删除任何主题\n  提示：请准确输入主题名');
    const right = await onTerminal(['topic', 'delete', topic, ...base], topic, zh.env, prompt);
    expect(right.code, right.stderr).toBe(0);
    expect(await deletedSoon(topic)).toBe(true);
  });

  it('group refusals in Chinese, with the exit code and JSON of the English run', async () => {
    const topic = await filledTopic('zh-group', 1, 1);
    const group = uniqueTopic('zh-group-none');
    const none = await runCli(['group', 'delete-offsets', group, '-t', topic, ...base], zh);
    expect(none.code).toBe(6);
    expect(none.stderr).toBe(`ckafka: 错误：消费分组 '${group}' 在主题 '${topic}' 上没有已提交的位点\n  提示：查看它有哪些位点：ckafka group describe ${group}\n`);

    const busy = uniqueTopic('zh-group-busy');
    const member = await activeMember(busy, topic);
    try {
      const argv = ['group', 'delete', busy, ...base, '-o', 'json'];
      const [chinese, english] = [await runCli(argv, zh), await runCli(argv)];
      expect(chinese.code).toBe(6);
      expect(english.code).toBe(6);
      const [entryZh, entryEn] = [chinese.stdout, english.stdout].map((s) => (JSON.parse(s) as Record<string, unknown>[])[0]!) as [Record<string, unknown>, Record<string, unknown>];
      expect({ ...entryZh, message: '' }).toEqual({ ...entryEn, message: '' });
      expect(entryZh.message).toMatch(/^有 1 个活跃成员：/);
      const error = (JSON.parse(chinese.stderr) as { error: Record<string, unknown> }).error;
      expect(error).toMatchObject({ kind: 'broker', exit_code: 6, message: `1 个消费分组中有 1 个未删除：${busy} (NON_EMPTY_GROUP)` });
      expect(error.hint).toMatch(/^请先停止该消费分组的消费者/);
    } finally {
      await member.disconnect();
    }
  });
});
