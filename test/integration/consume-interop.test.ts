import { describe, expect, inject, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { runCli } from '../harness/run-cli.js';
import { createTopic, uniqueTopic } from '../harness/kafka.js';
import { emptyConfig } from './consume-helpers.js';
import { resolveKafkaJars } from '../harness/jars.js';
import { javaCommand } from '../harness/toolchain.js';
import { atLeast, DEFAULT_KAFKA_VERSION } from '../harness/versions.js';

// Batches compressed by librdkafka (as Java and C clients write them), produced with kcat and
// read back with ckafka. .ci/run installs kcat (Debian package "kcat"); without it these skip.
const { bootstrap, version } = inject('kafka');
const kcat = spawnSync('kcat', ['-V'], { encoding: 'utf8' });
const hasKcat = kcat.status === 0;
if (!hasKcat) process.stderr.write('consume-interop: kcat is not installed (apt-get install kcat): skipping the compressed-batch interop tests\n');
const base = ['consume', '--config', emptyConfig(), '-b', bootstrap];

describe.skipIf(!hasKcat)('reading batches compressed by librdkafka (kcat -P -z)', () => {
  it.each(['gzip', 'snappy', 'lz4', 'zstd'])('%s', async (codec) => {
    const topic = uniqueTopic(`interop-${codec}`);
    await createTopic(bootstrap, topic, 2);
    const lines = Array.from({ length: 500 }, (_, i) => `${codec} message ${i} ${'abc'.repeat(i % 50)}`);
    const produced = spawnSync(
      'kcat',
      ['-P', '-b', bootstrap, '-t', topic, '-z', codec, '-K', ':', '-X', 'linger.ms=50', '-X', 'batch.num.messages=200'],
      { input: lines.map((l, i) => `k${i % 7}:${l}`).join('\n') + '\n', encoding: 'utf8', timeout: 30_000 },
    );
    expect(produced.status, produced.stderr).toBe(0);
    const r = await runCli([...base, '-t', topic, '-e', '-f', '%k %s\\n']);
    expect(r.code, r.stderr).toBe(0);
    const got = r.stdout.trim().split('\n');
    expect(got.sort()).toEqual(lines.map((l, i) => `k${i % 7} ${l}`).sort());
  });
});

describe('reading batches compressed by the Java producer (console producer)', () => {
  it.each(['gzip', 'snappy', 'lz4', 'zstd'])('%s', async (codec) => {
    const kafkaVersion = version === 'external' ? DEFAULT_KAFKA_VERSION : version;
    const jars = await resolveKafkaJars(kafkaVersion);
    const mainClass = atLeast(kafkaVersion, 4, 0) ? 'org.apache.kafka.tools.ConsoleProducer' : 'kafka.tools.ConsoleProducer';
    // The console producer took --bootstrap-server in Kafka 2.5; 2.4 (a CKafka version) has --broker-list.
    const topic = uniqueTopic(`java-${codec}`);
    await createTopic(bootstrap, topic, 1);
    const lines = Array.from({ length: 300 }, (_, i) => `java ${codec} ${i} ${'xyz'.repeat(i % 40)}`);
    const produced = spawnSync(
      javaCommand(),
      ['-Xmx256m', '-cp', jars.classpath, mainClass, atLeast(kafkaVersion, 2, 5) ? '--bootstrap-server' : '--broker-list', bootstrap, '--topic', topic, '--compression-codec', codec, '--producer-property', 'linger.ms=50'],
      { input: `${lines.join('\n')}\n`, encoding: 'utf8', timeout: 60_000 },
    );
    expect(produced.status, produced.stderr).toBe(0);
    const r = await runCli([...base, '-t', topic, '-e', '-o', 'raw']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.trim().split('\n')).toEqual(lines);
  }, 90_000);
});
