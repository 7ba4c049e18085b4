import { describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { lz4Compress, lz4Decompress } from '../../../src/kafka/codecs/lz4.js';
import { snappyCompress, snappyDecompress } from '../../../src/kafka/codecs/snappy.js';
import { zstdCompress, zstdDecompress } from '../../../src/kafka/codecs/zstd.js';

const samples = {
  empty: Buffer.alloc(0),
  text: Buffer.from('Message 0 Message 1 Message 2 '.repeat(50)),
  random: randomBytes(3000),
  // Larger than one 64 KiB LZ4 block, with repeats across the block boundary.
  large: Buffer.from('abcdefghij'.repeat(20_000)),
};

describe('compression codecs', () => {
  for (const [name, input] of Object.entries(samples)) {
    it(`lz4 round-trips ${name}`, () => {
      expect(lz4Decompress(lz4Compress(input)).equals(input)).toBe(true);
    });
    it(`snappy round-trips ${name}`, () => {
      expect(snappyDecompress(snappyCompress(input)).equals(input)).toBe(true);
    });
    it(`zstd round-trips ${name}`, async () => {
      expect((await zstdDecompress(await zstdCompress(input))).equals(input)).toBe(true);
    });
  }

  it('lz4 frames declare independent 64 KiB blocks, as Java readers require', () => {
    const frame = lz4Compress(samples.large);
    expect(frame.readUInt32LE(0)).toBe(0x184d2204);
    expect(frame[4]! & 0x20).toBe(0x20);
    expect(frame[5]).toBe(0x40);
  });

  it('snappy reads the xerial framing Java producers write', () => {
    const chunk = snappyCompress(samples.text);
    const header = Buffer.from([0x82, 0x53, 0x4e, 0x41, 0x50, 0x50, 0x59, 0x00, 0, 0, 0, 1, 0, 0, 0, 1]);
    const len = Buffer.alloc(4);
    len.writeUInt32BE(chunk.length);
    const framed = Buffer.concat([header, len, chunk, len, chunk]);
    expect(snappyDecompress(framed).equals(Buffer.concat([samples.text, samples.text]))).toBe(true);
  });
});
