import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { BIN } from '../harness/run-binary.js';
import { createTopic, kafkaAdmin, testKafka, uniqueTopic } from '../harness/kafka.js';

export interface FaultRun {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** The line numbered i: unique, so the broker's copies of it can be counted. */
export const lineText = (i: number): string => `line-${String(i).padStart(7, '0')}-xxxxxxxxxxxxxxxx`;

/**
 * Pipes `lines` unique lines into `ckafka produce -o json` (a real process), at about 100,000
 * lines/s so that the run is still going when `fault` starts (1 s in, once deliveries are reported).
 */
export async function produceThroughFault(options: {
  bootstrap: string;
  topic: string;
  config: string;
  flags: string[];
  lines: number;
  fault: () => Promise<void>;
}): Promise<FaultRun> {
  if (!existsSync(BIN.replace(/bin\/ckafka\.js$/, 'dist/main.js'))) throw new Error('dist/ is missing: run `npm run build` first');
  const args = [BIN, 'produce', '--config', options.config, '-b', options.bootstrap, '-t', options.topic, '-o', 'json', ...options.flags];
  const started = Date.now();
  const child = spawn(process.execPath, args, { env: { ...process.env, NO_COLOR: '1' }, stdio: ['pipe', 'pipe', 'pipe'] });
  const out: Buffer[] = [];
  let stderr = '';
  let underWay: () => void = () => undefined;
  const firstReport = new Promise<void>((r) => (underWay = r));
  child.stdout.on('data', (d: Buffer) => {
    out.push(d);
    underWay();
  });
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  let closed = false;
  const exited = new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      closed = true;
      resolve(code);
    });
  });
  // A command that ends early (it must not) leaves the rest of the input unread: stop feeding.
  child.stdin.on('error', () => undefined);
  const drained = () =>
    new Promise<void>((resolve) => {
      const done = () => {
        child.stdin.off('drain', done).off('close', done);
        resolve();
      };
      child.stdin.on('drain', done).on('close', done);
    });
  // The fault strikes once messages are being delivered (a loaded machine may take more than a
  // second to start the process and connect), and no earlier than 1 s after the first line.
  const fault = Promise.all([firstReport, new Promise((r) => setTimeout(r, 1000))]).then(options.fault);
  const feed = (async () => {
    const chunk = 2000;
    for (let i = 0; i < options.lines && !closed && !child.stdin.destroyed; i += chunk) {
      let text = '';
      for (let j = i; j < Math.min(options.lines, i + chunk); j++) text += `${lineText(j)}\n`;
      if (!child.stdin.write(text)) await drained();
      await new Promise((r) => setTimeout(r, 20));
    }
    child.stdin.end();
  })();
  const [code] = await Promise.all([exited, fault, feed]);
  return { code, stdout: Buffer.concat(out).toString('utf8'), stderr, ms: Date.now() - started };
}

/** A topic of one partition (3 replicas); a new 3-node cluster may need a few tries. */
export async function freshTopic(bootstrap: string, prefix: string): Promise<string> {
  const name = uniqueTopic(prefix);
  for (let attempt = 1; ; attempt++) {
    try {
      await createTopic(bootstrap, name, 1);
      return name;
    } catch (error) {
      // "already exists": an earlier try did create it.
      if (String(error).includes('already exists')) return name;
      if (attempt >= 30) throw error;
      await new Promise((r) => setTimeout(r, 500));
    }
  }
}

/** Index (0-based, as KafkaCluster counts) of the broker leading partition 0 of `topic`. */
export async function leaderIndex(bootstrap: string, topic: string): Promise<number> {
  const admin = await kafkaAdmin(bootstrap);
  try {
    // A new topic's metadata reaches every broker of a 3-node cluster a moment after its creation.
    for (let attempt = 1; ; attempt++) {
      try {
        const metadata = await admin.fetchTopicMetadata({ topics: [topic] });
        const partition = metadata.topics[0]?.partitions[0];
        if (partition === undefined || partition.leader < 1 || partition.isr.length < 3) throw new Error(`${topic}[0] has no leader with 3 in-sync replicas yet`);
        return partition.leader - 1;
      } catch (error) {
        if (attempt >= 40) throw error;
        await new Promise((r) => setTimeout(r, 500));
      }
    }
  } finally {
    await admin.disconnect();
  }
}

/**
 * Every value stored in `topic` (up to its high watermarks) with the number of its copies.
 * `allReplicas`: first wait until every replica is back in sync (a broker that was frozen), as a
 * resumed leader answers with its old high watermark until it learns it was replaced.
 */
