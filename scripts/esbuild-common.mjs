// esbuild settings shared by scripts/bundle.mjs (the npm install's bundles) and
// scripts/build-binary.mjs (the single executable): the same vendor patches apply to both.
import { readFileSync } from 'node:fs';

// Node modules that vendor code requires when it loads but uses only in some cases: loaded on
// first use instead (a Proxy standing for the module), which keeps 3-5 ms off a start. crypto
// (kafkajs: SCRAM only; cosmiconfig: TypeScript configs only; ~1.5 ms), tls (SSL only), assert
// (transactions only), child_process (commander's executable subcommands, which ckafka has none
// of). Each patch must match the vendored text exactly, or the build fails: a new version of the
// package is looked at again.
const lazy = (id) =>
  `((load) => { let m; const real = () => (m ??= load()); return new Proxy(function () {}, { get: (_, k) => Reflect.get(real(), k), apply: (_, self, args) => Reflect.apply(real(), self, args), construct: (_, args) => Reflect.construct(real(), args) }); })(() => require(${JSON.stringify(id)}))`;
export const VENDOR_PATCHES = [
  { file: 'node_modules/commander/lib/command.js', edits: [["const childProcess = require('node:child_process');", `const childProcess = ${lazy('node:child_process')};`]] },
  { file: 'node_modules/kafkajs/src/broker/saslAuthenticator/scram.js', edits: [["const crypto = require('crypto')", `const crypto = ${lazy('crypto')}`]] },
  { file: 'node_modules/kafkajs/src/network/socketFactory.js', edits: [["const tls = require('tls')", `const tls = ${lazy('tls')}`]] },
  // chalk detects colour support when it loads (node:tty, which loads node:net and the streams;
  // ~3 ms of a `--help` on Node 24): ckafka decides the level itself (src/format/color.ts) and
  // only uses `new Chalk({ level })`, so chalk's own default instances are never coloured here.
  {
    file: 'node_modules/chalk/source/index.js',
    edits: [["import supportsColor from '#supports-color';", 'const supportsColor = { stdout: false, stderr: false };']],
  },
  // The consumer and the admin client (with their protocol, group and assigner modules) are not
  // needed to produce: loaded when first created.
  {
    file: 'node_modules/kafkajs/src/index.js',
    edits: [
      ["const createConsumer = require('./consumer')", `const createConsumer = ${lazy('./consumer')}`],
      ["const createAdmin = require('./admin')", `const createAdmin = ${lazy('./admin')}`],
    ],
  },
  { file: 'node_modules/kafkajs/src/producer/eosManager/index.js', edits: [["const assert = require('assert')", `const assert = ${lazy('assert')}`]] },
  // cosmiconfig names temporary files with crypto.randomUUID() for TypeScript configs only.
  { file: 'node_modules/cosmiconfig/dist/loaders.js', edits: [['const crypto_1 = require("crypto");', `const crypto_1 = ${lazy('crypto')};`]] },
  // Reading globalThis.crypto loads Node's Web Crypto: choose the implementation on first use.
  {
    file: 'node_modules/kafkajs/src/producer/partitioners/legacy/randomBytes.js',
    edits: [
      ['let cryptoImplementation = null\nif (global && global.crypto) {', 'let cryptoImplementation = null\nconst chooseCrypto = () => {\nif (global && global.crypto) {'],
      ["  cryptoImplementation = require('crypto')\n}\n", "  cryptoImplementation = require('crypto')\n}\n}\n"],
      ['module.exports = size => {\n', 'module.exports = size => {\n  if (!cryptoImplementation) chooseCrypto()\n'],
    ],
  },
];
/** An esbuild plugin applying `patches` (VENDOR_PATCHES and any more) to the vendored files they name. */
export const vendorPatches = (patches) => ({
  name: 'vendor-patches',
  setup(b) {
    for (const { file, edits } of patches) {
      const path = `${process.cwd()}/${file}`;
      b.onLoad({ filter: new RegExp(`^${escapeRegExp(path)}$`) }, () => {
        let contents = readFileSync(path, 'utf8');
        for (const [from, to] of edits) {
          if (contents.split(from).length !== 2) throw new Error(`bundle: ${file} no longer has ${JSON.stringify(from)} once; review VENDOR_PATCHES`);
          contents = contents.replace(from, () => to);
        }
        return { contents, loader: 'js' };
      });
    }
  },
});

function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

export const common = {
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  // Less to read and parse on a run without a cache; identifiers keep their names (stack traces).
  minifyWhitespace: true,
  minifySyntax: true,
  legalComments: 'none',
  // ASCII only, so bin/ckafka.js reads the files as latin1 (a copy, not UTF-8 decoding).
  charset: 'ascii',
  // zstd-wasm reads its .wasm file next to itself; typescript is cosmiconfig's optional loader.
  external: ['@bokuweb/zstd-wasm', 'typescript'],
  metafile: true,
  logLevel: 'warning',
  plugins: [vendorPatches(VENDOR_PATCHES)],
};

