import { describe, expect, inject, it } from 'vitest';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { Partitioners } from 'kafkajs';
import { createTopic, testKafka, uniqueTopic } from '../harness/kafka.js';
import { emptyConfig } from '../harness/run-cli.js';
import { BIN } from '../harness/run-binary.js';

/*
 * Soak (its own vitest project, `npx vitest run --project soak`, run once by .ci/run): the built
 * binary, `consume --follow -o raw`, writes into a reader that keeps stopping (a pipe that fills)
 * for a minute while messages keep arriving. It must print every message once, print no warning
 * (a listener left behind on every back-up made Node warn after ten), and its memory must stay
 * bounded.
 */
const { bootstrap } = inject('kafka');

const PRODUCE_MS = Number(process.env.CKAFKA_SOAK_MS ?? 60_000);
// Bursts, so fetches bring batches of a few hundred kB: each write of one fills the pipe's buffer.
const EVERY_MS = 250;
const PER_TICK = 250;
const VALUE_BYTES = 1000;
/**
 * Resident memory the consumer may reach. This stream (about 1 MB/s) keeps it near 75 MB on
 * Node 20 (kafkajs, the fetch buffers, the output held for the reader); a leak of a fetched batch
 * per back-up would pass the limit within the minute.
 */
const RSS_LIMIT_MB = 200;

function rssMb(pid: number): number | null {
  try {
    const line = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return line ? Number(line[1]) / 1024 : null;
  } catch {
    return null;
  }
}

describe('consume --follow into a slow reader while messages arrive', () => {
  it(`prints every message once, no warning, RSS under ${RSS_LIMIT_MB} MB`, async () => {
    const topic = uniqueTopic('soak');
    await createTopic(bootstrap, topic, 2);

    const child = spawn(process.execPath, [BIN, 'consume', '--config', emptyConfig(), '-b', bootstrap, '-t', topic, '--follow', '-q', '-o', 'raw'], {
      env: { ...process.env, NO_COLOR: '1' },
    });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));

    // The slow reader: reads for 40 ms, then stops for 250 ms, so the pipe fills again and again.
    const seen = new Map<string, number>();
    let partial = '';
    let backUps = 0;
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      const lines = (partial + d).split('\n');
      partial = lines.pop() ?? '';
      for (const l of lines) {
        const id = l.slice(0, l.indexOf(' '));
        seen.set(id, (seen.get(id) ?? 0) + 1);
      }
    });
    let reading = true;
    const reader = setInterval(() => {
      reading = !reading;
      if (reading) child.stdout.resume();
      else {
        child.stdout.pause();
        backUps += 1;
      }
    }, 145);

    const rss: number[] = [];
    const sampler = setInterval(() => {
      const mb = rssMb(child.pid!);
      if (mb !== null) rss.push(mb);
    }, 1000);

    const producer = testKafka(bootstrap, 'ckafka-soak-producer').producer({ createPartitioner: Partitioners.DefaultPartitioner, allowAutoTopicCreation: false });
    await producer.connect();
    let sent = 0;
    const filler = 'x'.repeat(VALUE_BYTES);
    try {
      const until = Date.now() + PRODUCE_MS;
      while (Date.now() < until) {
        const tick = Date.now();
        const messages = Array.from({ length: PER_TICK }, (_, i) => ({ value: `${sent + i} ${filler}` }));
        await producer.send({ topic, acks: -1, messages });
        sent += messages.length;
        await new Promise((r) => setTimeout(r, Math.max(0, EVERY_MS - (Date.now() - tick))));
      }
    } finally {
      await producer.disconnect();
    }

    // The reader catches up (at its own pace), then Ctrl-C ends the consumer.
    const caughtUp = Date.now() + 60_000;
    while (seen.size < sent && Date.now() < caughtUp && child.exitCode === null) await new Promise((r) => setTimeout(r, 200));
    clearInterval(reader);
    clearInterval(sampler);
    child.stdout.resume();
    child.kill('SIGINT');
    const code = await exited;

    const duplicates = [...seen.values()].filter((n) => n > 1).length;
    const missing = Array.from({ length: sent }, (_, i) => String(i)).filter((id) => !seen.has(id));
    process.stderr.write(
      `soak: sent ${sent} over ${PRODUCE_MS / 1000} s, printed ${seen.size} distinct, ${duplicates} duplicated, ${missing.length} missing; ` +
        `reader stopped ${backUps} times; RSS max ${Math.max(...rss).toFixed(0)} MB, last ${rss.at(-1)?.toFixed(0)} MB\n`,
    );
    expect(code, stderr).toBe(0);
    expect(stderr).not.toMatch(/Warning|warning|Error/);
    expect(missing).toEqual([]);
    expect(duplicates).toBe(0);
    expect(seen.size).toBe(sent);
    expect(rss.length).toBeGreaterThan(PRODUCE_MS / 2000);
    expect(Math.max(...rss)).toBeLessThan(RSS_LIMIT_MB);
  }, PRODUCE_MS + 120_000);
});
