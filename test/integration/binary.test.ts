import { describe, expect, inject, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runBinary } from '../harness/run-binary.js';
import { uniqueTopic } from '../harness/kafka.js';

// Every command once through the built binary: real module loading (kafkajs is CommonJS, and
// Node's ESM loader is stricter than the test runner's), real exit codes, no terminal.
const { bootstrap } = inject('kafka');
const config = join(mkdtempSync(join(tmpdir(), 'ckafka-binary-')), 'ckafka.config.json');
writeFileSync(config, JSON.stringify({ bootstrap_servers: bootstrap }));

describe('the built ckafka binary', () => {
  it('runs each command against the broker with its documented exit code', async () => {
    const topic = uniqueTopic('binary');
    const group = uniqueTopic('binary-group');
    const env = { CKAFKA_CONFIG: config };
    const ok = async (args: string[], stdin?: string) => {
      const r = await runBinary(args, { env, ...(stdin === undefined ? {} : { stdin }) });
      expect(r.stderr + r.stdout).not.toContain('internal error');
      // No Node warnings either (kafkajs trips TimeoutNegativeWarning on Node 24).
      expect(r.stderr).not.toMatch(/Warning:/);
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
      return r;
    };
    await ok(['topic', 'create', topic, '-P', '2']);
    expect((await ok(['brokers', '-o', 'json'])).stdout).toContain('cluster_id');
    expect((await ok(['topic', 'list'])).stdout).toContain(topic);
    expect((await ok(['topic', 'describe', topic, '-o', 'json'])).stdout).toContain('"partitions"');
    const produced = await ok(['produce', '-t', topic, '--compression', 'lz4'], 'one\ntwo\nthree\n');
    expect(produced.stdout.match(/^delivered /gm)).toHaveLength(3);
    const consumed = await ok(['consume', '-t', topic, '-g', group, '-e', '-o', 'raw']);
    expect(consumed.stdout.split('\n').filter(Boolean).sort()).toEqual(['one', 'three', 'two']);
    expect((await ok(['group', 'describe', group, '-o', 'json'])).stdout).toContain('"total_lag": "0"');
    expect((await ok(['group', 'list'])).stdout).toContain(group);
    expect((await ok(['config', 'show'])).stdout).toContain(bootstrap);

    const missing = await runBinary(['produce', '-t', uniqueTopic('absent'), '-n', '1', '-X', 'allow.auto.create.topics=false'], { env });
    expect(missing.code).toBe(6);
    const usage = await runBinary(['produce', '--acks', 'two'], { env });
    expect(usage.code).toBe(2);
  });
});
