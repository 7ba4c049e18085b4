import { describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { compressBlock, lz4Compress, lz4Decompress } from '../../../src/kafka/codecs/lz4.js';

/** Decodes one LZ4 block, checking the format's end rules that Java's decoder relies on. */
function decodeStrict(block: Uint8Array, size: number): Buffer {
  const out = Buffer.alloc(size);
  let i = 0;
  let o = 0;
  const length = (n: number) => {
    if (n < 15) return n;
    let b: number;
    do {
      b = block[i++]!;
      n += b;
    } while (b === 255);
    return n;
  };
  while (i < block.length) {
    const token = block[i++]!;
    const literals = length(token >> 4);
    out.set(block.subarray(i, i + literals), o);
    i += literals;
    o += literals;
    if (i === block.length) break; // the last sequence: literals only
    const offset = block[i]! | (block[i + 1]! << 8);
    i += 2;
    const match = length(token & 15) + 4;
    expect(offset).toBeGreaterThan(0);
    expect(offset).toBeLessThanOrEqual(o);
    expect(o, 'the last match starts at least 12 bytes before the end').toBeLessThanOrEqual(size - 12);
    expect(o + match, 'the last 5 bytes are literals').toBeLessThanOrEqual(size - 5);
    for (let k = 0; k < match; k++, o++) out[o] = out[o - offset]!;
  }
  expect(o).toBe(size);
  return out;
}

const lines = (n: number) => Buffer.from(Array.from({ length: n }, (_, i) => `m${i} `.padEnd(100, 'x')).join('\n'));

describe('LZ4 blocks', () => {
  const inputs: Record<string, Buffer> = {
    repetitive: Buffer.from('abcdefghij'.repeat(6_000)),
    // What the broker refused from lz4js: runs of matches up to the block's end.
    'log lines': lines(600),
    'short tail': Buffer.from('x'.repeat(90)),
    'matches near the end': Buffer.from(`${'0123456789abcdef'.repeat(4)}0123456789ab`),
    // lz4js 0.2.0 starts a match at byte 2 of these 13 (the format allows none after byte 1).
    'lz4js counterexample': Buffer.from('ababababababa'),
    'lz4js counterexample, longer': Buffer.from(`${'q'.repeat(50)}ababababababa`),
    random: randomBytes(5000),
    tiny: Buffer.from('abc'),
  };
  for (const [name, input] of Object.entries(inputs)) {
    it(`follows the format's end rules: ${name}`, () => {
      const dst = new Uint8Array(input.length + 1024);
      const size = compressBlock(input, dst, new Int32Array(1 << 16));
      if (size === 0) return; // stored uncompressed
      expect(size).toBeLessThan(input.length);
      expect(decodeStrict(dst.subarray(0, size), input.length).equals(input)).toBe(true);
    });
  }

  it('frames many blocks, with a last block of a few bytes, that read back', () => {
    const input = lines(6270); // 11 full blocks and 90 bytes
    expect(lz4Decompress(lz4Compress(input)).equals(input)).toBe(true);
  });
});
