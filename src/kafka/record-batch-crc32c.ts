// CRC-32C (Castagnoli), the checksum of a Kafka RecordBatch v2. Node has CRC-32 only (zlib.crc32),
// and kafkajs's byte-at-a-time version is slower than all the rest of our encoding: this one takes
// sixteen bytes per step ("slicing by 16": sixteen 256-entry tables in one array), read as four
// 32-bit words where the machine is little-endian (all Node platforms in practice): 6–8× faster.
// Large inputs go to the same algorithm in WebAssembly (crc32c-wasm.ts), faster still.
import { wasmCrc32c } from './crc32c-wasm.js';

const POLY = 0x82f63b78;
const TABLE = new Int32Array(16 * 256);
for (let n = 0; n < 256; n++) {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ POLY : c >>> 1;
  TABLE[n] = c;
}
for (let n = 0; n < 256; n++) {
  for (let t = 1; t < 16; t++) {
    const prev = TABLE[(t - 1) * 256 + n]!;
    TABLE[t * 256 + n] = (prev >>> 8) ^ TABLE[prev & 0xff]!;
  }
}
const EMPTY = new Int32Array(0);
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/**
 * From this many bytes on, WebAssembly: the first use builds and compiles the module (~3 ms),
 * which bulk runs make up for at once and a few small messages never pay.
 */
const WASM_FROM = 64 * 1024;
let wasm: ReturnType<typeof wasmCrc32c> | undefined;

/** CRC-32C of `data[start, end)`, as an unsigned 32-bit number. */
export function crc32c(data: Uint8Array, start = 0, end = data.length): number {
  if (end - start >= WASM_FROM) {
    wasm ??= LITTLE_ENDIAN ? wasmCrc32c(TABLE) : null;
    if (wasm !== null) return wasm(data, start, end);
  }
  return crc32cJs(data, start, end);
}

/** The JavaScript version (for small inputs, and where WebAssembly cannot run). */
export function crc32cJs(data: Uint8Array, start = 0, end = data.length): number {
  const T = TABLE;
  let crc = -1;
  let i = start;
  if (LITTLE_ENDIAN) {
    // Up to a 4-byte boundary byte by byte, then whole 16-byte blocks as words.
    for (; i < end && ((data.byteOffset + i) & 3) !== 0; i++) crc = T[(crc ^ data[i]!) & 0xff]! ^ (crc >>> 8);
    const words = end > i ? ((end - i) >>> 4) << 2 : 0;
    const w = words > 0 ? new Int32Array(data.buffer, data.byteOffset + i, words) : EMPTY;
    for (let k = 0; k < words; k += 4) {
      const a = crc ^ w[k]!;
      const b = w[k + 1]!;
      const c = w[k + 2]!;
      const d = w[k + 3]!;
      crc =
        T[3840 + (a & 0xff)]! ^ T[3584 + ((a >>> 8) & 0xff)]! ^ T[3328 + ((a >>> 16) & 0xff)]! ^ T[3072 + (a >>> 24)]! ^
        T[2816 + (b & 0xff)]! ^ T[2560 + ((b >>> 8) & 0xff)]! ^ T[2304 + ((b >>> 16) & 0xff)]! ^ T[2048 + (b >>> 24)]! ^
        T[1792 + (c & 0xff)]! ^ T[1536 + ((c >>> 8) & 0xff)]! ^ T[1280 + ((c >>> 16) & 0xff)]! ^ T[1024 + (c >>> 24)]! ^
        T[768 + (d & 0xff)]! ^ T[512 + ((d >>> 8) & 0xff)]! ^ T[256 + ((d >>> 16) & 0xff)]! ^ T[d >>> 24]!;
    }
    i += words * 4;
  }
  for (; i < end; i++) crc = T[(crc ^ data[i]!) & 0xff]! ^ (crc >>> 8);
  return (crc ^ -1) >>> 0;
}
