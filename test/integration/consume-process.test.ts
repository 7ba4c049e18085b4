import { beforeAll, describe, expect, inject, it } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createTopic, sendMessages, uniqueTopic, type TestMessage } from '../harness/kafka.js';
import { committed, emptyConfig } from './consume-helpers.js';
import { runCli } from '../harness/run-cli.js';
import { assertNoStatusOnStdout } from '../harness/stdout-guard.js';

// These tests run the built CLI (`npm run build`) as a process: real signals, real pipes, real exit codes.
const { bootstrap } = inject('kafka');
const root = fileURLToPath(new URL('../../', import.meta.url));
const bin = `${root}bin/ckafka.js`;
const config = emptyConfig();
const base = ['consume', '--config', config, '-b', bootstrap];

beforeAll(() => {
  if (!existsSync(`${root}dist/main.js`)) throw new Error('dist/ is missing: run `npm run build` before the integration tests');
});

const numbered = (n: number, from = 0): TestMessage[] =>
  Array.from({ length: n }, (_, i) => ({ value: `message ${String(from + i).padStart(6, '0')} ${'x'.repeat(80)}` }));

async function fill(topic: string, n: number): Promise<void> {
  for (let from = 0; from < n; from += 5000) await sendMessages(bootstrap, topic, numbered(Math.min(5000, n - from), from));
}

interface Finished {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** Spawns the CLI; `onStdout` sees the output so far and may signal the process. */
function spawnCli(args: string[], onStdout?: (text: string, child: ReturnType<typeof spawn>) => void, shell?: string, env: Record<string, string> = {}): Promise<Finished> {
  const started = Date.now();
  const child = shell
    ? spawn('bash', ['-c', shell], { env: { ...process.env, NO_COLOR: '1', ...env } })
    : spawn(process.execPath, [bin, ...args], { env: { ...process.env, NO_COLOR: '1', ...env } });
  let stdout = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8').on('data', (d: string) => {
    stdout += d;
    onStdout?.(stdout, child);
  });
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  return new Promise((resolve, reject) => {
    child.on('close', (code, signal) => {
      try {
        assertNoStatusOnStdout(stdout, shell ? [shell] : args);
        resolve({ code, signal, stdout, stderr, ms: Date.now() - started });
      } catch (error) {
        reject(error as Error);
      }
    });
  });
}

const lineCount = (text: string) => text.split('\n').filter((l) => l !== '').length;

describe('the ckafka process', () => {
  it.each(['SIGINT', 'SIGTERM'] as const)('%s commits what was printed, leaves the group and exits 0', async (sig) => {
    const topic = uniqueTopic(`signal-${sig}`);
    const group = uniqueTopic('signal-group');
    await createTopic(bootstrap, topic, 2);
    await fill(topic, 100);
    let sent = false;
    const r = await spawnCli([...base, '-t', topic, '-g', group, '--follow', '-o', 'raw'], (text, child) => {
      if (!sent && lineCount(text) === 100) {
        sent = true;
        child.kill(sig);
      }
    });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/% done: 100 messages .*stopped: interrupted; committed 0:\d+ 1:\d+/);
    const offsets = await committed(bootstrap, group, topic);
    expect((offsets[0] ?? 0) + (offsets[1] ?? 0)).toBe(100);
    // It left the group: a new member joins at once and finds nothing left.
    const next = await runCli([...base, '-t', topic, '-g', group, '-e', '-o', 'raw']);
    expect(next.stdout).toBe('');
  });

  it('Ctrl-C in the middle of a backlog commits no message that was not printed', async () => {
    const topic = uniqueTopic('signal-backlog');
    const group = uniqueTopic('signal-backlog-group');
    await createTopic(bootstrap, topic, 1);
    await fill(topic, 30_000);
    let sent = false;
    const r = await spawnCli([...base, '-t', topic, '-g', group, '--follow', '-o', 'raw'], (text, child) => {
      if (!sent && lineCount(text) >= 1000) {
        sent = true;
        child.kill('SIGINT');
      }
    });
    expect(r.code, r.stderr).toBe(0);
    const printed = lineCount(r.stdout);
    const offsets = await committed(bootstrap, group, topic);
    expect(offsets[0]).toBeGreaterThan(0);
    expect(offsets[0]).toBeLessThanOrEqual(printed);
    // Printed in order from offset 0, so the committed offset is a line that was printed.
    expect(r.stdout.split('\n')[offsets[0]! - 1]).toContain(`message ${String(offsets[0]! - 1).padStart(6, '0')}`);
  });

  it('a pipe that closes (`| head -3`) ends it quietly with 0, committing only what was written', async () => {
    const topic = uniqueTopic('pipe');
    const group = uniqueTopic('pipe-group');
    await createTopic(bootstrap, topic, 1);
    await fill(topic, 20_000);
    const quoted = [...base, '-t', topic, '-g', group, '--follow', '-o', 'raw'].map((a) => `'${a}'`).join(' ');
    const r = await spawnCli([], undefined, `'${process.execPath}' '${bin}' ${quoted} | head -3; echo "ckafka exit \${PIPESTATUS[0]}" >&2`);
    expect(r.stdout.split('\n').slice(0, 3)).toEqual(numbered(3).map((m) => m.value));
    expect(r.stderr.trim().split('\n').at(-1)).toBe('ckafka exit 0');
    expect(r.stderr).not.toContain('error');
    expect(r.ms).toBeLessThan(20_000);
    // The pipe took part of the backlog at most; the rest is read by the next run, with no gap.
    const offsets = await committed(bootstrap, group, topic);
    const done = offsets[0] ?? 0;
    expect(done).toBeLessThan(20_000);
    const rest = await runCli([...base, '-t', topic, '-g', group, '-e', '-o', 'raw']);
    expect(lineCount(rest.stdout)).toBe(20_000 - done);
    expect(rest.stdout.split('\n')[0]).toBe(numbered(1, done)[0]!.value);
  });

  it('under a Chinese locale a closed pipe is as quiet: the first status line, no summary', async () => {
    const topic = uniqueTopic('pipe-zh');
    await createTopic(bootstrap, topic, 1);
    await fill(topic, 5000);
    const quoted = [...base, '-t', topic, '-g', uniqueTopic('pipe-zh-group'), '--follow', '-o', 'raw'].map((a) => `'${a}'`).join(' ');
    // LC_ALL and LC_MESSAGES emptied: the test runner's own would decide otherwise.
    const zh = { LANG: 'zh_CN.UTF-8', LC_ALL: '', LC_MESSAGES: '' };
    const r = await spawnCli([], undefined, `'${process.execPath}' '${bin}' ${quoted} | head -3; echo "ckafka exit \${PIPESTATUS[0]}" >&2`, zh);
    expect(r.stdout.split('\n').slice(0, 3)).toEqual(numbered(3).map((m) => m.value));
    const lines = r.stderr.trim().split('\n');
    expect(lines.at(-1)).toBe('ckafka exit 0');
    expect(lines.filter((l) => l.startsWith('% ')), r.stderr).toHaveLength(1);
  });
});
