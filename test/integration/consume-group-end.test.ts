import { spawn } from 'node:child_process';
import { describe, expect, inject, it } from 'vitest';
import { createTopic, sendMessages, uniqueTopic, type TestMessage } from '../harness/kafka.js';
import { BIN, runBinary } from '../harness/run-binary.js';
import { committed, emptyConfig, jsonLines } from './consume-helpers.js';

// consume -g G -e reads to the end of the topic only if this member gets every partition. A member
// killed with SIGKILL still holds its partitions until its session times out; a live member holds
// its own. Either the run waits and reads them, or it says what is left and exits 7, never 0.
const { bootstrap } = inject('kafka');
const config = emptyConfig();
const SESSION = ['-X', 'session.timeout.ms=6000'];
const spread = (prefix: string, n: number, partitions: number): TestMessage[] =>
  Array.from({ length: n }, (_, i) => ({ value: `${prefix} ${i}`, partition: i % partitions }));

/** A group member as its own process (the built binary), following the topic. */
function member(topic: string, group: string, extra: string[] = []) {
  const child = spawn(process.execPath, [BIN, '--config', config, 'consume', '-b', bootstrap, '-t', topic, '-g', group, '--follow', '-o', 'json', ...SESSION, ...extra], {
    env: { ...process.env, NO_COLOR: '1' },
  });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  child.stdout.resume();
  const exited = new Promise<void>((resolve) => child.on('close', () => resolve()));
  return {
    child,
    exited,
    /** Resolves once the member reports an assignment with at least one partition. */
    async owns(timeoutMs = 30_000): Promise<void> {
      const until = Date.now() + timeoutMs;
      // -o json: status lines on stderr are JSON too.
      while (!/"event":"assigned","partitions":\[\d/.test(stderr)) {
        if (Date.now() > until) throw new Error(`the member owned nothing within ${timeoutMs} ms; stderr:\n${stderr}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
  };
}

describe('consume -g -e with partitions held by another member', () => {
  it('a SIGKILLed member: -e reads its partitions once its session expires, or exits non-zero naming what is left', async () => {
    const topic = uniqueTopic('dead-member');
    const group = uniqueTopic('dead-member-g');
    await createTopic(bootstrap, topic, 4);
    const dead = member(topic, group);
    await dead.owns();
    dead.child.kill('SIGKILL');
    await dead.exited;
    const sent = spread('m', 400, 4);
    await sendMessages(bootstrap, topic, sent);

    const r = await runBinary(['--config', config, 'consume', '-b', bootstrap, '-t', topic, '-g', group, '-e', '-o', 'json', ...SESSION]);
    if (r.code === 0) {
      // Waited for the dead member's session: every message read, and the broker has it all committed.
      expect(jsonLines(r.stdout).map((m) => m.payload).sort()).toEqual(sent.map((m) => m.value).sort());
      expect(await committed(bootstrap, group, topic)).toEqual({ 0: 100, 1: 100, 2: 100, 3: 100 });
    } else {
      expect(r.code).toBe(7);
      expect(r.stderr).toMatch(/was not read to its end: partition\(s\) [\d, ]+ belong to other members/);
    }
  });

  it('a live member that holds partitions and commits nothing: -e reads its own, then exits 7 naming the others and their lag', async () => {
    const topic = uniqueTopic('live-member');
    const group = uniqueTopic('live-member-g');
    await createTopic(bootstrap, topic, 2);
    await sendMessages(bootstrap, topic, spread('m', 40, 2));
    // It reads but never commits, so the group's lag on its partition stays.
    const other = member(topic, group, ['--no-commit']);
    try {
      await other.owns();
      const started = Date.now();
      const r = await runBinary(['--config', config, 'consume', '-b', bootstrap, '-t', topic, '-g', group, '-e', '-o', 'raw', ...SESSION]);
      expect(`${r.code}\n${r.stderr}`).toMatch(/^7\n/);
      const mine = r.stdout.split('\n').filter((l) => l !== '');
      expect(mine).toHaveLength(20);
      // 'm i' went to partition i % 2: this member read one partition, the other member holds the other.
      const minePartition = Number(mine[0]!.split(' ')[1]) % 2;
      expect(mine.every((l) => Number(l.split(' ')[1]) % 2 === minePartition)).toBe(true);
      const theirs = 1 - minePartition;
      expect(r.stderr).toContain(`partition(s) ${theirs} belong to other members of group '${group}', with 20 message(s) unread (partition:messages ${theirs}:20)`);
      expect(r.stderr).not.toMatch(/end of the partitions reached/);
      // It waited for a session timeout (6 s) and the rebalance margin before saying so.
      expect(Date.now() - started).toBeGreaterThan(6000);
      expect(await committed(bootstrap, group, topic)).toEqual({ [1 - theirs]: 20 });
    } finally {
      other.child.kill('SIGINT');
      await other.exited;
    }
  });
});
