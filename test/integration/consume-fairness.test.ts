import { describe, expect, inject, it } from 'vitest';
import { runCli } from '../harness/run-cli.js';
import { createTopic, sendMessages, uniqueTopic } from '../harness/kafka.js';
import { emptyConfig } from './consume-helpers.js';

/*
 * Record batches larger than a fetch's per-partition limit (ckafka writes batches up to 480 KiB,
 * librdkafka about 1 MB; consume sizes fetches at 64 KiB to 1 MiB per partition): since Fetch
 * v3 the broker lets only the first partition of a response exceed its limit, and returns the
 * others cut off. Each partition must still move on every fetch round. (Which partition comes
 * first is random: kafkajs shuffles them in every Fetch request, broker/index.js.)
 */

const { bootstrap } = inject('kafka');
const config = emptyConfig();
const PARTITIONS = 6;
const BATCHES = 3;
const PER_BATCH = 3000;

/** Fetch requests sent (kafkajs logs each at debug level, -vvv). */
const fetches = (stderr: string) => stderr.split('\n').filter((l) => l.includes('Request Fetch(')).length;

describe('partitions with batches larger than the per-partition fetch size', () => {
  const topic = uniqueTopic('fairness');
  const loaded = (async () => {
    await createTopic(bootstrap, topic, PARTITIONS);
    // One send per batch: 3 batches of 3,000 100-byte records (about 330 KB each) per partition.
    for (let b = 0; b < BATCHES; b += 1) {
      await Promise.all(Array.from({ length: PARTITIONS }, (_, p) =>
        sendMessages(bootstrap, topic, Array.from({ length: PER_BATCH }, (_, i) => ({ value: `p${p} b${b} ${i}`.padEnd(100, '.'), partition: p }))),
      ));
    }
  })();

  it('every partition gets a batch on every fetch round', async () => {
    await loaded;
    const r = await runCli(['consume', '--config', config, '-b', bootstrap, '-t', topic, '-e', '-f', '%p %s\\n', '-vvv']);
    expect(r.code, r.stderr.slice(-2000)).toBe(0);
    const lines = r.stdout.split('\n').slice(0, -1);
    expect(lines.length).toBe(PARTITIONS * BATCHES * PER_BATCH);
    for (let p = 0; p < PARTITIONS; p += 1) {
      const values = lines.filter((l) => l.startsWith(`${p} `)).map((l) => l.slice(2).replace(/\.+$/, ''));
      expect(values).toEqual(Array.from({ length: BATCHES * PER_BATCH }, (_, i) => `p${p} b${Math.floor(i / PER_BATCH)} ${i % PER_BATCH}`));
    }
    // One round to learn the batch size, then a batch of every partition per round (3 rounds),
    // not one partition per fetch (18 and more).
    expect(fetches(r.stderr)).toBeLessThanOrEqual(BATCHES + 3);
  });
});
