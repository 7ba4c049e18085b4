import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { main } from '../../src/main.js';
import type { Io } from '../../src/io/io.js';
import { assertNoStatusOnStdout } from './stdout-guard.js';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  env?: Record<string, string | undefined>;
  stdin?: string | Readable;
  cwd?: string;
  signal?: AbortSignal;
  /** Let status lines (`% …`, JSON events) appear on stdout; by default they fail the run. */
  allowStatusOnStdout?: boolean;
}

/**
 * Runs the CLI in-process with captured streams; the environment is not the test runner's.
 * Rejects when stdout carries status lines (see stdout-guard.ts).
 */
export async function runCli(argv: string[], options: RunOptions = {}): Promise<CliResult> {
  const out = collect();
  const err = collect();
  const stdin =
    options.stdin instanceof Readable ? options.stdin : Readable.from(options.stdin === undefined ? [] : [options.stdin]);
  const io: Io = {
    stdout: out.stream,
    stderr: err.stream,
    stdin: Object.assign(stdin, { isTTY: false }),
    env: { NO_COLOR: '1', ...options.env },
    cwd: options.cwd ?? process.cwd(),
    signal: options.signal ?? new AbortController().signal,
  };
  const code = await main(argv, io);
  const stdout = out.text();
  if (!options.allowStatusOnStdout) assertNoStatusOnStdout(stdout, argv);
  return { code, stdout, stderr: err.text() };
}

function collect() {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  return { stream, text: () => Buffer.concat(chunks).toString('utf8') };
}

/** An empty config file, so a developer's own config never leaks into a test. */
export function emptyConfig(): string {
  const path = join(mkdtempSync(join(tmpdir(), 'ckafka-test-')), 'ckafka.config.json');
  writeFileSync(path, '{}');
  return path;
}

/** The JSON lines of a command's output. */
export const jsonLines = (text: string): Record<string, unknown>[] =>
  text.split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as Record<string, unknown>);
