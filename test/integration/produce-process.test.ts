import { beforeAll, describe, expect, inject, it } from 'vitest';
import { execFileSync, spawn } from 'node:child_process';
import { closeSync, constants, existsSync, mkdtempSync, openSync, readSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { createTopic, readMessages, uniqueTopic } from '../harness/kafka.js';
import { emptyConfig } from '../harness/run-cli.js';

// Ctrl-C in the middle of a large pipe, as a user does it: the built CLI as a process, a real
// SIGINT, a real pipe fed while it runs; then the topic is read back and compared by content.
const { bootstrap } = inject('kafka');
const root = fileURLToPath(new URL('../../', import.meta.url));
const bin = `${root}bin/ckafka.js`;

beforeAll(() => {
  if (!existsSync(`${root}dist/main.js`)) throw new Error('dist/ is missing: run `npm run build` before the integration tests');
});

const TOTAL_LINES = 3_000_000;
const CHUNK_BYTES = 256 * 1024;
/** Line n (1-based, as reports number them). */
const lineText = (n: number) => `ctrl-c line ${n}`;

interface Report {
  status: string;
  partition: number;
  offset: number | null;
}

describe('produce interrupted by SIGINT', () => {
  it('in the middle of a 3 M-line pipe: exit 130, every line read reported once, the topic holds exactly what was reported delivered', async () => {
    const topic = uniqueTopic('produce-sigint');
    await createTopic(bootstrap, topic, 3);
    // stdin is a named pipe, a kernel pipe as in `cat big | ckafka produce`. This process keeps a
    // read end open too, so once ckafka has exited what it left in the pipe can be read and counted:
    // bytes written - bytes left = exactly what ckafka read.
    const input = Buffer.from(Array.from({ length: TOTAL_LINES }, (_, i) => `${lineText(i + 1)}\n`).join(''));
    const fifo = join(mkdtempSync(join(tmpdir(), 'ckafka-sigint-')), 'input');
    execFileSync('mkfifo', [fifo]);
    const readEnd = openSync(fifo, 'r+'); // O_RDWR: opens at once, and holds the pipe open
    const writer = await open(fifo, 'w');
    const child = spawn(process.execPath, [bin, 'produce', '--config', emptyConfig(), '-b', bootstrap, '-t', topic, '-o', 'json'], {
      env: { ...process.env, NO_COLOR: '1' },
      stdio: [readEnd, 'pipe', 'pipe'],
    });

    // The input is written while ckafka reads it (a write waits while the pipe is full), made
    // beforehand so that ckafka, not this writer, is the slower side.
    let writing = true;
    let written = 0;
    const pumping = (async () => {
      for (let at = 0; writing && at < input.length; at += CHUNK_BYTES) {
        const { bytesWritten } = await writer.write(input, at, Math.min(CHUNK_BYTES, input.length - at));
        written += bytesWritten;
      }
    })();

    // Reports, parsed as they come: every stdout line must be a JSON report (a status line fails).
    const reports = new Map<number, Report>();
    let duplicateReports = 0;
    let interruptedAt = 0;
    const lines = createInterface({ input: child.stdout! });
    const strange: string[] = [];
    const fragments: number[] = [];
    lines.on('line', (line) => {
      let r: Record<string, unknown>;
      try {
        r = JSON.parse(line) as Record<string, unknown>;
      } catch {
        return void strange.push(line);
      }
      const n = r.line as number;
      if (reports.has(n)) duplicateReports += 1;
      // The last line read may be cut where the read ended: a fragment, reported not-sent (checked below).
      if (r.payload !== lineText(n) && !(r.status === 'not-sent' && lineText(n).startsWith(String(r.payload)))) strange.push(line);
      if (r.payload !== lineText(n)) fragments.push(n);
      reports.set(n, { status: r.status as string, partition: r.partition as number, offset: r.offset as number | null });
      // SIGINT 1.5 s after the first report, so a slow start on a loaded machine still interrupts a flowing run.
      if (interruptedAt === 0) {
        interruptedAt = -1;
        setTimeout(() => {
          interruptedAt = Date.now();
          child.kill('SIGINT');
        }, 1_500);
      }
    });
    let stderr = '';
    child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
    writing = false;
    const stoppedMs = Date.now() - interruptedAt;
    // What ckafka left in the pipe: drain it (a last write may be waiting for room) until the writer is done.
    const drain = openSync(fifo, constants.O_RDONLY | constants.O_NONBLOCK);
    let left = 0;
    let pumped = false;
    void pumping.finally(() => (pumped = true));
    const buffer = Buffer.alloc(1 << 16);
    for (;;) {
      let n = 0;
      try {
        n = readSync(drain, buffer);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
      }
      left += n;
      if (n > 0) continue;
      if (pumped) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    await pumping;
    closeSync(drain);
    closeSync(readEnd);
    await writer.close();
    // Complete lines among the bytes ckafka read: each of them must have its report.
    let readLines = 0;
    for (let bytes = written - left, n = 1; n <= TOTAL_LINES; n += 1) {
      bytes -= lineText(n).length + 1;
      if (bytes < 0) break;
      readLines = n;
    }

    expect(code, stderr).toBe(130);
    expect(stoppedMs, 'exit within seconds of SIGINT').toBeLessThan(15_000);
    expect(strange, 'stdout lines that are not the report of their line').toEqual([]);
    expect(duplicateReports).toBe(0);
    const reported = reports.size;
    // Lines are read in order: the reported ones are lines 1..reported, none skipped.
    const highest = [...reports.keys()].reduce((a, b) => Math.max(a, b), 0);
    expect(highest).toBe(reported);
    expect(reported).toBeLessThan(TOTAL_LINES);
    // Every line ckafka took from the pipe has its report, not only those it got to send (and a
    // line it read only the beginning of is reported as such, not sent).
    expect(reported, `${written - left} bytes read by ckafka: ${readLines} complete lines`).toBe(readLines + fragments.length);
    expect(fragments).toEqual(reported > readLines ? [reported] : []);

    const counts = { delivered: 0, failed: 0, 'not-sent': 0 } as Record<string, number>;
    for (const r of reports.values()) counts[r.status] = (counts[r.status] ?? 0) + 1;
    expect(Object.keys(counts).sort()).toEqual(['delivered', 'failed', 'not-sent']);
    expect(counts.failed).toBe(0);
    expect(counts.delivered).toBeGreaterThan(0);
    const summary = (JSON.parse(stderr.trim().split('\n').at(-1) as string) as { summary: Record<string, unknown> }).summary;
    expect(summary).toMatchObject({ delivered: counts.delivered, failed: 0, notSent: counts['not-sent'], inputErrors: 0, interrupted: true });

    // The topic holds exactly the delivered lines, once each, where their reports said.
    const stored = await readMessages(bootstrap, topic, counts.delivered!, 120_000);
    const storedLines = new Set<number>();
    for (const m of stored) {
      const n = Number(/^ctrl-c line (\d+)$/.exec(m.value ?? '')?.[1]);
      expect(storedLines.has(n), `line ${n} stored twice`).toBe(false);
      storedLines.add(n);
      const report = reports.get(n);
      expect(report?.status, `line ${n} is stored but was reported ${report?.status ?? 'never'}`).toBe('delivered');
      expect([m.partition, Number(m.offset)]).toEqual([report!.partition, report!.offset]);
    }
    expect(storedLines.size).toBe(counts.delivered);
    process.stderr.write(
      `produce SIGINT: ${readLines} lines read from the pipe, ${reported} reported: ${counts.delivered} delivered ` +
        `(${stored.length} stored), ${counts['not-sent']} not-sent; exit ${code} ${stoppedMs} ms after SIGINT\n`,
    );
  }, 180_000);
});
