import lz4 from 'lz4js';
import xxh32 from 'lz4js/xxh32.js';

// Kafka's LZ4 is the LZ4 frame format. Java's reader wants independent blocks, so each 64 KiB
// block is compressed on its own (lz4js's own frame writer lets blocks refer to earlier ones).
const MAGIC = 0x184d2204;
const FLG_VERSION_1_INDEPENDENT = 0x60;
const BD_64KB = 0x40;
const BLOCK = 64 * 1024;
const UNCOMPRESSED = 0x80000000;

export function lz4Compress(input: Buffer): Buffer {
  const parts: Buffer[] = [];
  const header = Buffer.alloc(7);
  header.writeUInt32LE(MAGIC, 0);
  header[4] = FLG_VERSION_1_INDEPENDENT;
  header[5] = BD_64KB;
  header[6] = (xxh32.hash(0, header, 4, 2) >>> 8) & 0xff;
  parts.push(header);
  const scratch = Buffer.allocUnsafe(lz4.compressBound(BLOCK));
  const table = new Int32Array(1 << HASH_BITS);
  for (let start = 0; start < input.length; start += BLOCK) {
    const block = input.subarray(start, Math.min(start + BLOCK, input.length));
    const size = compressBlock(block, scratch, table);
    const length = Buffer.alloc(4);
    if (size === 0) {
      length.writeUInt32LE((UNCOMPRESSED | block.length) >>> 0, 0);
      parts.push(length, Buffer.from(block));
    } else {
      length.writeUInt32LE(size, 0);
      parts.push(length, Buffer.from(scratch.subarray(0, size)));
    }
  }
  parts.push(Buffer.alloc(4));
  return Buffer.concat(parts);
}

export function lz4Decompress(input: Buffer): Buffer {
  const out = lz4.decompress(input);
  return Buffer.from(out.buffer, out.byteOffset, out.byteLength);
}

// The LZ4 block format's end rules: the last 5 bytes are literals and the last match starts at
// least 12 bytes before the end. lz4js's compressBlock (0.2.0) lets a match start up to 10 bytes
// before the end; Java's decoder (lz4-java, in the broker) refuses such a block, so the broker
// refused whole batches. This compressor is lz4js's greedy one with the limits of the format.
const MIN_MATCH = 4;
const LAST_LITERALS = 5;
const MF_LIMIT = 12;
const HASH_BITS = 16;
const SKIP_TRIGGER = 6;

/** One LZ4 block of `src` into `dst` (at least compressBound(src.length)); 0 when it would not shrink. */
export function compressBlock(src: Uint8Array, dst: Uint8Array, table: Int32Array): number {
  const end = src.length;
  // Matches start before matchStartLimit and stop before matchEndLimit.
  const matchStartLimit = end - MF_LIMIT;
  const matchEndLimit = end - LAST_LITERALS;
  table.fill(0); // positions + 1; 0: none
  let anchor = 0;
  let s = 0;
  let d = 0;
  let searches = (1 << SKIP_TRIGGER) + 3;
  while (s < matchStartLimit) {
    const seq = readU32(src, s);
    const hash = Math.imul(seq, 0x9e3779b1) >>> (32 - HASH_BITS);
    const ref = table[hash]! - 1;
    table[hash] = s + 1;
    if (ref < 0 || s - ref > 0xffff || readU32(src, ref) !== seq) {
      // Fewer tries the longer nothing matches (incompressible data goes fast).
      s += searches++ >> SKIP_TRIGGER;
      continue;
    }
    searches = (1 << SKIP_TRIGGER) + 3;
    const literals = s - anchor;
    const offset = s - ref;
    let m = s + MIN_MATCH;
    let r = ref + MIN_MATCH;
    while (m < matchEndLimit && src[m] === src[r]) {
      m++;
      r++;
    }
    const matchLength = m - s - MIN_MATCH;
    d = writeLiterals(dst, d, src, anchor, literals, Math.min(matchLength, 15));
    dst[d++] = offset & 0xff;
    dst[d++] = offset >>> 8;
    if (matchLength >= 15) d = writeLength(dst, d, matchLength - 15);
    s = m;
    anchor = m;
  }
  d = writeLiterals(dst, d, src, anchor, end - anchor, 0);
  return d < end ? d : 0;
}

/** Token (literal length, match length nibble), extra literal length bytes, then the literals. */
function writeLiterals(dst: Uint8Array, d: number, src: Uint8Array, from: number, count: number, matchNibble: number): number {
  dst[d++] = (Math.min(count, 15) << 4) | matchNibble;
  if (count >= 15) d = writeLength(dst, d, count - 15);
  dst.set(src.subarray(from, from + count), d);
  return d + count;
}

function writeLength(dst: Uint8Array, d: number, rest: number): number {
  for (; rest >= 255; rest -= 255) dst[d++] = 255;
  dst[d++] = rest;
  return d;
}

function readU32(a: Uint8Array, i: number): number {
  return a[i]! | (a[i + 1]! << 8) | (a[i + 2]! << 16) | (a[i + 3]! << 24);
}
