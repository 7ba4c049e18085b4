import { beforeAll, describe, expect, inject, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTopic, readMessages, uniqueTopic } from '../harness/kafka.js';
import { runCommand } from '../harness/run-command.js';

// `npm pack` makes the tarball users install with `npm install -g ./ckafka-*.tgz`: it must hold
// everything the CLI needs and nothing of the tests, and install and run on a clean prefix.
const { bootstrap } = inject('kafka');
const root = fileURLToPath(new URL('../../', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'ckafka-pack-'));
const prefix = join(work, 'prefix');
const home = join(work, 'home');
// npm beside this Node, else the first on PATH (`npx node@24` runs a Node without npm beside it).
const npm = [dirname(process.execPath), ...(process.env.PATH ?? '').split(':')].map((dir) => join(dir, 'npm')).find((file) => existsSync(file)) ?? 'npm';
// Only Node's own directory on PATH: what a host with Node and nothing else has.
const env = { PATH: dirname(process.execPath), HOME: home, npm_config_cache: join(process.env.HOME ?? work, '.npm') };
let files: string[] = [];

beforeAll(() => {
  // --ignore-scripts: npm test has just built dist/, and a rebuild would pull it from under
  // the test files running beside this one.
  const packed = execFileSync(npm, ['pack', '--json', '--ignore-scripts', '--pack-destination', work], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 120_000 });
  const [info] = JSON.parse(packed) as [{ filename: string; files: { path: string }[] }];
  files = info.files.map((f) => f.path);
  // The dependencies come from the npm cache that `npm ci` filled; a registry request that hangs
  // is retried after 30 s rather than holding the whole install (npm's default waits 5 minutes),
  // and npm's own update check is off. On a failure, npm's log says which request it was.
  try {
    execFileSync(npm, ['install', '-g', '--prefix', prefix, '--no-audit', '--no-fund', '--prefer-offline', '--fetch-timeout=30000', '--fetch-retries=3', '--loglevel=http', join(work, info.filename)], {
      cwd: work,
      env: { ...env, PATH: `${dirname(process.execPath)}:${dirname(npm)}:/usr/bin:/bin`, npm_config_update_notifier: 'false' },
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 240_000,
    });
  } catch (error) {
    const stderr = String((error as { stderr?: unknown }).stderr ?? '');
    throw new Error(`npm install -g failed: ${(error as Error).message}\n${stderr.split('\n').slice(-30).join('\n')}`, { cause: error });
  }
}, 300_000);

describe('the npm package (npm pack)', () => {
  it('holds the CLI and its bundles, and nothing of the tests, sources or the single binary', () => {
    expect(files).toEqual(expect.arrayContaining(['package.json', 'README.md', 'bin/ckafka.js', 'bin/package.json', 'dist/bundle/main.cjs', 'dist/bundle/kafkajs.cjs', 'dist/bundle/manifest.json']));
    const unwanted = files.filter((f) => /^(test|src|bench|scripts|docs|\.ci)\/|^dist\/(sea|bin)\/|\.ts$|\.map$/.test(f));
    expect(unwanted).toEqual([]);
  });

  it('installs with npm install -g on a clean prefix and runs against the broker', async () => {
    const ckafka = join(prefix, 'bin', 'ckafka');
    const config = join(work, 'ckafka.config.json');
    writeFileSync(config, JSON.stringify({ bootstrap_servers: bootstrap }));
    const runEnv = { ...env, CKAFKA_CONFIG: config };
    const version = await runCommand(ckafka, ['--version'], { env: runEnv });
    expect(version.code, version.stderr).toBe(0);
    const topic = uniqueTopic('pack');
    await createTopic(bootstrap, topic, 1);
    const produced = await runCommand(ckafka, ['produce', '-t', topic, '-n', '5', '--compression', 'zstd'], { env: runEnv });
    expect(produced.code, produced.stderr).toBe(0);
    expect(produced.stdout.match(/^delivered /gm)).toHaveLength(5);
    const stored = await readMessages(bootstrap, topic, 5);
    expect(stored.map((m) => m.value)).toEqual(['Message 0', 'Message 1', 'Message 2', 'Message 3', 'Message 4']);
  });
});