export async function storedValues(bootstrap: string, topic: string, options: { allReplicas?: boolean; timeoutMs?: number } = {}): Promise<Map<string, number>> {
  const timeoutMs = options.timeoutMs ?? 60_000;
  const ends = await settledEnds(bootstrap, topic, options.allReplicas ?? false);
  const counts = new Map<string, number>();
  const remaining = new Set([...ends].filter(([, high]) => high > 0n).map(([p]) => p));
  if (remaining.size === 0) return counts;
  const consumer = testKafka(bootstrap, 'ckafka-test-fault-reader').consumer({ groupId: uniqueTopic('fault-reader'), maxWaitTimeInMs: 250, maxBytes: 16 << 20 });
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`read ${[...counts.values()].reduce((a, b) => a + b, 0)} messages of ${topic}, not to its end, in ${timeoutMs} ms`)), timeoutMs);
      consumer
        .run({
          eachBatch: async ({ batch }) => {
            for (const m of batch.messages) {
              const v = m.value?.toString('utf8') ?? '';
              counts.set(v, (counts.get(v) ?? 0) + 1);
            }
            const last = batch.messages.at(-1);
            if (last && BigInt(last.offset) + 1n >= ends.get(batch.partition)!) remaining.delete(batch.partition);
            if (remaining.size === 0) {
              clearTimeout(timer);
              resolve();
            }
          },
        })
        .catch(reject);
    });
  } finally {
    await consumer.disconnect();
  }
  return counts;
}

export interface Tally {
  /** Lines reported delivered. */
  delivered: number;
  failed: number;
  /** Messages stored, and distinct lines among them. */
  stored: number;
  unique: number;
  /** Lines reported delivered that the topic lacks (silent loss). */
  lost: number;
  /** Lines not stored at all (reported failed or lost). */
  missing: number;
  /** Extra copies. */
  duplicated: number;
  /** Lines with no report or more than one, plus reports of lines never sent. */
  badReports: number;
}

export function tally(run: FaultRun, stored: Map<string, number>, lines: number): Tally {
  const reports = new Map<string, string[]>();
  for (const line of run.stdout.split('\n')) {
    if (line === '') continue;
    const r = JSON.parse(line) as { payload?: string; status?: string };
    const key = r.payload ?? '';
    const list = reports.get(key);
    if (list) list.push(r.status ?? '');
    else reports.set(key, [r.status ?? '']);
  }
  const t: Tally = { delivered: 0, failed: 0, stored: 0, unique: stored.size, lost: 0, missing: 0, duplicated: 0, badReports: 0 };
  for (const n of stored.values()) {
    t.stored += n;
    t.duplicated += n - 1;
  }
  for (let i = 0; i < lines; i++) {
    const text = lineText(i);
    const statuses = reports.get(text) ?? [];
    reports.delete(text);
    if (statuses.length !== 1) t.badReports += 1;
    if (statuses.includes('delivered')) t.delivered += 1;
    else t.failed += 1;
    if (!stored.has(text)) {
      t.missing += 1;
      if (statuses.includes('delivered')) t.lost += 1;
    }
  }
  t.badReports += reports.size;
  return t;
}

/**
 * The partitions' high watermarks once the cluster agrees on them: the same highest answer three
 * times in a row, half a second apart (with `allReplicas`, only once every replica is in sync).
 */
async function settledEnds(bootstrap: string, topic: string, allReplicas: boolean): Promise<Map<number, bigint>> {
  const deadline = Date.now() + 30_000;
  const best = new Map<number, bigint>();
  let stable = 0;
  for (;;) {
    const admin = await kafkaAdmin(bootstrap);
    try {
      const { topics } = await admin.fetchTopicMetadata({ topics: [topic] });
      const inSync = (topics[0]?.partitions ?? []).every((p) => p.leader >= 0 && p.isr.length === p.replicas.length);
      const ends = new Map((await admin.fetchTopicOffsets(topic)).map((p) => [p.partition, BigInt(p.high)]));
      const same = ends.size === best.size && [...ends].every(([p, high]) => best.get(p) === high);
      for (const [p, high] of ends) if (high > (best.get(p) ?? -1n)) best.set(p, high);
      stable = same && (inSync || !allReplicas) ? stable + 1 : 0;
    } catch {
      // A broker that was frozen or killed may refuse for a moment: ask again.
      stable = 0;
    } finally {
      await admin.disconnect();
    }
    if (stable >= 3) return best;
    if (Date.now() > deadline) {
      if (best.size > 0 && !allReplicas) return best;
      throw new Error(`the high watermarks of ${topic} did not settle in 30 s`);
    }
    await new Promise((r) => setTimeout(r, 500));
  }
}
