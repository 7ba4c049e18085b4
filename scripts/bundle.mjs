// `npm run build` (after tsc): bundles the CLI with esbuild into dist/bundle/, which bin/ckafka.js
// loads. Node then reads a few files at start instead of about 450 modules (kafkajs alone is some
// 300 files, resolved and compiled one by one). dist/*.js (tsc) stays for the tests and tools.
//
// CommonJS, not ESM: Node 20 can keep V8's compiled code between runs only for a script it
// compiles through `vm.Script` (`cachedData`), and does so for no ES module; Node 22+'s own
// compile cache is taken before the code runs, so it misses every function compiled lazily
// (most of them). bin/ckafka.js keeps a cache made after the command ran.
//
//   main.cjs         the CLI: commander, our code (config, formats, ops, src/kafka), chalk
//   kafkajs.cjs      kafkajs, for the commands that talk to Kafka
//   cosmiconfig.cjs  cosmiconfig and js-yaml, only when a config file is there
//
// A side bundle is loaded (and compiled) the first time main.cjs requires one of its ids;
// manifest.json says which file has which id, and each file's hash keys its code cache.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { common, VENDOR_PATCHES } from './esbuild-common.mjs';

const OUT = 'dist/bundle';
const SIDE_BUNDLES = [
  { file: 'kafkajs.cjs', ids: /^kafkajs(\/|$)/ },
  { file: 'cosmiconfig.cjs', ids: /^cosmiconfig$/ },
];

rmSync(OUT, { recursive: true, force: true });
const main = await build({
  ...common,
  entryPoints: { main: 'src/main.ts' },
  outfile: `${OUT}/main.cjs`,
  external: [...common.external, 'kafkajs', 'kafkajs/*', 'cosmiconfig'],
  // `await import('./run/produce.js')` stays lazy either way (esbuild defers the module's code);
  // as require() the side bundles go through the loader's require, not Node's ESM loader.
  supported: { 'dynamic-import': false },
});

const wanted = new Set(
  Object.values(main.metafile.outputs)
    .flatMap((output) => output.imports)
    .filter((i) => i.external)
    .map((i) => i.path),
);
const modules = {};
const sideInputs = [];
for (const side of SIDE_BUNDLES) {
  const ids = [...wanted].filter((id) => side.ids.test(id)).sort();
  if (ids.length === 0) throw new Error(`bundle: main.cjs requires nothing from ${side.file}`);
  // Every id main.cjs requires, as a getter: one copy of each module, evaluated on first use.
  const contents = ids.map((id) => `Object.defineProperty(exports, ${JSON.stringify(id)}, { enumerable: true, get: () => require(${JSON.stringify(id)}) });`).join('\n');
  const built = await build({ ...common, stdin: { contents, resolveDir: process.cwd(), sourcefile: side.file, loader: 'js' }, outfile: `${OUT}/${side.file}` });
  sideInputs.push(...Object.keys(built.metafile.inputs));
  for (const id of ids) modules[id] = side.file;
}

const bundled = new Set([...Object.keys(main.metafile.inputs), ...sideInputs]);
for (const { file } of VENDOR_PATCHES) if (!bundled.has(file)) throw new Error(`bundle: ${file} is no longer bundled; review VENDOR_PATCHES`);

const bundles = {};
for (const file of ['main.cjs', ...SIDE_BUNDLES.map((s) => s.file)]) {
  const bytes = readFileSync(`${OUT}/${file}`);
  const wide = bytes.findIndex((b) => b > 0x7f);
  if (wide >= 0) throw new Error(`bundle: ${file} has a non-ASCII byte at ${wide}; bin/ckafka.js reads it as latin1`);
  bundles[file] = { hash: createHash('sha256').update(bytes).digest('hex').slice(0, 16) };
}
writeFileSync(`${OUT}/manifest.json`, `${JSON.stringify({ main: 'main.cjs', bundles, modules, commands: await commandNames() }, null, 2)}\n`);

// kafkajs is bundled: a kafkajs internal taken with require() at run time (createRequire) is a
// second copy from node_modules, and patching it changes nothing in the bundled one. Import
// such internals statically (as src/kafka/record-batch-request.ts does) so they are bundled too.
for (const file of Object.keys(main.metafile.inputs).filter((f) => f.startsWith('src/'))) {
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
