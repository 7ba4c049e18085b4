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
  const scratch = new Uint8Array(lz4.compressBound(BLOCK));
  for (let start = 0; start < input.length; start += BLOCK) {
    const block = input.subarray(start, Math.min(start + BLOCK, input.length));
    const size = lz4.compressBlock(block, scratch, 0, block.length, new Uint32Array(1 << 16));
    const length = Buffer.alloc(4);
    if (size === 0 || size >= block.length) {
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
