import { describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { applyDecodeSpeedups } from '../../../src/kafka/decode-speedups.js';

const require = createRequire(import.meta.url);
interface Long {
  toString(): string;
}
const Long = require('kafkajs/src/utils/long.js') as { fromString(s: string): Long; fromValue(v: unknown): Long };
const Encoder = require('kafkajs/src/protocol/encoder.js') as new () => { writeVarLong(v: unknown): unknown; buffer: Buffer };
const Decoder = require('kafkajs/src/protocol/decoder.js') as new (b: Buffer) => { readVarLong(): Long; offset: number };

// Values around every varint length boundary, both signs, up to the full 64-bit range.
const values: string[] = ['0', '1', '-1', '63', '-64', '64', '-65', '1718000000000', '-1718000000000'];
for (let bits = 6; bits < 64; bits += 7) {
  for (const delta of [-1n, 0n, 1n]) {
    const v = (1n << BigInt(bits)) + delta;
    values.push(String(v), String(-v));
  }
}
values.push('9223372036854775807', '-9223372036854775808');

function encodeAll(): Buffer {
  const encoder = new Encoder();
  for (const v of values) encoder.writeVarLong(Long.fromString(v));
  return encoder.buffer;
}

function decodeAll(buffer: Buffer): { decoded: string[]; offset: number } {
  const decoder = new Decoder(buffer);
  const decoded = values.map(() => decoder.readVarLong().toString());
  return { decoded, offset: decoder.offset };
}

describe('kafkajs decode speedups', () => {
  it('read every varlong exactly as kafkajs does', () => {
    const buffer = encodeAll();
    const before = decodeAll(buffer);
    expect(before.decoded).toEqual(values);
    applyDecodeSpeedups();
    const after = decodeAll(buffer);
    expect(after).toEqual(before);
  });

  it('parse strings to the same Longs, repeated or not', () => {
    applyDecodeSpeedups();
    for (const v of ['5', '6', '5', '5', '7', '6', '-3', '9223372036854775807']) {
      expect(Long.fromValue(v).toString()).toBe(v);
      expect(Long.fromString(v).toString()).toBe(v);
    }
  });
});
