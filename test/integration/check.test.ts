import { describe, expect, inject, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { emptyConfig, runCli } from '../harness/run-cli.js';
import { createTopic, uniqueTopic } from '../harness/kafka.js';

const { bootstrap } = inject('kafka');
const dir = mkdtempSync(join(tmpdir(), 'ckafka-check-'));
const config = emptyConfig();
const base = ['--config', config, '-b', bootstrap];

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
    expect(after.map((g) => g.group_id).filter((g) => !before.some((b) => b.group_id === g))).toEqual([]);
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
