import { beforeAll, describe, expect, inject, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTopic, readMessages, uniqueTopic } from '../harness/kafka.js';
import { emptyPath, runCommand } from '../harness/run-command.js';

// `npm run build:binary` makes one file that runs every command on a host without Node: built
// here with the Node running the tests, then run with an empty PATH and no HOME config.
const { bootstrap } = inject('kafka');
const root = fileURLToPath(new URL('../../', import.meta.url));
const platform = process.platform === 'win32' ? 'win' : process.platform;
const binary = join(root, 'dist', 'bin', `ckafka-${platform}-${process.arch}`);
const home = mkdtempSync(join(tmpdir(), 'ckafka-sea-home-'));
const config = join(home, 'ckafka.config.json');
writeFileSync(config, JSON.stringify({ bootstrap_servers: bootstrap }));
const env = { PATH: emptyPath(), HOME: home, CKAFKA_CONFIG: config };

beforeAll(() => {
  execFileSync(process.execPath, [join(root, 'scripts', 'build-binary.mjs')], { cwd: root, stdio: 'pipe' });
}, 180_000);

describe('the single executable (npm run build:binary)', () => {
  it('is built for this platform and runs without Node on PATH', async () => {
    expect(existsSync(binary)).toBe(true);
    const found = await runCommand('/bin/sh', ['-c', 'command -v node || echo none'], { env });
    expect(found.stdout.trim()).toBe('none');
    const version = await runCommand(binary, ['--version'], { env });
    expect(version.code).toBe(0);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
    const help = await runCommand(binary, ['produce', '--help'], { env });
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--compression');
    expect(help.stderr).toBe('');
  });

  it('produces with every codec (zstd included) and consumes it back; the broker holds every message', async () => {
    const topic = uniqueTopic('sea');
    await createTopic(bootstrap, topic, 2);
    const codecs = ['none', 'gzip', 'snappy', 'lz4', 'zstd'];
    for (const codec of codecs) {
      const r = await runCommand(binary, ['produce', '-t', topic, '-k', codec, '--compression', codec, '-o', 'json', `${codec} one`, `${codec} two`], { env });
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).not.toMatch(/Warning|internal error/);
      expect(r.stdout.trim().split('\n')).toHaveLength(2);
    }
    const expected = codecs.flatMap((c) => [`${c} one`, `${c} two`]).sort();
    // What the broker stored, read by another client.
    const stored = await readMessages(bootstrap, topic, expected.length);
    expect(stored.map((m) => m.value).sort()).toEqual(expected);
    // And what the binary reads back, every batch decompressed by it.
    const consumed = await runCommand(binary, ['consume', '-t', topic, '-e', '-o', 'raw'], { env });
    expect(consumed.code, consumed.stderr).toBe(0);
    expect(consumed.stdout.split('\n').filter(Boolean).sort()).toEqual(expected);
  });

  it('fails as the npm install does: exit codes and messages', async () => {
    const missing = await runCommand(binary, ['produce', '-t', uniqueTopic('absent'), '-n', '1', '-X', 'allow.auto.create.topics=false'], { env });
    expect(missing.code).toBe(6);
    expect(missing.stderr).toContain('does not exist');
    const usage = await runCommand(binary, ['produce', '--no-such-flag'], { env });
    expect(usage.code).toBe(2);
  });
});
