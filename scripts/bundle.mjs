// `npm run build` (after tsc): bundles the CLI with esbuild into dist/bundle/, which bin/ckafka.js
// runs. Node then reads a handful of files at start instead of about 450 modules (kafkajs alone
// is some 300 files, resolved and compiled one by one); each command's code stays in its own
// chunk, loaded only when that command runs. dist/*.js (tsc) stays for the tests and tools.
import { build } from 'esbuild';
import { readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

// With code splitting, esbuild gives a CommonJS package loaded with `import()` only a default
// export; src/config/search.ts takes named ones. A shim re-exports the package's own names.
const DYNAMIC_CJS = ['cosmiconfig'];
const cjsNamedExports = {
  name: 'cjs-named-exports',
  setup(b) {
    const filter = new RegExp(`^(${DYNAMIC_CJS.join('|')})$`);
    b.onResolve({ filter }, (args) => (args.pluginData === 'shim' ? undefined : { path: args.path, namespace: 'cjs-shim' }));
    b.onLoad({ filter: /.*/, namespace: 'cjs-shim' }, (args) => {
      const names = Object.keys(require(args.path)).filter((n) => n !== 'default' && /^[A-Za-z_$][\w$]*$/.test(n));
      const contents = `import * as m from ${JSON.stringify(args.path)};\nexport const { ${names.join(', ')} } = m;\n`;
      return { contents, resolveDir: process.cwd(), pluginData: 'shim' };
    });
  },
};

rmSync('dist/bundle', { recursive: true, force: true });
const result = await build({
  entryPoints: { main: 'src/main.ts' },
  outdir: 'dist/bundle',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // zstd-wasm reads its .wasm file next to itself; typescript is cosmiconfig's optional loader.
  external: ['@bokuweb/zstd-wasm', 'typescript'],
  // Bundled CommonJS code (kafkajs, commander, cosmiconfig) calls require() for Node's modules.
  banner: { js: "import { createRequire as __ckafkaRequire } from 'node:module';\nconst require = __ckafkaRequire(import.meta.url);" },
  plugins: [cjsNamedExports],
  metafile: true,
  logLevel: 'warning',
});

// kafkajs is bundled: a kafkajs internal taken with require() at run time (createRequire) is a
// second copy from node_modules, and patching it changes nothing in the bundled one. Import
// such internals statically (as src/kafka/record-batch-request.ts does) so they are bundled too.
for (const file of Object.keys(result.metafile.inputs).filter((f) => f.startsWith('src/'))) {
  if (/require\(\s*['"]kafkajs\//.test(readFileSync(file, 'utf8'))) {
    console.warn(`bundle: ${file} requires kafkajs internals at run time; in the bundle that is another copy of kafkajs (use a static import)`);
  }
}
