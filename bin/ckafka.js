#!/usr/bin/env node
// @ts-check
'use strict';
// The installed entry point: runs the CLI that `npm run build` bundled into dist/bundle/ (see
// scripts/bundle.mjs), which sets the exit status. CommonJS (bin/package.json), so Node does not
// start its ES module loader (~4 ms); one file, as each further file required costs ~0.5 ms.
//
// It loads main.cjs (the command line), then commands.cjs, kafkajs.cjs or cosmiconfig.cjs when a
// loaded bundle first requires one of their ids (manifest.json's `modules`). Each is compiled with V8's code cache from an earlier run, so V8 neither parses the
// source nor compiles the functions that run again. When a bundle had no usable cache (first
// run, another build or Node), every bundle the run loaded writes one as the process exits,
// holding all the command compiled. Caches are kept per command (`produce` compiles other
// functions than `consume` or `--help`). A cache directory that cannot be read or written only
// means no cache.
const fs = require('node:fs');
const Module = require('node:module');
const path = require('node:path');
const vm = require('node:vm');

/**
 * @typedef {{ main: string; bundles: Record<string, { hash: string }>; modules: Record<string, string>; commands: string[] }} Manifest
 * @typedef {'hit' | 'miss' | 'rejected' | 'off'} CacheState
 * @typedef {object} LoadOptions
 * @property {string | null} [cacheDir] where code caches live; null: none (default: compileCacheDir())
 * @property {readonly string[]} [argv] the command line: its command (one of the manifest's) picks the cache
 * @property {(write: () => void) => void} [atExit] runs the cache writes (default: on process exit)
 * @property {(file: string, state: CacheState) => void} [onLoad] told how each bundle was compiled
 */

/**
 * Runs the manifest's main bundle and returns its exports.
 * @param {string} dir the bundle directory (dist/bundle)
 * @param {LoadOptions} [options]
 * @returns {Record<string, unknown>}
 */
function loadBundle(dir, options = {}) {
  /** @type {Manifest} */
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
  const cacheDir = options.cacheDir === undefined ? compileCacheDir(process.env, process.platform) : options.cacheDir;
  const variant = (options.argv ?? []).find((arg) => manifest.commands.includes(arg)) ?? 'cli';
  /** @type {{ cachePath: string; prefix: string; script: vm.Script; state: CacheState }[]} */
  const compiled = [];
  (options.atExit ?? ((write) => process.once('exit', write)))(() => {
    if (compiled.every((c) => c.state === 'hit')) return;
    for (const c of compiled) writeCache(c.cachePath, c.prefix, c.script);
  });
  /** @type {Map<string, Record<string, unknown>>} */
  const loaded = new Map();

  /** @param {string} file */
  const load = (file) => {
    const done = loaded.get(file);
    if (done !== undefined) return done;
    const filename = path.join(dir, file);
    // ASCII only (scripts/bundle.mjs checks): latin1 is the same text, without UTF-8 decoding.
    const source = fs.readFileSync(filename, 'latin1');
    const prefix = cachePrefix(file, variant, dir);
    const cachePath = cacheDir === null ? null : path.join(cacheDir, `${prefix}${buildKey(file, manifest, filename)}.v8cache`);
    const cachedData = cachePath === null ? undefined : readCache(cachePath);
    const script = new vm.Script(Module.wrap(source), {
      filename,
      cachedData,
      // For cosmiconfig's own import() of JavaScript configs (Node 20.12+; older: a plain import()).
      importModuleDynamically: vm.constants?.USE_MAIN_CONTEXT_DEFAULT_LOADER ?? /** @type {any} */ ((/** @type {string} */ id) => import(id)),
    });
    /** @type {CacheState} */
    const state = cachePath === null ? 'off' : cachedData === undefined ? 'miss' : script.cachedDataRejected ? 'rejected' : 'hit';
    options.onLoad?.(file, state);
    if (cachePath !== null) compiled.push({ cachePath, prefix, script, state });

    const nodeRequire = Module.createRequire(filename);
    /** @param {string} id */
    const bundleRequire = (id) => {
      const side = manifest.modules[id];
      return side === undefined ? nodeRequire(id) : load(side)[id];
    };
    bundleRequire.resolve = nodeRequire.resolve;
    bundleRequire.cache = nodeRequire.cache;
    /** @type {{ exports: Record<string, unknown>; filename: string; id: string; loaded: boolean }} */
    const module = { exports: {}, filename, id: filename, loaded: false };
    loaded.set(file, module.exports);
    script.runInThisContext().call(module.exports, module.exports, bundleRequire, module, filename, dir);
    module.loaded = true;
    loaded.set(file, module.exports);
    return module.exports;
  };
  return load(manifest.main);
}

