import { describe, expect, inject, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { emptyConfig, runCli } from '../harness/run-cli.js';
import { AssignerProtocol } from 'kafkajs';
import { createTopic, kafkaAdmin, uniqueTopic } from '../harness/kafka.js';

const { bootstrap } = inject('kafka');
const dir = mkdtempSync(join(tmpdir(), 'ckafka-check-'));
const config = emptyConfig();
const base = ['--config', config, '-b', bootstrap];

/**
 * The groups among `groupIds` this run can have made: one that reads `topic` (a member subscribed or
 * assigned to it, or offsets committed for it), or an empty group with no offsets at all that is
 * still there seconds later (another file's throwaway group is deleted as its command ends).
 */
async function groupsOnTopic(groupIds: string[], topic: string): Promise<string[]> {
  if (groupIds.length === 0) return [];
  const admin = await kafkaAdmin(bootstrap);
  try {
    const found: string[] = [];
    const orphans: string[] = [];
    for (const group of (await admin.describeGroups(groupIds)).groups) {
      const reads = group.members.some((m) => {
        const subscribed = m.memberMetadata.length > 0 && (AssignerProtocol.MemberMetadata.decode(m.memberMetadata)?.topics ?? []).includes(topic);
        const assigned = m.memberAssignment.length > 0 && topic in (AssignerProtocol.MemberAssignment.decode(m.memberAssignment)?.assignment ?? {});
        return subscribed || assigned;
      });
      const offsets = await admin.fetchOffsets({ groupId: group.groupId });
      const committed = offsets.filter((t) => t.partitions.some((p) => Number(p.offset) >= 0));
      if (reads || committed.some((t) => t.topic === topic)) found.push(`${group.groupId} (${group.state})`);
      else if (group.members.length === 0 && group.state !== 'Dead' && committed.length === 0) orphans.push(group.groupId);
    }
    if (orphans.length > 0) {
      await new Promise((r) => setTimeout(r, 3_000));
      for (const group of (await admin.describeGroups(orphans)).groups) {
        if (group.state !== 'Dead' && group.members.length === 0) found.push(`${group.groupId} (${group.state}, no members, no offsets)`);
      }
    }
    return found;
  } finally {
    await admin.disconnect();
  }
}

describe('ckafka check', () => {
  it('passes when every message comes back once and intact, with latencies, JSON and JUnit', async () => {
    const topic = uniqueTopic('check');
    await createTopic(bootstrap, topic, 3);
    const junit = join(dir, 'pass.xml');
    const r = await runCli(['check', ...base, '-t', topic, '-n', '12', '-o', 'json', '--junit', junit]);
    expect(r.code, r.stderr).toBe(0);
    const result = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(result).toMatchObject({ verdict: 'pass', topic, count: 12, delivered: 12, received: 12, missing: 0, duplicates: 0, corrupted: 0, problems: [] });
    for (const key of ['produce_latency_ms', 'end_to_end_latency_ms'] as const) {
      const s = result[key] as { min: number; median: number; p99: number; max: number };
      expect(s.min).toBeLessThanOrEqual(s.median);
      expect(s.median).toBeLessThanOrEqual(s.p99);
      expect(s.p99).toBeLessThanOrEqual(s.max);
    }
    const xml = readFileSync(junit, 'utf8');
    expect(xml).toContain('<testsuites name="ckafka check" tests="3" failures="0"');
    expect(xml).not.toContain('<failure');

    const text = await runCli(['check', ...base, '-t', topic, '-n', '3']);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/3\/3 delivered[\s\S]*3\/3 received intact[\s\S]*PASS in/);
  });

  it('leaves no consumer group behind', async () => {
    const topic = uniqueTopic('check-nogroup');
    await createTopic(bootstrap, topic, 1);
    const before = JSON.parse((await runCli(['group', 'list', ...base, '-o', 'json'])).stdout) as { group_id: string }[];
    expect((await runCli(['check', ...base, '-t', topic, '-n', '2'])).code).toBe(0);
    const after = JSON.parse((await runCli(['group', 'list', ...base, '-o', 'json'])).stdout) as { group_id: string }[];
    const appeared = after.map((g) => g.group_id).filter((g) => !before.some((b) => b.group_id === g));
    // Other test files run at the same time and make groups of their own: only a group that reads
    // this run's topic (a member subscribed or assigned to it, or offsets committed for it) is this run's.
    expect(await groupsOnTopic(appeared, topic)).toEqual([]);
  });

  it('fails with 8 when messages are sent but never arrive', async () => {
    // With acks=0 the broker drops a message over the topic's limit without a word:
    // it is sent, but it cannot arrive.
    const topic = uniqueTopic('check-lost');
    await createTopic(bootstrap, topic, 1, { 'max.message.bytes': '300' });
    const junit = join(dir, 'lost.xml');
    const r = await runCli(['check', ...base, '-t', topic, '-n', '3', '--size', '1000', '--acks', '0', '--timeout', '4s', '-o', 'json', '--junit', junit]);
    expect(r.code).toBe(8);
    expect(JSON.parse(r.stdout)).toMatchObject({ verdict: 'not-received', delivered: 3, received: 0, missing: 3 });
    const xml = readFileSync(junit, 'utf8');
    expect(xml).toContain('failures="1"');
    expect(xml).toContain('not received: 3 message(s)');
  });

  it('fails with 6 when the broker refuses the messages, and 4 when the cluster is unreachable', async () => {
    const topic = uniqueTopic('check-refused');
    await createTopic(bootstrap, topic, 1, { 'max.message.bytes': '300' });
    const refused = await runCli(['check', ...base, '-t', topic, '-n', '2', '--size', '1000', '--timeout', '5s']);
    expect(refused.code).toBe(6);
    expect(refused.stdout).toContain('FAIL (produce-failed)');

    const junit = join(dir, 'unreachable.xml');
    const r = await runCli(['check', '--config', config, '-b', '127.0.0.1:1', '-t', 'x', '-o', 'json', '--junit', junit]);
    expect(r.code).toBe(4);
    expect(JSON.parse(r.stdout)).toMatchObject({ verdict: 'error', error: { kind: 'unreachable', message: expect.stringMatching(/^check 'x': cannot reach the cluster/) } });
    expect(readFileSync(junit, 'utf8')).toContain('<failure message="unreachable: ');
  });

  it('is a configuration error (3) without bootstrap servers', async () => {
    const r = await runCli(['check', '--config', config, '-t', 'x'], { env: {} });
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('no bootstrap servers');
  });
});
