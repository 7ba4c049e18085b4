import { describe, expect, it } from 'vitest';
import { Chalk } from 'chalk';
import { messageJsonLine, messageRenderer, messageText } from '../../../src/format/message-text.js';
import { messageJson } from '../../../src/format/message-json.js';
import type { ConsumedMessage } from '../../../src/kafka/records.js';

const plain = new Chalk({ level: 0 });
const coloured = new Chalk({ level: 1 });

const message = (over: Partial<ConsumedMessage> = {}): ConsumedMessage => ({
  topic: 'orders',
  partition: 0,
  offset: '7',
  timestamp: Date.UTC(2024, 5, 1, 12),
  key: null,
  value: Buffer.from('Message 0'),
  headers: [],
  ...over,
});

describe('readable text', () => {
  it('shows where, when, key, length, headers, then the payload', () => {
    const m = message({ key: Buffer.from('k'), headers: [{ key: 'trace', value: Buffer.from('abc') }] });
    expect(messageText(m, plain, 'utf8')).toBe('orders [0] @ 7  2024-06-01T12:00:00.000Z  key k  len 9  headers trace=abc\nMessage 0\n');
  });
  it('marks a missing key and a null payload', () => {
    expect(messageText(message({ value: null }), plain, 'utf8')).toBe('orders [0] @ 7  2024-06-01T12:00:00.000Z  key -  len 0\n(null)\n');
  });
  it('escapes control characters and invalid UTF-8, so a message stays two lines', () => {
    const text = messageText(message({ value: Buffer.from([0x61, 0x0a, 0xff]) }), plain, 'utf8');
    expect(text.split('\n')[1]).toBe('a\\x0a\\xff');
  });
  it('shows valid UTF-8 as it is, in text and JSON', () => {
    const m = message({ value: Buffer.from('é 中文 "q"'), key: Buffer.from('ключ') });
    expect(messageText(m, plain, 'utf8').split('\n')[1]).toBe('é 中文 "q"');
    const json = JSON.parse(String(messageRenderer({ kind: 'json' }, plain, 'utf8')([m]))) as Record<string, unknown>;
    expect(json).toMatchObject({ payload: 'é 中文 "q"', key: 'ключ' });
    expect(json.payload_encoding).toBeUndefined();
  });

  it('colours only when asked', () => {
    expect(messageText(message(), coloured, 'utf8')).toContain('\u001b[');
    expect(messageText(message(), plain, 'utf8')).not.toContain('\u001b[');
  });
});

describe('messageRenderer', () => {
  const batch = [message(), message({ offset: '8', value: Buffer.from('Message 1'), key: Buffer.from('k') })];

  it('renders JSON lines with RdKafka\\Message field names', () => {
    const out = String(messageRenderer({ kind: 'json' }, plain, 'utf8')(batch));
    const lines = out.trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(2);
    expect(Object.keys(lines[0]!)).toEqual(['err', 'topic_name', 'timestamp', 'partition', 'payload', 'len', 'key', 'offset', 'headers']);
    expect(lines[1]).toMatchObject({ err: 0, topic_name: 'orders', partition: 0, payload: 'Message 1', len: 9, key: 'k', offset: 8, headers: {} });
  });

  it('renders raw values one per line, bytes unchanged', () => {
    const bin = [message({ value: Buffer.from([0xff, 0xfe]) }), message({ value: null }), message()];
    const out = messageRenderer({ kind: 'raw' }, plain, 'utf8')(bin);
    expect(Buffer.isBuffer(out)).toBe(true);
    expect(out).toEqual(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('\n\nMessage 0\n')]));
  });

  it('encodes raw values when asked', () => {
    expect(String(messageRenderer({ kind: 'raw' }, plain, 'hex')([message({ value: Buffer.from('AB') })]))).toBe('4142\n');
  });

  it('renders a format string per message', () => {
    expect(String(messageRenderer({ kind: 'format', format: '%o:%s\\n' }, plain, 'utf8')(batch))).toBe('7:Message 0\n8:Message 1\n');
  });

  it('renders the readable default per message', () => {
    const out = String(messageRenderer({ kind: 'text' }, plain, 'utf8')(batch));
    expect(out.split('\n')).toHaveLength(5);
  });
});

