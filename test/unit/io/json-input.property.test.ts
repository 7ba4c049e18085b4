import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseJsonRecord } from '../../../src/io/json-input.js';
import type { Header } from '../../../src/kafka/records.js';

// --input json: a line built from any bytes and headers decodes to exactly them; any line at all
// gives a record or a reason, never an exception.

const NOW = 1_700_000_000_000;
const PROTOTYPE_NAMES = ['constructor', 'toString', 'valueOf', 'hasOwnProperty', '__proto__', 'isPrototypeOf', '__defineGetter__'];

// Any UTF-16 code units, lone surrogates included: not every JSON string is text.
const anyString = fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 30 });
const text = fc.string({ unit: 'binary', maxLength: 40 });
const bytes = fc.uint8Array({ maxLength: 60 }).map((a) => Buffer.from(a));
const name = fc.oneof(fc.constantFrom(...PROTOTYPE_NAMES, '1', '0', 'a'), text);
const header = fc.record({ key: name, value: fc.option(bytes, { nil: null }) });
const encoding = fc.constantFrom('base64', 'hex', 'utf8');

/** The JSON form of some bytes in an encoding; null when utf8 cannot say them exactly. */
function encoded(b: Buffer, enc: string): string | null {
  if (enc === 'utf8') return Buffer.from(b.toString('utf8')).equals(b) ? b.toString('utf8') : null;
  return b.toString(enc as BufferEncoding);
}

describe('parseJsonRecord (property)', () => {
  it('decodes a line built from random keys, values and headers (nulls, repeats, prototype names) to exactly them', () => {
    fc.assert(
      fc.property(
        fc.option(bytes, { nil: null }),
        fc.option(bytes, { nil: null }),
        fc.array(header, { maxLength: 8 }),
        encoding,
        encoding,
        fc.constantFrom('payload', 'value'),
        (key, value, headers, keyEnc, valueEnc, valueField) => {
          const k = key === null ? null : encoded(key, keyEnc);
          const v = value === null ? null : encoded(value, valueEnc);
          fc.pre((key === null || k !== null) && (value === null || v !== null));
          const line: Record<string, unknown> = {
            key: k,
            key_encoding: keyEnc,
            [valueField]: v,
            payload_encoding: valueEnc,
            // Binary-safe: every header value in base64; the list keeps order and repeats.
            headers_list: headers.map((h) => ({ key: h.key, value: h.value === null ? null : h.value.toString('base64'), value_encoding: 'base64' })),
          };
          const parsed = parseJsonRecord(Buffer.from(JSON.stringify(line)), NOW);
          if ('error' in parsed) throw new Error(parsed.error);
          const r = parsed.record;
          expect(r.key).toEqual(key);
          expect(r.value).toEqual(value);
          expect(r.headers).toEqual(headers satisfies Header[]);
          expect(r.timestamp).toBe(NOW);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('reads the headers object consume prints (string values and null) in order, prototype names included', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.record({ key: name, value: fc.option(text, { nil: null }) }), { selector: (h) => h.key, maxLength: 8 }), (list) => {
        // Names written in this order into the JSON text (JSON.stringify of an object would move '1' first).
        const body = list.map((h) => `${JSON.stringify(h.key)}:${JSON.stringify(h.value)}`).join(',');
        const parsed = parseJsonRecord(`{"payload":"x","headers":{${body}}}`, NOW);
        if ('error' in parsed) throw new Error(parsed.error);
        const got = parsed.record.headers.map((h) => ({ key: h.key, value: h.value === null ? null : h.value.toString('utf8') }));
        // Object.entries lists integer-like names first: that is JSON objects' order in JavaScript,
        // and why consume prints headers_list when the order matters.
        const intLike = (k: string) => /^(0|[1-9]\d*)$/.test(k) && Number(k) < 2 ** 32 - 1;
        const order = [...list.filter((h) => intLike(h.key)).sort((a, b) => Number(a.key) - Number(b.key)), ...list.filter((h) => !intLike(h.key))];
        expect(got).toEqual(order);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws, whatever the line: a record or a reason', () => {
    const field = fc.constantFrom('key', 'value', 'payload', 'headers', 'headers_list', 'partition', 'timestamp', 'key_encoding', 'payload_encoding', '__proto__', 'constructor');
    const json = fc.dictionary(field, fc.oneof(fc.jsonValue({ maxDepth: 3 }), anyString, fc.constantFrom('base64', 'hex', 'utf8')), { maxKeys: 6 });
    const line = fc.oneof(
      json.map((o) => Buffer.from(JSON.stringify(o))),
      anyString.map((s) => Buffer.from(s)),
      fc.uint8Array({ maxLength: 80 }).map((a) => Buffer.from(a)),
    );
    fc.assert(
      fc.property(line, (l) => {
        const parsed = parseJsonRecord(l, NOW);
        expect('record' in parsed || (typeof parsed.error === 'string' && parsed.error.length > 0)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('never delivers a string it could not decode exactly: base64 and hex either round-trip or are refused', () => {
    const alphabet = fc.string({ unit: fc.constantFrom(...'AZaz09+/=-_!x \n'.split('')), maxLength: 12 });
    fc.assert(
      fc.property(alphabet, fc.constantFrom('base64', 'hex'), (s, enc) => {
        const parsed = parseJsonRecord(JSON.stringify({ payload: s, payload_encoding: enc }), NOW);
        if ('error' in parsed) return;
        const again = parsed.record.value!.toString(enc as BufferEncoding);
        const normal = (t: string) => t.replace(/=+$/, '').replace(/-/g, '+').replace(/_/g, '/').toLowerCase();
        expect(normal(again)).toBe(normal(s));
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses text it cannot send as UTF-8 unchanged: lone surrogates in a value, a key or a header name, and lines that are not UTF-8', () => {
    for (const line of [
      '{"payload":"a\\ud800b"}',
      '{"payload":"x","key":"\\udc00"}',
      '{"payload":"x","headers":{"\\ud83d":"v"}}',
      '{"payload":"x","headers":{"h":"\\ud83d"}}',
    ]) {
      expect(parseJsonRecord(line, NOW)).toHaveProperty('error');
    }
    expect(parseJsonRecord(Buffer.from([0x7b, 0x22, 0x70, 0x61, 0x79, 0x6c, 0x6f, 0x61, 0x64, 0x22, 0x3a, 0x22, 0xff, 0x22, 0x7d]), NOW)).toEqual({
      error: 'the line is not valid UTF-8 (binary data goes in base64 or hex with "payload_encoding")',
    });
    // A real surrogate pair is text.
    expect(parseJsonRecord('{"payload":"\\ud83d\\ude00"}', NOW)).toMatchObject({ record: { value: Buffer.from('😀') } });
  });
});
