import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const BIN = new URL('../../../bin/ckafka.js', import.meta.url).pathname;
// bin/ is CommonJS (bin/package.json): Node's own require loads it as the CLI does.
const { compileCacheDir } = createRequire(import.meta.url)(BIN) as {
  compileCacheDir(env: Record<string, string | undefined>, platform: string): string | null;
};

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A bundle directory like dist/bundle: main.cjs requiring 'side-id' from side.cjs. */
function bundleDir(version = 'a'): { dir: string; cache: string } {
  const root = mkdtempSync(join(tmpdir(), 'ckafka-load-bundle-'));
  made.push(root);
  const dir = join(root, 'bundle');
  mkdirSync(dir);
  write(dir, version);
  return { dir, cache: join(root, 'cache') };
}

function write(dir: string, version: string): void {
  writeFileSync(join(dir, 'main.cjs'), `exports.version = ${JSON.stringify(version)};\nexports.answer = function answer() { return require('side-id').answer(); };\n`);
  writeFileSync(join(dir, 'side.cjs'), `Object.defineProperty(exports, 'side-id', { get: () => ({ answer: function () { return 42; } }) });\n`);
  const manifest = { main: 'main.cjs', bundles: { 'main.cjs': { hash: `m${version}` }, 'side.cjs': { hash: `s${version}` } }, modules: { 'side-id': 'side.cjs' }, commands: ['produce', 'consume'] };
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
}

interface Run {
  /** Each bundle the run loaded, with its cache state. */
  loads: [string, string][];
  answer: number | null;
}

/** One CLI start in its own process (V8 would otherwise reuse the code it compiled in this one). */
function run(dir: string, cacheDir: string | null, options: { argv?: string[]; useSide?: boolean } = {}): Run {
  const script = `
    const { loadBundle } = require(${JSON.stringify(BIN)});
    const loads = [];
    const m = loadBundle(${JSON.stringify(dir)}, { cacheDir: ${JSON.stringify(cacheDir)}, argv: ${JSON.stringify(options.argv ?? [])}, onLoad: (f, s) => loads.push([f, s]) });
    const answer = ${options.useSide ? 'm.answer()' : 'null'};
    process.on('exit', () => console.log(JSON.stringify({ loads, answer })));`;
  return JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' })) as Run;
}

const caches = (dir: string) => readdirSync(dir).sort();

describe('bin/ckafka.js', () => {
  it('loads a side bundle only when main requires one of its ids', () => {
    const { dir, cache } = bundleDir();
    expect(run(dir, cache)).toEqual({ loads: [['main.cjs', 'miss']], answer: null });
    expect(run(dir, cache, { useSide: true })).toEqual({ loads: [['main.cjs', 'hit'], ['side.cjs', 'miss']], answer: 42 });
  });

  it('writes a cache at exit, which the next run uses', () => {
    const { dir, cache } = bundleDir();
    run(dir, cache, { useSide: true });
    expect(caches(cache)).toEqual([expect.stringMatching(/^main-cli-v\d.*\.v8cache$/), expect.stringMatching(/^side-cli-v\d.*\.v8cache$/)]);
    expect(run(dir, cache, { useSide: true }).loads).toEqual([['main.cjs', 'hit'], ['side.cjs', 'hit']]);
  });

  it('keeps a cache per command; when one bundle missed, every bundle of the run is written again', () => {
    const { dir, cache } = bundleDir();
    run(dir, cache, { argv: ['-b', 'x', 'produce', '--help'] });
    expect(caches(cache)).toEqual([expect.stringMatching(/^main-produce-/)]);
    const first = statSync(join(cache, caches(cache)[0]!)).ino;
    expect(run(dir, cache, { argv: ['produce'], useSide: true }).loads).toEqual([['main.cjs', 'hit'], ['side.cjs', 'miss']]);
    expect(statSync(join(cache, caches(cache)[0]!)).ino).not.toBe(first);
    expect(run(dir, cache, { argv: ['consume'] }).loads).toEqual([['main.cjs', 'miss']]);
  });

  it('a rebuilt bundle gets a new cache, and the old one goes', () => {
    const { dir, cache } = bundleDir('a');
    run(dir, cache);
    const before = caches(cache);
    write(dir, 'bb');
    expect(run(dir, cache).loads).toEqual([['main.cjs', 'miss']]);
    expect(caches(cache)).toHaveLength(1);
    expect(caches(cache)).not.toEqual(before);
  });

  it('two installations of the same build keep caches of their own', () => {
    const { dir, cache } = bundleDir();
    const other = join(dir, '..', 'other');
    mkdirSync(other);
    write(other, 'a');
    run(dir, cache);
    run(other, cache);
    expect(caches(cache)).toHaveLength(2);
    expect(run(dir, cache).loads).toEqual([['main.cjs', 'hit']]);
    expect(run(other, cache).loads).toEqual([['main.cjs', 'hit']]);
  });

  it('a damaged cache is refused by V8 and written again', () => {
    const { dir, cache } = bundleDir();
    run(dir, cache);
    writeFileSync(join(cache, caches(cache)[0]!), Buffer.alloc(64, 7));
    expect(run(dir, cache).loads).toEqual([['main.cjs', 'rejected']]);
    expect(run(dir, cache).loads).toEqual([['main.cjs', 'hit']]);
  });

  it('runs without a cache when the directory cannot be written, or with none configured', () => {
    const { dir, cache } = bundleDir();
    writeFileSync(cache, 'a file where the directory should be');
    expect(run(dir, cache, { useSide: true })).toEqual({ loads: [['main.cjs', 'miss'], ['side.cjs', 'miss']], answer: 42 });
    expect(run(dir, cache).loads).toEqual([['main.cjs', 'miss']]);
    expect(run(dir, null, { useSide: true }).loads).toEqual([['main.cjs', 'off'], ['side.cjs', 'off']]);
  });

  it("keeps caches in Node's NODE_COMPILE_CACHE, else the user's cache directory", () => {
    expect(compileCacheDir({ HOME: '/h' }, 'linux')).toBe('/h/.cache/ckafka');
    expect(compileCacheDir({ HOME: '/h', XDG_CACHE_HOME: '/x' }, 'linux')).toBe('/x/ckafka');
    expect(compileCacheDir({ HOME: '/h', XDG_CACHE_HOME: 'relative' }, 'linux')).toBe('/h/.cache/ckafka');
    expect(compileCacheDir({ HOME: '/h' }, 'darwin')).toBe('/h/Library/Caches/ckafka');
    expect(compileCacheDir({ HOME: '/h', NODE_COMPILE_CACHE: '/n' }, 'linux')).toBe('/n/ckafka');
    expect(compileCacheDir({ HOME: '/h', NODE_DISABLE_COMPILE_CACHE: '1' }, 'linux')).toBeNull();
    expect(compileCacheDir({}, 'linux')).toBeNull();
  });
});
