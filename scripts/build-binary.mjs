// `npm run build:binary`: one file to copy onto a host without Node. Node's own single executable
// application (SEA): the whole CLI bundled into one CommonJS script (kafkajs, cosmiconfig, the
// codecs and zstd's WebAssembly included), turned into a blob with V8's code cache by
// `node --experimental-sea-config`, and injected by postject into a copy of the Node binary that
// runs this script. The result, dist/bin/ckafka-<os>-<arch>, runs on machines of the same
// platform and architecture (Linux: glibc as new as the build machine's).
import { build } from 'esbuild';
import { chmodSync, copyFileSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { common, VENDOR_PATCHES, vendorPatches } from './esbuild-common.mjs';

const require = createRequire(import.meta.url);
const WORK = 'dist/sea';
const OUT_DIR = 'dist/bin';
const platform = process.platform === 'win32' ? 'win' : process.platform;
const output = join(OUT_DIR, `ckafka-${platform}-${process.arch}${process.platform === 'win32' ? '.exe' : ''}`);
// The fuse postject flips so that Node runs the injected blob (Node's documented value).
const SEA_FUSE = 'NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2';

// zstd-wasm reads zstd.wasm beside itself; inside the binary it is an asset of the blob. (Node
// 22.15+ compresses zstd itself and never loads the WebAssembly.)
const SEA_PATCHES = [
  {
    file: 'node_modules/@bokuweb/zstd-wasm/dist/common/index.node.js',
    edits: [["yield readFile(resolve(__dirname, './zstd.wasm'))", "Buffer.from(require('node:sea').getAsset('zstd.wasm'))"]],
  },
];

const started = Date.now();
rmSync(WORK, { recursive: true, force: true });
mkdirSync(WORK, { recursive: true });
mkdirSync(OUT_DIR, { recursive: true });

const script = join(WORK, 'ckafka.cjs');
await build({
  ...common,
  // The SEA's require() reaches only Node's built-in modules: everything else is inside.
  external: ['typescript'],
  stdin: { contents: "require('./src/main.ts').runProcess();", resolveDir: process.cwd(), sourcefile: 'sea-entry.cjs', loader: 'js' },
  outfile: script,
  supported: { 'dynamic-import': false },
  // The SEA entry script is CommonJS without import.meta (tsc's output never needs it at run time).
  plugins: [vendorPatches([...VENDOR_PATCHES, ...SEA_PATCHES])],
  metafile: false,
});

const blob = join(WORK, 'ckafka.blob');
const config = {
  main: script,
  output: blob,
  disableExperimentalSEAWarning: true,
  useCodeCache: true,
  assets: { 'zstd.wasm': join(dirname(require.resolve('@bokuweb/zstd-wasm')), 'zstd.wasm') },
};
writeFileSync(join(WORK, 'sea-config.json'), `${JSON.stringify(config, null, 2)}\n`);
quietly(process.execPath, ['--experimental-sea-config', join(WORK, 'sea-config.json')]);

rmSync(output, { force: true });
copyFileSync(process.execPath, output);
chmodSync(output, 0o755);
if (process.platform === 'darwin') execFileSync('codesign', ['--remove-signature', output]);
// postject's LIEF prints harmless section-name warnings.
const postject = join(dirname(require.resolve('postject')), 'cli.js');
const macho = process.platform === 'darwin' ? ['--macho-segment-name', 'NODE_SEA'] : [];
quietly(process.execPath, [postject, output, 'NODE_SEA_BLOB', blob, '--sentinel-fuse', SEA_FUSE, ...macho]);
if (process.platform === 'darwin') execFileSync('codesign', ['--sign', '-', output]);

const mb = (statSync(output).size / 1e6).toFixed(0);
console.log(`${output} (${mb} MB, Node ${process.version}) in ${((Date.now() - started) / 1000).toFixed(1)} s`);

/** Runs a build step, showing what it printed only when it fails. */
function quietly(file, args) {
  try {
    execFileSync(file, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    process.stderr.write(`${error.stdout ?? ''}${error.stderr ?? ''}`);
    throw new Error(`build-binary: ${[file, ...args].join(' ')} failed`, { cause: error });
  }
}
