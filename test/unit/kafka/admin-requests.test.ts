import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Reader, Writer } from '../../../src/kafka/admin-requests.js';

describe('Writer and Reader (the wire primitives of our own admin requests)', () => {
  it('writes Kafka\'s big-endian INT8/16/32 and STRING / NULLABLE_STRING', () => {
    const bytes = new Writer().int8(-1).int16(2).int32(47).string('ab').string(null).bytes();
    expect(bytes.toString('hex')).toBe('ff' + '0002' + '0000002f' + '0002' + '6162' + 'ffff');
  });

  it('property: what is written reads back the same, and reading past the end throws', () => {
    fc.assert(
      fc.property(fc.integer({ min: -128, max: 127 }), fc.integer({ min: -32768, max: 32767 }), fc.integer(), fc.option(fc.string({ maxLength: 200 })), (a, b, c, s) => {
        const r = new Reader(new Writer().int8(a).int16(b).int32(c).string(s).bytes());
        expect([r.int8(), r.int16(), r.int32(), r.string()]).toEqual([a, b, c, s]);
        expect(() => r.int8()).toThrow(/ended early/);
      }),
    );
  });
});
