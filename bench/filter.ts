/**
 * What `consume --match` costs: the same topic read to /dev/null by `ckafka consume -e` with and
 * without filters, per output format; the ratio is filtered time / plain time (CPU, steadier than
 * wall time on a shared machine, and wall time).
 *
 *   npx tsx bench/filter.ts [--messages 1000000] [--size 100] [--rounds 3] [--outputs raw,text]
 *
 * Starts a local broker with the test harness unless BOOTSTRAP is set; fills the topic with Apache
 * Kafka's ProducerPerformance (random letters A-Z), and runs the built CLI (npm run build first).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startKafka, type KafkaCluster } from '../test/harness/broker.js';
import { createTopic, uniqueTopic } from '../test/harness/kafka.js';
import { PROJECT_ROOT, resolveKafkaJars } from '../test/harness/jars.js';
import { javaCommand } from '../test/harness/toolchain.js';
import { DEFAULT_KAFKA_VERSION } from '../test/harness/versions.js';

const { values } = parseArgs({
  options: {
    messages: { type: 'string', default: '1000000' },
    size: { type: 'string', default: '100' },
    rounds: { type: 'string', default: '3' },
    outputs: { type: 'string', default: 'raw,text' },
  },
});
const messages = Number(values.messages);
const size = Number(values.size);
const rounds = Number(values.rounds);

// Random letters: "QXJZ" is rare (about 1 in 4,500 values of 100 B), "^A" one in 26, "." every one.
const FILTERS: { name: string; args: string[] }[] = [
  { name: 'none', args: [] },
  { name: 'value:QXJZ (rare)', args: ['--match', 'value:QXJZ'] },
  { name: 'value:^A (1/26)', args: ['--match', 'value:^A'] },
  { name: 'value:. (all)', args: ['--match', 'value:.'] },
  { name: 'value:^A + key:^$ (2 specs, no key)', args: ['--match', 'value:^A', '--match', 'key:^$'] },
];

const say = (line: string) => process.stderr.write(`${line}\n`);

async function timed(args: string[]): Promise<{ seconds: number; cpu: number; stderr: string }> {
  const child = spawn('/usr/bin/time', ['-v', process.execPath, join(PROJECT_ROOT, 'bin', 'ckafka.js'), ...args], { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  if (code !== 0) throw new Error(`ckafka ${args.join(' ')} failed (${code}):\n${stderr}`);
  const wall = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)/.exec(stderr);
  const user = /User time \(seconds\): ([\d.]+)/.exec(stderr);
  const system = /System time \(seconds\): ([\d.]+)/.exec(stderr);
  if (!wall || !user || !system) throw new Error(`cannot read /usr/bin/time output:\n${stderr}`);
  return { seconds: Number(wall[1] ?? 0) * 3600 + Number(wall[2]) * 60 + Number(wall[3]), cpu: Number(user[1]) + Number(system[1]), stderr };
}

async function main(): Promise<void> {
  if (!existsSync(join(PROJECT_ROOT, 'dist', 'main.js'))) throw new Error('run `npm run build` first');
  let cluster: KafkaCluster | undefined;
  let bootstrap = process.env.BOOTSTRAP;
  if (!bootstrap) {
    cluster = await startKafka();
    bootstrap = cluster.bootstrap;
  }
  const config = join(mkdtempSync(join(tmpdir(), 'ckafka-bench-')), 'ckafka.config.json');
  writeFileSync(config, '{}');
  try {
    const topic = uniqueTopic(`bench-filter-${size}`);
    await createTopic(bootstrap, topic, 3);
    const jars = await resolveKafkaJars(DEFAULT_KAFKA_VERSION);
    const fill = spawnSync(javaCommand(), ['-Xmx512m', '-cp', jars.classpath, 'org.apache.kafka.tools.ProducerPerformance', '--topic', topic,
      '--num-records', String(messages), '--record-size', String(size), '--throughput', '-1',
      '--producer-props', `bootstrap.servers=${bootstrap}`, 'acks=1', 'linger.ms=10', 'batch.size=262144'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    if (fill.status !== 0) throw new Error(`ProducerPerformance failed:\n${fill.stderr}`);
    say(`filled ${topic}: ${messages} × ${size} B`);
    const rows: string[] = [];
    for (const output of values.outputs.split(',')) {
      let plain: { seconds: number; cpu: number } | undefined;
      for (const filter of FILTERS) {
        const runs: { seconds: number; cpu: number }[] = [];
        let matched = '';
        // Rounds interleave nothing else: one filter at a time, best of the rounds.
        for (let round = 0; round < rounds; round += 1) {
          const r = await timed(['consume', '--config', config, '-b', bootstrap, '-t', topic, '-e', '-o', output, ...filter.args]);
          const done = /% done: (?:(\d+) of )?(\d+) messages?/.exec(r.stderr);
          const scanned = Number(done?.[2] ?? -1);
          if (scanned !== messages) throw new Error(`read ${scanned} messages, not ${messages}:\n${r.stderr}`);
          matched = done?.[1] ?? String(scanned);
          runs.push(r);
        }
        const best = { seconds: Math.min(...runs.map((r) => r.seconds)), cpu: Math.min(...runs.map((r) => r.cpu)) };
        plain ??= best;
        say(`-o ${output} ${filter.name}: ${best.seconds.toFixed(2)} s, cpu ${best.cpu.toFixed(2)} s, matched ${matched}`);
        rows.push(`| -o ${output} | ${filter.name} | ${Number(matched).toLocaleString('en-US')} | ${best.seconds.toFixed(2)} s | ${best.cpu.toFixed(2)} s | ${(best.seconds / plain.seconds).toFixed(2)} | ${(best.cpu / plain.cpu).toFixed(2)} |`);
      }
    }
    process.stdout.write(
      `\nconsume -e of ${messages.toLocaleString('en-US')} × ${size} B, 3 partitions, to /dev/null; best of ${rounds} (wall and cpu separately)\n\n` +
        '| output | --match | printed | wall | cpu | wall / none | cpu / none |\n| --- | --- | --- | --- | --- | --- | --- |\n' +
        `${rows.join('\n')}\n`,
    );
  } finally {
    await cluster?.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench/filter: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