/**
 * The bundle's build hash and modification time: a file edited after the build is another file.
 * @param {string} file
 * @param {Manifest} manifest
 * @param {string} filename
 */
function buildKey(file, manifest, filename) {
  const hash = manifest.bundles[file]?.hash ?? 'nohash';
  return `${hash}-${Math.trunc(fs.statSync(filename).mtimeMs).toString(36)}`;
}

/**
 * A bundle's caches for one command, this Node (V8 refuses another V8's cache anyway) and this
 * installation; a new one replaces the others, which are older builds. (Two installations
 * sharing one prefix would each delete the other's cache on every run.)
 * @param {string} file
 * @param {string} variant
 * @param {string} dir
 */
function cachePrefix(file, variant, dir) {
  return `${path.basename(file, '.cjs')}-${variant}-${process.version}-${process.arch}-${fnv1a(dir)}-`;
}

/** A short hash of a string (FNV-1a, 32 bits), in base 36. @param {string} text */
function fnv1a(text) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(36);
}

/** @param {string} cachePath */
function readCache(cachePath) {
  try {
    return fs.readFileSync(cachePath);
  } catch {
    return undefined;
  }
}

/**
 * Written whole under a temporary name, then renamed: a concurrent run reads the old file or
 * the new one, never half of one. Caches of other builds of the bundle for this Node go.
 * @param {string} cachePath
 * @param {string} prefix
 * @param {vm.Script} script
 */
function writeCache(cachePath, prefix, script) {
  const dir = path.dirname(cachePath);
  const name = path.basename(cachePath);
  const temporary = `${cachePath}.${process.pid}.tmp`;
  try {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    fs.writeFileSync(temporary, script.createCachedData(), { mode: 0o600 });
    fs.renameSync(temporary, cachePath);
    for (const other of fs.readdirSync(dir)) {
      if (other !== name && other.startsWith(prefix) && other.endsWith('.v8cache')) fs.rmSync(path.join(dir, other), { force: true });
    }
  } catch {
    try {
      fs.rmSync(temporary, { force: true });
    } catch {
      // not there, or the directory is not one: nothing was left behind
    }
  }
}

/**
 * Where code caches are kept: $NODE_COMPILE_CACHE/ckafka when set (Node's own variable), else
 * the user's cache directory; null (no cache) with NODE_DISABLE_COMPILE_CACHE or no home.
 * @param {Record<string, string | undefined>} env
 * @param {string} platform
 * @returns {string | null}
 */
function compileCacheDir(env, platform) {
  if (env.NODE_DISABLE_COMPILE_CACHE) return null;
  if (env.NODE_COMPILE_CACHE) return path.resolve(env.NODE_COMPILE_CACHE, 'ckafka');
  if (platform === 'win32') return env.LOCALAPPDATA ? path.join(env.LOCALAPPDATA, 'ckafka', 'Cache') : null;
  if (!env.HOME) return null;
  if (platform === 'darwin') return path.join(env.HOME, 'Library', 'Caches', 'ckafka');
  const xdg = env.XDG_CACHE_HOME && path.isAbsolute(env.XDG_CACHE_HOME) ? env.XDG_CACHE_HOME : path.join(env.HOME, '.cache');
  return path.join(xdg, 'ckafka');
}

if (require.main === module) {
  const cli = /** @type {{ runProcess(): void }} */ (loadBundle(path.join(__dirname, '..', 'dist', 'bundle'), { argv: process.argv.slice(2) }));
  cli.runProcess();
}

module.exports = { loadBundle, compileCacheDir };
