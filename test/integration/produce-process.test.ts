import { beforeAll, describe, expect, inject, it } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
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
const CHUNK_LINES = 2_000;
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
    const child = spawn(process.execPath, [bin, 'produce', '--config', emptyConfig(), '-b', bootstrap, '-t', topic, '-o', 'json'], {
      env: { ...process.env, NO_COLOR: '1' },
    });

    // The input, generated while ckafka reads it, with back-pressure. `flushedLines` counts the
    // lines the OS has taken into the pipe (write callbacks come in order).
    let nextLine = 1;
    let flushedLines = 0;
    let writing = true;
    child.stdin.on('error', () => undefined); // EPIPE once ckafka stops reading: expected
    const pump = () => {
      while (writing && nextLine <= TOTAL_LINES) {
        const first = nextLine;
        const last = Math.min(TOTAL_LINES, first + CHUNK_LINES - 1);
        let text = '';
        for (let n = first; n <= last; n += 1) text += `${lineText(n)}\n`;
        nextLine = last + 1;
        const ok = child.stdin.write(text, (error) => {
          if (!error) flushedLines = last;
        });
        if (!ok) return void child.stdin.once('drain', pump);
      }
      if (writing) child.stdin.end();
    };
    pump();

    // Reports, parsed as they come: every stdout line must be a JSON report (a status line fails).
    const reports = new Map<number, Report>();
    let duplicateReports = 0;
    let interruptedAt = 0;
    const lines = createInterface({ input: child.stdout });
    const strange: string[] = [];
    lines.on('line', (line) => {
      let r: Record<string, unknown>;
      try {
        r = JSON.parse(line) as Record<string, unknown>;
      } catch {
        return void strange.push(line);
      }
      const n = r.line as number;
      if (reports.has(n)) duplicateReports += 1;
      if (r.payload !== lineText(n)) strange.push(line);
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
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
    writing = false;
    const stoppedMs = Date.now() - interruptedAt;

    expect(code, stderr).toBe(130);
    expect(stoppedMs, 'exit within seconds of SIGINT').toBeLessThan(15_000);
    expect(strange, 'stdout lines that are not the report of their line').toEqual([]);
    expect(duplicateReports).toBe(0);
    const reported = reports.size;
    // Lines are read in order: the reported ones are lines 1..reported, none skipped.
    const highest = [...reports.keys()].reduce((a, b) => Math.max(a, b), 0);
    expect(highest).toBe(reported);
    expect(reported).toBeLessThan(TOTAL_LINES);
    // Every line that reached ckafka has a report: all but what may still sit between the two
    // processes (Node's child-process pipe is a socket pair, net.core.wmem_default 208 KiB on Linux,
    // plus Node's 64 KiB read buffer); 512 KiB bounds it (about 190 KB seen).
    const bufferedLines = Math.ceil((512 * 1024) / `${lineText(TOTAL_LINES)}\n`.length);
    expect(reported, `${flushedLines} lines written into the pipe`).toBeGreaterThanOrEqual(flushedLines - bufferedLines);

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
      `produce SIGINT: ${flushedLines} lines written into the pipe, ${reported} reported: ${counts.delivered} delivered ` +
        `(${stored.length} stored), ${counts['not-sent']} not-sent; exit ${code} ${stoppedMs} ms after SIGINT\n`,
    );
  }, 180_000);
});
