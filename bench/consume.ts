/**
 * Consume benchmark: the same topic read to /dev/null by kcat (`kcat -C -e`) and by ckafka
 * (`ckafka consume -e -o raw`), messages per second, the ratio, and each one's peak memory.
 *
 *   npx tsx bench/consume.ts [--messages 1000000] [--sizes 100,1024] [--partitions 3] [--rounds 2]
 *
 * Starts a local broker with the test harness (Maven Central jars, Java) unless BOOTSTRAP is set,
 * fills each topic with Apache Kafka's ProducerPerformance, and runs the built CLI (npm run build).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startKafka, type KafkaCluster } from '../test/harness/broker.js';
import { createTopic, kafkaAdmin, uniqueTopic } from '../test/harness/kafka.js';
import { PROJECT_ROOT, resolveKafkaJars } from '../test/harness/jars.js';
import { javaCommand } from '../test/harness/toolchain.js';
import { DEFAULT_KAFKA_VERSION } from '../test/harness/versions.js';

const { values } = parseArgs({
  options: {
    messages: { type: 'string', default: '1000000' },
    sizes: { type: 'string', default: '100,1024' },
    partitions: { type: 'string', default: '3' },
    rounds: { type: 'string', default: '2' },
  },
});
const messages = Number(values.messages);
const sizes = values.sizes.split(',').map(Number);
const partitions = Number(values.partitions);
const rounds = Number(values.rounds);

interface Measure {
  seconds: number;
  /** User + system CPU time: steadier than wall time on a busy machine. */
  cpuSeconds: number;
  maxRssMb: number;
  count?: number;
}

const say = (line: string) => process.stderr.write(`${line}\n`);

/** Runs a command under /usr/bin/time -v with stdout to /dev/null; wall time and peak RSS. */
async function timed(command: string, args: string[]): Promise<Measure & { stderr: string }> {
  const child = spawn('/usr/bin/time', ['-v', command, ...args], { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  if (code !== 0) throw new Error(`${command} ${args.join(' ')} failed (${code}):\n${stderr}`);
  const wall = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)/.exec(stderr);
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
  const user = /User time \(seconds\): ([\d.]+)/.exec(stderr);
  const system = /System time \(seconds\): ([\d.]+)/.exec(stderr);
  if (!wall || !rss || !user || !system) throw new Error(`cannot read /usr/bin/time output:\n${stderr}`);
  const seconds = Number(wall[1] ?? 0) * 3600 + Number(wall[2]) * 60 + Number(wall[3]);
  return { seconds, cpuSeconds: Number(user[1]) + Number(system[1]), maxRssMb: Number(rss[1]) / 1024, stderr };
}

async function fill(bootstrap: string, topic: string, size: number): Promise<void> {
  const jars = await resolveKafkaJars(DEFAULT_KAFKA_VERSION);
  const started = Date.now();
  const r = spawnSync(
    javaCommand(),
    ['-Xmx512m', '-cp', jars.classpath, 'org.apache.kafka.tools.ProducerPerformance',
      '--topic', topic, '--num-records', String(messages), '--record-size', String(size), '--throughput', '-1',
      '--producer-props', `bootstrap.servers=${bootstrap}`, 'acks=1', 'linger.ms=10', 'batch.size=262144', 'compression.type=none'],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  if (r.status !== 0) throw new Error(`ProducerPerformance failed:\n${r.stderr}\n${r.stdout}`);
  const admin = await kafkaAdmin(bootstrap);
  try {
    const total = (await admin.fetchTopicOffsets(topic)).reduce((sum, p) => sum + Number(p.high), 0);
    if (total !== messages) throw new Error(`topic ${topic} holds ${total} messages, not ${messages}`);
  } finally {
    await admin.disconnect();
  }
  say(`filled ${topic}: ${messages} × ${size} B in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

const rate = (m: Measure) => Math.round(messages / m.seconds);
const fmt = (n: number) => n.toLocaleString('en-US');

async function main(): Promise<void> {
  if (!existsSync(join(PROJECT_ROOT, 'dist', 'main.js'))) throw new Error('run `npm run build` first');
  if (spawnSync('kcat', ['-V']).status !== 0) throw new Error('kcat is missing (apt-get install kcat)');
  let cluster: KafkaCluster | undefined;
  let bootstrap = process.env.BOOTSTRAP;
  if (!bootstrap) {
    cluster = await startKafka();
    bootstrap = cluster.bootstrap;
    say(`started Apache Kafka ${cluster.version} at ${bootstrap}`);
  }
  const config = join(mkdtempSync(join(tmpdir(), 'ckafka-bench-')), 'ckafka.config.json');
  writeFileSync(config, '{}');
  const rows: string[] = [];
  const loadBefore = (await import('node:os')).loadavg().map((l) => l.toFixed(1)).join(' ');
  try {
    for (const size of sizes) {
      const topic = uniqueTopic(`bench-${size}`);
      await createTopic(bootstrap, topic, partitions);
      await fill(bootstrap, topic, size);
      const kcat: Measure[] = [];
      const ckafka: Measure[] = [];
      for (let round = 1; round <= rounds; round += 1) {
        kcat.push(await timed('kcat', ['-C', '-b', bootstrap, '-t', topic, '-o', 'beginning', '-e', '-q']));
        const c = await timed(process.execPath, [join(PROJECT_ROOT, 'bin', 'ckafka.js'), 'consume', '--config', config, '-b', bootstrap, '-t', topic, '-e', '-o', 'raw']);
        const count = Number(/done: (\d+) messages/.exec(c.stderr)?.[1] ?? -1);
        if (count !== messages) throw new Error(`ckafka read ${count} messages, not ${messages}:\n${c.stderr}`);
        ckafka.push({ ...c, count });
        const k = kcat.at(-1)!;
        say(`${size} B round ${round}: kcat ${k.seconds.toFixed(2)} s (cpu ${k.cpuSeconds.toFixed(2)} s), ckafka ${c.seconds.toFixed(2)} s (cpu ${c.cpuSeconds.toFixed(2)} s)`);
      }
      const best = (ms: Measure[]) => ms.reduce((a, b) => (b.seconds < a.seconds ? b : a));
      const k = best(kcat);
      const c = best(ckafka);
      const cpu = (ms: Measure[]) => Math.min(...ms.map((m) => m.cpuSeconds));
      rows.push(
        `| ${size} B | ${fmt(rate(k))} msg/s (${k.seconds.toFixed(2)} s; cpu ${cpu(kcat).toFixed(2)} s; ${k.maxRssMb.toFixed(0)} MB) | ` +
          `${fmt(rate(c))} msg/s (${c.seconds.toFixed(2)} s; cpu ${cpu(ckafka).toFixed(2)} s; ${c.maxRssMb.toFixed(0)} MB) | ${(rate(c) / rate(k)).toFixed(2)}× |`,
      );
    }
  } finally {
    await cluster?.stop();
  }
  process.stdout.write(
    `\nconsume ${fmt(messages)} messages, ${partitions} partitions, to /dev/null (best of ${rounds} by wall time, which includes\n` +
      `process start; cpu: the least user+system time of the rounds; MB: peak resident memory; load average before: ${loadBefore})\n\n` +
      '| size | kcat -C -e | ckafka consume -e -o raw | ckafka / kcat |\n| --- | --- | --- | --- |\n' +
      `${rows.join('\n')}\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`bench/consume: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
