import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { messagePredicate, parseMatch } from '../../../src/ops/message-filter.js';
import { CkafkaError } from '../../../src/errors/errors.js';
import type { ConsumedMessage, Header } from '../../../src/kafka/records.js';

const msg = (fields: { key?: Buffer | null; value?: Buffer | null; headers?: Header[] }): ConsumedMessage => ({
  topic: 't', partition: 0, offset: '0', timestamp: 0, key: fields.key ?? null, value: fields.value ?? null, headers: fields.headers ?? [],
});
const h = (key: string, value: string | null): Header => ({ key, value: value === null ? null : Buffer.from(value) });
const matches = (specs: string[], m: ConsumedMessage, encoding: 'utf8' | 'base64' | 'hex' = 'utf8') =>
  messagePredicate(specs.map(parseMatch), encoding)!(m);
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');

describe('parseMatch', () => {
  it.each([
    ['key:^user', { kind: 'key' }, '^user'],
    ['value:"status":"failed"', { kind: 'value' }, '"status":"failed"'],
    ['header.trace-id:^abc$', { kind: 'header', name: 'trace-id' }, '^abc$'],
    ['header.constructor:x', { kind: 'header', name: 'constructor' }, 'x'],
    ['value:', { kind: 'value' }, '(?:)'],
  ])('%s', (text, field, source) => {
    const spec = parseMatch(text);
    expect(spec.field).toEqual(field);
    expect(spec.pattern.source).toBe(source);
  });

  it.each([
    ['value', /no field/],
    ['payload:x', /unknown field 'payload'/],
    ['header.:x', /unknown field 'header\.'/],
    ['value:(unclosed', /invalid regular expression '\(unclosed'/],
    ['key:a{2,1}', /invalid regular expression/],
  ])('refuses %j as a usage error', (text, message) => {
    try {
      parseMatch(text);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(CkafkaError);
      expect((e as CkafkaError).kind).toBe('usage');
      expect((e as CkafkaError).message).toMatch(message);
    }
  });
});

describe('messagePredicate', () => {
  it('none: no predicate at all (nothing to pay per message)', () => {
    expect(messagePredicate([], 'utf8')).toBeNull();
  });

  it('all specs must match', () => {
    const m = msg({ key: Buffer.from('user42'), value: Buffer.from('{"status":"failed"}'), headers: [h('source', 'web')] });
    expect(matches(['key:^user', 'value:failed', 'header.source:^web$'], m)).toBe(true);
    expect(matches(['key:^user', 'value:failed', 'header.source:^ci$'], m)).toBe(false);
  });

  it('a repeated header matches when any of its values does; names are compared as they are', () => {
    const m = msg({ headers: [h('tag', 'a'), h('Tag', 'b'), h('tag', 'c'), h('constructor', 'x'), h('__proto__', 'y'), h('empty', null)] });
    expect(matches(['header.tag:^c$'], m)).toBe(true);
    expect(matches(['header.tag:^b$'], m)).toBe(false);
    expect(matches(['header.constructor:^x$'], m)).toBe(true);
    expect(matches(['header.__proto__:^y$'], m)).toBe(true);
    expect(matches(['header.toString:'], m)).toBe(false);
    expect(matches(['header.missing:'], m)).toBe(false);
    expect(matches(['header.empty:'], m)).toBe(false);
  });

  it('an absent key or value never matches, an empty one can', () => {
    expect(matches(['key:'], msg({ value: Buffer.from('v') }))).toBe(false);
    expect(matches(['key:^$'], msg({ key: Buffer.alloc(0) }))).toBe(true);
    expect(matches(['value:^$'], msg({}))).toBe(false);
  });

  it('tests the text the --encoding shows', () => {
    const m = msg({ value: Buffer.from([0xde, 0xad, 0xbe, 0xef]) });
    expect(matches(['value:^deadbeef$'], m, 'hex')).toBe(true);
    expect(matches(['value:^3q2\\+7w==$'], m, 'base64')).toBe(true);
    expect(matches(['value:^\\ufffd+$'], msg({ value: Buffer.from([0xff, 0xfe]) }), 'utf8')).toBe(true);
    expect(matches(['value:é'], msg({ value: Buffer.from('café') }), 'utf8')).toBe(true);
  });

  it('matches exactly the messages whose shown text contains a literal (any bytes, any encoding)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), fc.uint8Array({ maxLength: 4 }), fc.constantFrom('utf8', 'base64', 'hex'), (bytes, needleBytes, encoding) => {
        const value = Buffer.from(bytes);
        const needle = Buffer.from(needleBytes).toString(encoding);
        const m = msg({ value, key: value, headers: [h('x', 'other'), { key: 'x', value }] });
        const expected = value.toString(encoding).includes(needle);
        const p = escape(needle);
        expect(matches([`value:${p}`], m, encoding)).toBe(expected);
        expect(matches([`key:${p}`], m, encoding)).toBe(expected);
        expect(matches([`header.x:${p}`], m, encoding)).toBe(expected || Buffer.from('other').toString(encoding).includes(needle));
      }),
      { numRuns: 500 },
    );
  });
});
