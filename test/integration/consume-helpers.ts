import { PassThrough, Readable } from 'node:stream';
import { main } from '../../src/main.js';
import type { Io } from '../../src/io/io.js';
import { kafkaAdmin } from '../harness/kafka.js';
import type { CliResult } from '../harness/run-cli.js';
import { assertNoStatusOnStdout } from '../harness/stdout-guard.js';

export { emptyConfig, jsonLines } from '../harness/run-cli.js';

/** A CLI run in-process whose output can be watched while it runs, and stopped as Ctrl-C would. */
export interface LiveRun {
  stdout(): string;
  stderr(): string;
  /** Resolves once stdout or stderr matches (rejects after timeoutMs with what was seen). */
  waitFor(stream: 'stdout' | 'stderr', test: RegExp | ((text: string) => boolean), timeoutMs?: number): Promise<void>;
  interrupt(): void;
  done: Promise<CliResult>;
}

export function startCli(argv: string[]): LiveRun {
  const controller = new AbortController();
  const out = collect();
  const err = collect();
  const io: Io = {
    stdout: out.stream,
    stderr: err.stream,
    stdin: Object.assign(Readable.from([]), { isTTY: false }),
    env: { NO_COLOR: '1' },
    cwd: process.cwd(),
    signal: controller.signal,
  };
  const done = main(argv, io).then((code) => {
    assertNoStatusOnStdout(out.text(), argv);
    return { code, stdout: out.text(), stderr: err.text() };
  });
  const texts = { stdout: out.text, stderr: err.text };
  return {
    stdout: out.text,
    stderr: err.text,
    async waitFor(stream, test, timeoutMs = 20_000) {
      const ok = () => (typeof test === 'function' ? test(texts[stream]()) : test.test(texts[stream]()));
      const until = Date.now() + timeoutMs;
      let finished = false;
      void done.finally(() => (finished = true));
      while (!ok()) {
        if (finished) throw new Error(`the command ended before its ${stream} matched ${String(test)}; stderr:\n${err.text()}`);
        if (Date.now() > until) throw new Error(`${stream} did not match ${String(test)} in ${timeoutMs} ms; stdout:\n${out.text().slice(-2000)}\nstderr:\n${err.text()}`);
        await new Promise((r) => setTimeout(r, 25));
      }
    },
    interrupt: () => controller.abort(new Error('interrupted by SIGINT')),
    done,
  };
}

function collect() {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  return { stream, text: () => Buffer.concat(chunks).toString('utf8') };
}

/** The group's committed offsets for the topic, partition → next offset (partitions without one left out). */
export async function committed(bootstrap: string, groupId: string, topic: string): Promise<Record<number, number>> {
  const admin = await kafkaAdmin(bootstrap);
  try {
    const [entry] = await admin.fetchOffsets({ groupId, topics: [topic] });
    const out: Record<number, number> = {};
    for (const p of entry?.partitions ?? []) if (Number(p.offset) >= 0) out[p.partition] = Number(p.offset);
    return out;
  } finally {
    await admin.disconnect();
  }
}

/** Ids of the consumer groups the cluster lists. */
export async function groupIds(bootstrap: string): Promise<string[]> {
  const admin = await kafkaAdmin(bootstrap);
  try {
    return (await admin.listGroups()).groups.map((g) => g.groupId);
  } finally {
    await admin.disconnect();
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
