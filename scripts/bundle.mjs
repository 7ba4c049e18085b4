// `npm run build` (after tsc): bundles the CLI with esbuild into dist/bundle/, which bin/ckafka.js
// loads. Node then reads a few files at start instead of about 450 modules (kafkajs alone is some
// 300 files, resolved and compiled one by one). dist/*.js (tsc) stays for the tests and tools.
//
// CommonJS, not ESM: Node 20 can keep V8's compiled code between runs only for a script it
// compiles through `vm.Script` (`cachedData`), and does so for no ES module; Node 22+'s own
// compile cache is taken before the code runs, so it misses every function compiled lazily
// (most of them; bench/startup.sh compares the two). bin/ckafka.js keeps a cache made after the
// command ran.
//
//   main.cjs         the command line: main.ts and what it imports statically (commander, the
//                    command declarations, chalk, the error renderer, the message catalogs)
//   commands.cjs     what the commands import when they run (`await import(...)`): config,
//                    operations, src/kafka, input and output, formats
//   kafkajs.cjs      kafkajs, for the commands that talk to Kafka
//   cosmiconfig.cjs  cosmiconfig and js-yaml, only when a config file needs it
//
// A bundle is loaded (and compiled) the first time another requires one of its ids; manifest.json
// says which file has which id, and each file's hash keys its code cache. Split so, `--help` reads
// and deserializes no code of the commands (V8 keeps a stub of every function of a script in its
// code cache, run or not: ~350 fewer page faults on Node 24). Every module is in one bundle only
// (the build checks): commands.cjs takes the modules of main.cjs it needs from main.cjs (ids
// `ckafka-core:<path>`), so there is one CkafkaError class and one message catalog.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { common, VENDOR_PATCHES } from './esbuild-common.mjs';

const OUT = 'dist/bundle';
const SIDE_BUNDLES = [
  { file: 'kafkajs.cjs', ids: /^kafkajs(\/|$)/ },
  { file: 'cosmiconfig.cjs', ids: /^cosmiconfig$/ },
];
const EXTERNAL = [...common.external, 'kafkajs', 'kafkajs/*', 'cosmiconfig'];
// `await import('./run/produce.js')` stays lazy either way (esbuild defers the module's code);
// as require() the other bundles go through the loader's require, not Node's ESM loader.
// Strict mode for the whole file, as each source module (TypeScript, ESM) is: functions esbuild
// hoists out of a module's init code are at the file's top level.
const options = { ...common, external: EXTERNAL, supported: { 'dynamic-import': false }, banner: { js: '"use strict";' } };
const CORE = 'ckafka-core:';
const COMMANDS = 'ckafka-commands:';

rmSync(OUT, { recursive: true, force: true });

// main.ts's static import graph (main.cjs), and the modules it imports dynamically (commands.cjs).
const probe = await build({ ...options, entryPoints: ['src/main.ts'], outfile: `${OUT}/probe.cjs`, write: false });
const core = new Set();
const dynamic = new Set();
for (const stack = ['src/main.ts']; stack.length > 0; ) {
  const file = stack.pop();
  if (core.has(file)) continue;
  core.add(file);
  for (const i of probe.metafile.inputs[file]?.imports ?? []) {
    if (i.external) continue;
    if (i.kind === 'dynamic-import') dynamic.add(i.path);
    else stack.push(i.path);
  }
}
const commandEntries = [...dynamic].filter((file) => !core.has(file)).sort();

/** Resolves imports (of the given kinds) of the files in `set` to the external id `prefix + path`. */
const elsewhere = (set, prefix, kinds) => ({
  name: 'elsewhere',
  setup(b) {
    b.onResolve({ filter: /.*/ }, async (args) => {
      if (args.pluginData === 'elsewhere' || args.importer === '' || !kinds.includes(args.kind)) return undefined;
      const found = await b.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, importer: args.importer, pluginData: 'elsewhere' });
      if (found.errors.length > 0 || found.external) return undefined;
      const path = relative(process.cwd(), found.path);
      return set.has(path) ? { path: prefix + path, external: true } : undefined;
    });
  },
});
const getters = (target, ids, path) => ids.map((id) => `Object.defineProperty(${target}, ${JSON.stringify(id)}, { enumerable: true, get: () => require(${JSON.stringify(path(id))}) });`).join('\n');

