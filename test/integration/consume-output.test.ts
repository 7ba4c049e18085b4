import { describe, expect, inject, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { openSync, closeSync, existsSync } from 'node:fs';
import { createTopic, sendMessages, uniqueTopic } from '../harness/kafka.js';
import { committed, emptyConfig, jsonLines } from './consume-helpers.js';
import { BIN, runBinary } from '../harness/run-binary.js';

// consume's output side, run as users run it (the built binary as a process): headers that are
// hostile to a JavaScript object, an output that fails, a bad -f and signals.
const { bootstrap } = inject('kafka');
const config = emptyConfig();
const base = ['consume', '--config', config, '-b', bootstrap];
const hasKcat = spawnSync('kcat', ['-V']).status === 0;
if (!hasKcat) process.stderr.write('consume-output: kcat is not installed (apt-get install kcat): skipping the tests that write headers with it\n');

/** Headers as kcat writes them (-H name=value; a bare name is a null value), in this order. */
const WIRE: [string, string | null][] = [
  ['constructor', 'x'], ['a', '1'], ['toString', 'y'], ['a', '2'], ['__proto__', 'p'], ['valueOf', 'v'], ['hasOwnProperty', 'h'], ['nothing', null], ['2', 'two'],
];
const asPercentH = (headers: [string, string | null][]) => headers.map(([k, v]) => (v === null ? k : `${k}=${v}`)).join(',');

describe.skipIf(!hasKcat)('headers named like Object.prototype members, repeated, null (written by kcat)', () => {
  it('every output format prints every message with its headers in wire order, exit 0', async () => {
    const topic = uniqueTopic('proto-headers');
    await createTopic(bootstrap, topic, 1);
    const args = WIRE.flatMap(([k, v]) => ['-H', v === null ? k : `${k}=${v}`]);
    const produced = spawnSync('kcat', ['-P', '-b', bootstrap, '-t', topic, ...args], { input: 'one\ntwo\n', encoding: 'utf8', timeout: 30_000 });
    expect(produced.status, produced.stderr).toBe(0);
    // What the broker holds, read by librdkafka: the headers in this order (a null value as NULL).
    const stored = spawnSync('kcat', ['-C', '-b', bootstrap, '-t', topic, '-e', '-q', '-f', '%h|%s\\n'], { encoding: 'utf8', timeout: 30_000 });
    const storedHeaders = WIRE.map(([k, v]) => `${k}=${v ?? 'NULL'}`).join(',');
    expect(stored.stdout).toBe(`${storedHeaders}|one\n${storedHeaders}|two\n`);

    const json = await runBinary([...base, '-t', topic, '-e', '-q', '-o', 'json']);
    expect(json.code, json.stderr).toBe(0);
    const lines = jsonLines(json.stdout);
    expect(lines.map((l) => l.payload)).toEqual(['one', 'two']);
    for (const l of lines) {
      expect(l.headers_list).toEqual(WIRE);
      expect(Object.getOwnPropertyDescriptor(l.headers, '__proto__')?.value).toBe('p');
      expect((l.headers as Record<string, unknown>).nothing).toBeNull();
    }

    const text = await runBinary([...base, '-t', topic, '-e', '-q']);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout.split('\n').filter((l) => l.includes(`headers ${asPercentH(WIRE)}`))).toHaveLength(2);

    const raw = await runBinary([...base, '-t', topic, '-e', '-q', '-o', 'raw']);
    expect(raw.code, raw.stderr).toBe(0);
    expect(raw.stdout).toBe('one\ntwo\n');

    const format = await runBinary([...base, '-t', topic, '-e', '-q', '-f', '%o %h|%s\\n']);
    expect(format.code, format.stderr).toBe(0);
    expect(format.stdout).toBe(`0 ${asPercentH(WIRE)}|one\n1 ${asPercentH(WIRE)}|two\n`);
  }, 60_000);
});

