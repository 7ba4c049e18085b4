import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { createTopic, uniqueTopic } from '../harness/kafka.js';
import { startKafka, type KafkaCluster } from '../harness/broker.js';
import { resolveKafkaJars } from '../harness/jars.js';
import { javaCommand } from '../harness/toolchain.js';
import { emptyConfig, jsonLines } from './consume-helpers.js';
import { runBinary } from '../harness/run-binary.js';

/*
 * Records in the message format of Kafka before 0.10 (magic 0) have no timestamp. Only a broker
 * before 3.0 still writes it (a topic with message.format.version=0.9.0): Kafka 2.4.1, CKafka's
 * oldest current version. The suite's own broker is used when it is a 2.4.1; otherwise this file
 * starts one of its own (once, ~10 s).
 */
const OLD = '2.4.1';
const provided = inject('kafka');
let cluster: KafkaCluster | undefined;
let bootstrap = provided.bootstrap;

beforeAll(async () => {
  if (provided.version !== OLD) {
    cluster = await startKafka({ version: OLD });
    bootstrap = cluster.bootstrap;
  }
}, 120_000);

afterAll(async () => {
  await cluster?.stop();
});

describe('records without a timestamp (magic 0, message.format.version=0.9.0)', () => {
  it('-o json prints "timestamp":-1 and %T prints -1, as Java and librdkafka do', async () => {
    const topic = uniqueTopic('magic0');
    await createTopic(bootstrap, topic, 1, { 'message.format.version': '0.9.0' });
    // Kafka's own Java console producer; the broker converts what it sends to the topic's format.
    const jars = await resolveKafkaJars(OLD);
    const produced = spawnSync(
      javaCommand(),
      ['-Xmx256m', '-cp', jars.classpath, 'kafka.tools.ConsoleProducer', '--broker-list', bootstrap, '--topic', topic, '--property', 'parse.key=true', '--property', 'key.separator=:'],
      { input: 'k1:old one\nk2:old two\n', encoding: 'utf8', timeout: 60_000 },
    );
    expect(produced.status, produced.stderr).toBe(0);

    // What the broker stored, read by librdkafka (kcat -J, when installed): no timestamp at all.
    const kcat = spawnSync('kcat', ['-C', '-b', bootstrap, '-t', topic, '-e', '-q', '-J'], { encoding: 'utf8', timeout: 30_000 });
    if (kcat.status === 0) {
      const stored = jsonLines(kcat.stdout);
      expect(stored.map((m) => m.payload)).toEqual(['old one', 'old two']);
      for (const m of stored) expect(m).not.toHaveProperty('ts');
    }

    const config = emptyConfig();
    const json = await runBinary(['consume', '--config', config, '-b', bootstrap, '-t', topic, '-e', '-q', '-o', 'json']);
    expect(json.code, json.stderr).toBe(0);
    expect(json.stdout).toContain('"timestamp":-1,');
    expect(jsonLines(json.stdout).map((l) => [l.timestamp, l.key, l.payload])).toEqual([[-1, 'k1', 'old one'], [-1, 'k2', 'old two']]);

    const format = await runBinary(['consume', '--config', config, '-b', bootstrap, '-t', topic, '-e', '-q', '-f', '%T %k %s\\n']);
    expect(format.code, format.stderr).toBe(0);
    expect(format.stdout).toBe('-1 k1 old one\n-1 k2 old two\n');

    const text = await runBinary(['consume', '--config', config, '-b', bootstrap, '-t', topic, '-e', '-q']);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toMatch(/@ 0 {2}no timestamp {2}key k1/);
  }, 120_000);
});