const commands = await build({
  ...options,
  plugins: [...options.plugins, elsewhere(core, CORE, ['import-statement', 'require-call', 'dynamic-import'])],
  stdin: { contents: getters('exports', commandEntries.map((f) => COMMANDS + f), (id) => `./${id.slice(COMMANDS.length)}`), resolveDir: process.cwd(), sourcefile: 'commands.cjs', loader: 'js' },
  outfile: `${OUT}/commands.cjs`,
});
const coreIds = [...new Set(Object.values(commands.metafile.outputs).flatMap((o) => o.imports).map((i) => i.path).filter((p) => p.startsWith(CORE)))].sort();

const main = await build({
  ...options,
  plugins: [...options.plugins, elsewhere(new Set(commandEntries), COMMANDS, ['dynamic-import'])],
  // An ES module entry: main.ts and its imports stay hoisted, evaluated in order as one scope.
  stdin: {
    contents: ["export * from './src/main.ts';", ...coreIds.map((id) => `export * as ${JSON.stringify(id)} from ${JSON.stringify(`./${id.slice(CORE.length)}`)};`)].join('\n'),
    resolveDir: process.cwd(),
    sourcefile: 'main.ts',
    loader: 'ts',
  },
  outfile: `${OUT}/main.cjs`,
});
const twice = Object.keys(main.metafile.inputs).filter((file) => file in commands.metafile.inputs && !file.startsWith('<stdin>'));
if (twice.length > 0) throw new Error(`bundle: in both main.cjs and commands.cjs (two copies of their state): ${twice.join(', ')}`);

const wanted = new Set(
  [...Object.values(main.metafile.outputs), ...Object.values(commands.metafile.outputs)]
    .flatMap((output) => output.imports)
    .filter((i) => i.external)
    .map((i) => i.path),
);
const modules = {};
for (const file of commandEntries) modules[COMMANDS + file] = 'commands.cjs';
for (const id of coreIds) modules[id] = 'main.cjs';
const sideInputs = [];
for (const side of SIDE_BUNDLES) {
  const ids = [...wanted].filter((id) => side.ids.test(id)).sort();
  if (ids.length === 0) throw new Error(`bundle: main.cjs and commands.cjs require nothing from ${side.file}`);
  // Every id main.cjs and commands.cjs require, as a getter: one copy of each module, evaluated on first use.
  const contents = ids.map((id) => `Object.defineProperty(exports, ${JSON.stringify(id)}, { enumerable: true, get: () => require(${JSON.stringify(id)}) });`).join('\n');
  const built = await build({ ...common, stdin: { contents, resolveDir: process.cwd(), sourcefile: side.file, loader: 'js' }, outfile: `${OUT}/${side.file}` });
  sideInputs.push(...Object.keys(built.metafile.inputs));
  for (const id of ids) modules[id] = side.file;
}

const bundled = new Set([...Object.keys(main.metafile.inputs), ...Object.keys(commands.metafile.inputs), ...sideInputs]);
for (const { file } of VENDOR_PATCHES) if (!bundled.has(file)) throw new Error(`bundle: ${file} is no longer bundled; review VENDOR_PATCHES`);

const bundles = {};
for (const file of ['main.cjs', 'commands.cjs', ...SIDE_BUNDLES.map((s) => s.file)]) {
  const bytes = readFileSync(`${OUT}/${file}`);
  const wide = bytes.findIndex((b) => b > 0x7f);
  if (wide >= 0) throw new Error(`bundle: ${file} has a non-ASCII byte at ${wide}; bin/ckafka.js reads it as latin1`);
  bundles[file] = { hash: createHash('sha256').update(bytes).digest('hex').slice(0, 16) };
}
writeFileSync(`${OUT}/manifest.json`, `${JSON.stringify({ main: 'main.cjs', bundles, modules, commands: await commandNames() }, null, 2)}\n`);

// kafkajs is bundled: a kafkajs internal taken with require() at run time (createRequire) is a
// second copy from node_modules, and patching it changes nothing in the bundled one. Import
// such internals statically (as src/kafka/record-batch-request.ts does) so they are bundled too.
for (const file of Object.keys({ ...main.metafile.inputs, ...commands.metafile.inputs }).filter((f) => f.startsWith('src/'))) {
  if (/require\(\s*['"]kafkajs\//.test(readFileSync(file, 'utf8'))) {
    console.warn(`bundle: ${file} requires kafkajs internals at run time; in the bundle that is another copy of kafkajs (use a static import)`);
  }
}

/** The command names (bin/ckafka.js keeps a code cache per command), from tsc's output. */
async function commandNames() {
  const { buildProgram } = await import('../dist/cli/program.js');
  // Declaring the commands reads nothing of the context; output would go to these streams.
  const io = { stdout: process.stdout, stderr: process.stderr };
  return buildProgram({ io, exitCode: 0, outputJson: false }).commands.flatMap((c) => [c.name(), ...c.aliases()]);
}
