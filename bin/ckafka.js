#!/usr/bin/env node
// The installed entry point: runs the bundled CLI (dist/bundle, made by `npm run build`), which
// sets the exit status. CommonJS (bin/package.json), so Node does not start its ES module loader
// (~4 ms); load-bundle.js keeps V8's compiled code between runs.
'use strict';
const { join } = require('node:path');
const { loadBundle } = require('./load-bundle.js');

const cli = /** @type {{ runProcess(): void }} */ (loadBundle(join(__dirname, '..', 'dist', 'bundle'), { argv: process.argv.slice(2) }));
cli.runProcess();