describe('messageJsonLine', () => {
  const cases: [string, Partial<ConsumedMessage>][] = [
    ['plain', {}],
    ['key and headers', { key: Buffer.from('k'), headers: [{ key: 'a', value: Buffer.from('1') }, { key: 'b', value: null }] }],
    ['repeated header names', { headers: [{ key: 'a', value: Buffer.from('1') }, { key: 'a', value: Buffer.from('2') }] }],
    ['quotes, backslashes, control characters, unicode', { value: Buffer.from('"q" \\ \n\t\u0001 é 中文 😀 \u2028'), key: Buffer.from('ключ') }],
    ['binary value and key', { value: Buffer.from([0xff, 0x00]), key: Buffer.from([0xc3]) }],
    ['binary header value', { headers: [{ key: 'h', value: Buffer.from([0xff]) }] }],
    ['null and empty', { value: null, key: Buffer.alloc(0) }],
    ['empty value', { value: Buffer.alloc(0) }],
    ['big offset, negative timestamp', { offset: '9007199254740993', timestamp: -1 }],
    ['odd topic name', { topic: 'a"b\\c' }],
  ];
  it.each(cases)('is JSON.stringify(messageJson(…)) exactly: %s', (_name, over) => {
    const m = message(over);
    for (const encoding of ['utf8', 'base64', 'hex'] as const) {
      expect(messageJsonLine(m, encoding)).toBe(`${JSON.stringify(messageJson(m, encoding))}\n`);
    }
  });
});

describe('headers named like Object.prototype members, repeated, null, in wire order (every format)', () => {
  const wire: [string, string | null][] = [
    ['constructor', 'x'], ['a', '1'], ['toString', 'y'], ['a', '2'], ['__proto__', 'p'], ['valueOf', null], ['hasOwnProperty', 'h'], ['2', 'two'],
  ];
  const m = message({ headers: wire.map(([key, v]) => ({ key, value: v === null ? null : Buffer.from(v) })) });
  const render = (format: Parameters<typeof messageRenderer>[0]) => messageRenderer(format, plain, 'utf8')([m]).toString();

  it('json: headers_list is the wire list; headers has every name as an own key, null kept', () => {
    const line = JSON.parse(render({ kind: 'json' })) as { headers: Record<string, unknown>; headers_list: unknown };
    expect(line.headers_list).toEqual(wire);
    expect(Object.keys(line.headers).sort()).toEqual(['2', '__proto__', 'a', 'constructor', 'hasOwnProperty', 'toString', 'valueOf']);
    expect(line.headers['constructor']).toBe('x');
    expect(line.headers['valueOf']).toBeNull();
    expect(Object.getOwnPropertyDescriptor(line.headers, '__proto__')?.value).toBe('p');
  });

  it('json: names that a JSON object would reorder ("2" before "b") also give headers_list', () => {
    const reordered = message({ headers: [{ key: 'b', value: Buffer.from('1') }, { key: '2', value: Buffer.from('2') }] });
    expect(JSON.parse(messageJsonLine(reordered, 'utf8')).headers_list).toEqual([['b', '1'], ['2', '2']]);
    const plainOrder = message({ headers: [{ key: 'b', value: Buffer.from('1') }, { key: 'c', value: null }] });
    expect(JSON.parse(messageJsonLine(plainOrder, 'utf8'))).not.toHaveProperty('headers_list');
  });

  it('text and -f %h: every header in order, a null value as the name alone', () => {
    const expected = 'constructor=x,a=1,toString=y,a=2,__proto__=p,valueOf,hasOwnProperty=h,2=two';
    expect(render({ kind: 'text' })).toContain(`headers ${expected}\n`);
    expect(render({ kind: 'format', format: '%h\\n' })).toBe(`${expected}\n`);
  });

  it('raw: the value only', () => {
    expect(render({ kind: 'raw' })).toBe('Message 0\n');
  });
});
