'use strict';
// For bench/startup.sh only: bin/ckafka.js with Node's own compile cache (module.enableCompileCache,
// Node 22.1+) in place of bin/ckafka.js's vm.Script code cache, to compare the two. It loads the
// same bundles (dist/bundle) the same way, side bundles on first use, each compiled by Node's
// CommonJS loader (Module#_compile), which reads and writes $XDG_CACHE_HOME/node-compile-cache.
const fs = require('node:fs');
const Module = require('node:module');
const path = require('node:path');

if (typeof Module.enableCompileCache !== 'function') throw new Error(`Node ${process.version} has no module.enableCompileCache (22.1+)`);
const cacheHome = process.env.XDG_CACHE_HOME;
if (!cacheHome) throw new Error('set XDG_CACHE_HOME: the compile cache goes to $XDG_CACHE_HOME/node-compile-cache');
Module.enableCompileCache(path.join(cacheHome, 'node-compile-cache'));

const dir = path.join(__dirname, '..', 'dist', 'bundle');
const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
const loaded = new Map();
const load = (file) => {
  const done = loaded.get(file);
  if (done !== undefined) return done;
  const filename = path.join(dir, file);
  const bundle = new Module(filename, module);
  bundle.filename = filename;
  bundle.paths = Module._nodeModulePaths(dir);
  const nodeRequire = bundle.require.bind(bundle);
  bundle.require = (id) => {
    const side = manifest.modules[id];
    return side === undefined ? nodeRequire(id) : load(side)[id];
  };
  loaded.set(file, bundle.exports);
  bundle._compile(fs.readFileSync(filename, 'latin1'), filename);
  bundle.loaded = true;
  loaded.set(file, bundle.exports);
  return bundle.exports;
};
load(manifest.main).runProcess();
