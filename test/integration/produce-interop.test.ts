import { describe, expect, inject, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../harness/run-cli.js';
import { createTopic, uniqueTopic } from '../harness/kafka.js';
import { resolveKafkaJars } from '../harness/jars.js';
import { javaCommand } from '../harness/toolchain.js';
import { atLeast, DEFAULT_KAFKA_VERSION } from '../harness/versions.js';

// Batches ckafka writes itself (record-batch.ts) and compresses with its own codecs must be read
// by the clients CKafka users run next to it: librdkafka (kcat) and the Java consumer, which is
// the strictest about LZ4 frames. .ci/run installs kcat; without it the kcat half skips.
const { bootstrap, version } = inject('kafka');
const hasKcat = spawnSync('kcat', ['-V']).status === 0;
const config = join(mkdtempSync(join(tmpdir(), 'ckafka-pinterop-')), 'ckafka.config.json');
writeFileSync(config, '{}');

// Enough text for batches of several 64 KiB LZ4 blocks, with keys and a header on every message.
const lines = Array.from({ length: 3000 }, (_, i) => `k${i % 11}:message ${i} ${'lorem ipsum '.repeat(i % 30)}`);
const expected = lines.map((l) => l.replace(':', ' ')).sort();

async function produced(codec: string): Promise<string> {
  const topic = uniqueTopic(`pinterop-${codec}`);
  await createTopic(bootstrap, topic, 2);
  const r = await runCli(['produce', '--config', config, '-b', bootstrap, '-t', topic, '-K', ':', '-H', 'origin=ckafka', '--compression', codec, '-q'], {
    stdin: `${lines.join('\n')}\n`,
  });
  expect(r.code, r.stderr).toBe(0);
  return topic;
}

describe.skipIf(!hasKcat)('batches ckafka wrote, read by librdkafka (kcat -C)', () => {
  it.each(['none', 'gzip', 'snappy', 'lz4', 'zstd'])('%s', async (codec) => {
    const topic = await produced(codec);
    const read = spawnSync('kcat', ['-C', '-b', bootstrap, '-t', topic, '-e', '-q', '-f', '%k %s %h\\n'], { encoding: 'utf8', timeout: 30_000 });
    expect(read.status, read.stderr).toBe(0);
    const got = read.stdout.trim().split('\n');
    expect(got.every((l) => l.endsWith(' origin=ckafka'))).toBe(true);
    expect(got.map((l) => l.slice(0, -' origin=ckafka'.length)).sort()).toEqual(expected);
  });
});

describe.skipIf(!hasKcat)('idempotent batches (--idempotent), read by librdkafka (kcat -C)', () => {
  it('keeps every record, in order, with headers as an ordered list: repeats, null values, prototype names', async () => {
    const topic = uniqueTopic('pinterop-idempotent');
    await createTopic(bootstrap, topic, 1);
    const headers = [['__proto__', 'p'], ['n', null], ['n', 'second'], ['constructor', ''], ['toString', 'x']];
    const input = Array.from({ length: 2000 }, (_, i) => JSON.stringify({ value: `m${i}`, headers: i % 2 === 0 ? headers : [] })).join('\n');
    const r = await runCli(['produce', '--config', config, '-b', bootstrap, '-t', topic, '--input', 'json', '--acks', 'all', '--retries', '3', '--idempotent', '--compression', 'lz4', '-q'], {
      stdin: `${input}\n`,
    });
    expect(r.code, r.stderr).toBe(0);
    const read = spawnSync('kcat', ['-C', '-b', bootstrap, '-t', topic, '-e', '-q', '-f', '%o %s [%h]\\n'], { encoding: 'utf8', timeout: 30_000 });
    expect(read.status, read.stderr).toBe(0);
    const want = Array.from({ length: 2000 }, (_, i) => `${i} m${i} [${i % 2 === 0 ? '__proto__=p,n=NULL,n=second,constructor=,toString=x' : ''}]`);
    expect(read.stdout.trim().split('\n')).toEqual(want);
  });
});

describe('batches ckafka wrote, read by the Java consumer (console consumer)', () => {
  it.each(['gzip', 'snappy', 'lz4', 'zstd'])('%s', async (codec) => {
    const topic = await produced(codec);
    const kafkaVersion = version === 'external' ? DEFAULT_KAFKA_VERSION : version;
    const jars = await resolveKafkaJars(kafkaVersion);
    // The console consumer moved to the tools module in Kafka 3.7.
    const mainClass = atLeast(kafkaVersion, 3, 7) ? 'org.apache.kafka.tools.consumer.ConsoleConsumer' : 'kafka.tools.ConsoleConsumer';
    const read = spawnSync(
      javaCommand(),
      ['-Xmx256m', '-cp', jars.classpath, mainClass, '--bootstrap-server', bootstrap, '--topic', topic,
        '--from-beginning', '--max-messages', String(lines.length), '--timeout-ms', '30000', '--property', 'print.key=true', '--property', 'key.separator= '],
      { encoding: 'utf8', timeout: 90_000 },
    );
    expect(read.status, read.stderr).toBe(0);
    expect(read.stdout.split('\n').filter((l) => l !== '').sort()).toEqual(expected);
  }, 120_000);
});