describe('headers named like Object.prototype members (written by kafkajs)', () => {
  it('-o json prints them', async () => {
    const topic = uniqueTopic('proto-headers-kafkajs');
    await createTopic(bootstrap, topic, 1);
    const headers: Record<string, string> = { constructor: 'c', toString: 't', valueOf: 'v', hasOwnProperty: 'h' };
    await sendMessages(bootstrap, topic, [{ value: 'm', headers }]);
    const r = await runBinary([...base, '-t', topic, '-e', '-q', '-o', 'json']);
    expect(r.code, r.stderr).toBe(0);
    expect(jsonLines(r.stdout).map((l) => l.headers)).toEqual([headers]);
  });
});

describe('an output that fails', () => {
  it.skipIf(!existsSync('/dev/full'))('stdout on a full disk (/dev/full) is exit 1 with the error, and commits nothing', async () => {
    const topic = uniqueTopic('full-disk');
    const group = uniqueTopic('full-disk-group');
    await createTopic(bootstrap, topic, 1);
    await sendMessages(bootstrap, topic, Array.from({ length: 20 }, (_, i) => ({ value: `m${i}` })));
    const fd = openSync('/dev/full', 'w');
    try {
      const child = spawn(process.execPath, [BIN, ...base, '-t', topic, '-g', group, '-e'], { env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', fd, 'pipe'] });
      let stderr = '';
      child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
      const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
      expect(code, stderr).toBe(1);
      expect(stderr).toMatch(/writing the messages to stdout failed: ENOSPC/);
      expect(stderr).not.toMatch(/\n\s+at /);
    } finally {
      closeSync(fd);
    }
    expect(await committed(bootstrap, group, topic)).toEqual({});
  });
});

describe('a bad -f format', () => {
  it('is exit 2 before connecting (nothing listens on the address given)', async () => {
    const started = Date.now();
    const r = await runBinary(['consume', '--config', config, '-b', '127.0.0.1:1', '-t', 'any', '-e', '-f', '%z %']);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/unknown placeholder '%z'/);
    expect(r.stderr).not.toMatch(/127\.0\.0\.1:1|connect/i);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('against a real broker: the process ends; SIGTERM after the error ends it within 2 s', async () => {
    const topic = uniqueTopic('bad-format');
    await createTopic(bootstrap, topic, 1);
    await sendMessages(bootstrap, topic, [{ value: 'm' }]);
    const child = spawn(process.execPath, [BIN, ...base, '-t', topic, '-e', '-f', '%s %'], { env: { ...process.env, NO_COLOR: '1' } });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    const sawError = new Promise<void>((resolve) => child.stderr.on('data', () => /unknown placeholder/.test(stderr) && resolve()));
    await Promise.race([sawError, exited]);
    const erroredAt = Date.now();
    // Given time to end by itself; if it has not, SIGTERM must end it.
    const early = await Promise.race([exited, new Promise((r) => setTimeout(() => r('running'), 1000))]);
    if (early === 'running') child.kill('SIGTERM');
    const code = await Promise.race([exited, new Promise((r) => setTimeout(() => r('still running'), 3000))]);
    if (code === 'still running') child.kill('SIGKILL');
    expect(code, stderr).toBe(2);
    expect(Date.now() - erroredAt).toBeLessThan(4000);
    expect(early, 'it ended by itself').not.toBe('running');
  }, 30_000);
});

describe('SIGTERM while following', () => {
  it('ends consume --follow within 2 s, exit 0', async () => {
    const topic = uniqueTopic('sigterm-follow');
    await createTopic(bootstrap, topic, 1);
    await sendMessages(bootstrap, topic, [{ value: 'm' }]);
    const child = spawn(process.execPath, [BIN, ...base, '-t', topic, '--follow', '-o', 'raw'], { env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    await new Promise<void>((resolve) => child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d) === 'm\n' && resolve()));
    const sent = Date.now();
    child.kill('SIGTERM');
    const code = await Promise.race([exited, new Promise((r) => setTimeout(() => r('still running'), 5000))]);
    if (code === 'still running') child.kill('SIGKILL');
    expect(code).toBe(0);
    expect(Date.now() - sent).toBeLessThan(2500);
  });
});
