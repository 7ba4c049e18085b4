#!/usr/bin/env node
// The installed entry point: runs the bundled CLI (dist/bundle, made by `npm run build`) and
// exits with its status.
import module from 'node:module';

// Node 22.1+ keeps V8's compiled code between runs, which shortens every start; Node 20 has no
// such call. Loaded after it, hence the dynamic import.
module.enableCompileCache?.();
const { runProcess } = await import('../dist/bundle/main.js');
runProcess();
