import zlib from 'node:zlib';
import { promisify } from 'node:util';

// Node 22.15+ has zstd in zlib (streaming, so frames without a content size work);
// Node 20 falls back to a WebAssembly build of the reference library.
type ZlibZstd = { zstdCompress?: typeof zlib.gzip; zstdDecompress?: typeof zlib.gunzip };
const native = zlib as unknown as ZlibZstd;

export async function zstdCompress(input: Buffer): Promise<Buffer> {
  if (native.zstdCompress) return promisify(native.zstdCompress)(input);
  const wasm = await loadWasm();
  return toBuffer(wasm.compress(input, 3));
}

export async function zstdDecompress(input: Buffer): Promise<Buffer> {
  if (native.zstdDecompress) return promisify(native.zstdDecompress)(input);
  const wasm = await loadWasm();
  // Frames from streaming writers carry no content size: grow the output until it fits.
  for (let heap = 1 << 20; ; heap *= 4) {
    try {
      return toBuffer(wasm.decompress(input, { defaultHeapSize: heap }));
    } catch (error) {
      if (heap >= 1 << 30) throw error;
    }
  }
}

let wasmReady: Promise<typeof import('@bokuweb/zstd-wasm')> | undefined;
function loadWasm(): Promise<typeof import('@bokuweb/zstd-wasm')> {
  wasmReady ??= import('@bokuweb/zstd-wasm').then(async (m) => {
    await m.init();
    return m;
  });
  return wasmReady;
}

const toBuffer = (a: Uint8Array): Buffer => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
