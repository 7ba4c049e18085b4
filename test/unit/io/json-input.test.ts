import { afterEach, describe, expect, it } from 'vitest';
import { parseJsonRecord } from '../../../src/io/json-input.js';
import { streamInput, type InputItem } from '../../../src/io/input.js';
import { setLocale } from '../../../src/i18n/index.js';

const NOW = 1_700_000_000_000;

async function items(text: string, options: Parameters<typeof streamInput>[1] = { headers: [], json: true, now: () => NOW }): Promise<InputItem[]> {
  async function* one(): AsyncGenerator<Buffer> {
    yield Buffer.from(text);
  }
  const out: InputItem[] = [];
  for await (const chunk of streamInput(one(), options)) out.push(...chunk);
  return out;
}

describe('--input json', () => {
  it.each([
    ['x', 'base64'],
    ['!!!notbase64', 'base64'],
    ['QQ=', 'base64'],
    ['QR==', 'base64'],
    ['QUJD RA==', 'base64'],
    ['abc', 'hex'],
    ['zz', 'hex'],
  ])('refuses %j in %s instead of sending other bytes', (payload, encoding) => {
    expect(parseJsonRecord(JSON.stringify({ payload, payload_encoding: encoding }), NOW)).toEqual({
      error: `"payload" is not valid ${encoding}${encoding === 'hex' ? ' (pairs of 0-9, a-f)' : ''}`,
    });
  });

  it.each([
    ['QUJD', 'ABC'],
    ['QUI=', 'AB'],
    ['QUI', 'AB'],
    ['', ''],
    ['-_8=', Buffer.from([0xfb, 0xff]).toString('latin1')],
  ])('takes base64 %j (standard or URL-safe, padded or not)', (payload, bytes) => {
    expect(parseJsonRecord(JSON.stringify({ payload, payload_encoding: 'base64' }), NOW)).toMatchObject({ record: { value: Buffer.from(bytes, 'latin1') } });
  });

  it('reports an undecodable line with its number and sends the others', async () => {
    const got = await items('{"payload":"QUJD","payload_encoding":"base64"}\n{"payload":"x","payload_encoding":"base64"}\n{"payload":"ok"}\n');
    expect(got).toHaveLength(3);
    expect(got[1]).toEqual({ line: 2, error: '"payload" is not valid base64' });
    expect(got.filter((i) => 'record' in i).map((i) => ('record' in i ? i.record.value!.toString() : ''))).toEqual(['ABC', 'ok']);
  });

  it('keeps header order, repeats, nulls and prototype names from headers_list, and -H headers after them', async () => {
    const line = JSON.stringify({
      payload: 'v',
      headers: { constructor: 'ignored: headers_list wins' },
      headers_list: [['b', '1'], ['a', null], ['b', '2'], ['__proto__', 'p'], ['constructor', 'c'], { key: 'toString', value: 'AAE=', value_encoding: 'base64' }],
    });
    const [item] = await items(`${line}\n`, { headers: [{ key: 'h', value: Buffer.from('x') }], json: true, now: () => NOW });
    expect(item).toHaveProperty('record');
    const headers = 'record' in item! ? item.record.headers : [];
    expect(headers.map((h) => [h.key, h.value === null ? null : h.value.toString('latin1')])).toEqual([
      ['b', '1'], ['a', null], ['b', '2'], ['__proto__', 'p'], ['constructor', 'c'], ['toString', '\x00\x01'], ['h', 'x'],
    ]);
  });

  it('takes the headers object with prototype names as ordinary names', () => {
    const parsed = parseJsonRecord('{"payload":"v","headers":{"__proto__":"p","valueOf":null,"hasOwnProperty":"h"}}', NOW);
    expect('record' in parsed && parsed.record.headers).toEqual([
      { key: '__proto__', value: Buffer.from('p') },
      { key: 'valueOf', value: null },
      { key: 'hasOwnProperty', value: Buffer.from('h') },
    ]);
  });

  it('takes timestamp -1 (how consume prints a message without one) as "now"', () => {
    expect(parseJsonRecord('{"payload":"v","timestamp":-1}', NOW)).toMatchObject({ record: { timestamp: NOW } });
    expect(parseJsonRecord('{"payload":"v","timestamp":-2}', NOW)).toHaveProperty('error');
    expect(parseJsonRecord('{"payload":"v","timestamp":1e300}', NOW)).toHaveProperty('error');
  });
});

describe('--input json in Chinese', () => {
  afterEach(() => setLocale('en'));

  const LINES = [
    '{"value":"ok"}',
    '{"value":"a",}',
    '{"value" 1}',
    '[1]',
    '{"key":"k"}',
    '{"payload":"zz","payload_encoding":"hex"}',
    '{"value":"v","headers":{"h":"x"},"partition":-1}',
    '{"value":"v","headers":[{"key":"h","value":"QQ","value_encoding":"rot13"}]}',
    '{"value":"v","timestamp":"yesterday"}',
    '{"value":"v"',
  ];

  it('reports each bad line in Chinese, with the same line numbers and the same records', async () => {
    const text = `${LINES.join('\n')}\n`;
    const en = await items(text);
    setLocale('zh-CN');
    const zh = await items(text);
    const lines = (list: InputItem[]) => list.map((item) => ('error' in item ? item.line : 'record' in item ? item.record.line : -1));
    expect(lines(zh)).toEqual(lines(en));
    expect(zh.filter((item) => 'record' in item)).toEqual(en.filter((item) => 'record' in item));
    const errors = (list: InputItem[]) => list.flatMap((item) => ('error' in item ? [item.error] : []));
    expect(errors(en)).toEqual([
      'invalid JSON at column 14: expected double-quoted property name',
      "invalid JSON at column 10: expected ':' after property name",
      'expected a JSON object with "value" (or "payload"), optional "key", "headers", "partition", "timestamp"',
      'missing "value" (or "payload")',
      '"payload" is not valid hex (pairs of 0-9, a-f)',
      '"partition" must be a whole number from 0 to 2147483647',
      '"value_encoding of header "h"" must be utf8, base64 or hex',
      '"timestamp" must be milliseconds since the epoch (0 or more) or an ISO date',
      'invalid JSON at column 13: unexpected end of the file',
    ]);
    expect(errors(zh)).toEqual([
      'JSON 格式无效（第 14 列）：属性名应使用双引号',
      "JSON 格式无效（第 10 列）：属性名之后应为 ':'",
      '应为一个 JSON 对象，包含 "value"（或 "payload"），以及可选的 "key"、"headers"、"partition"、"timestamp"',
      '缺少 "value"（或 "payload"）',
      '"payload" 不是有效的 hex（成对的 0-9、a-f）',
      '"partition" 必须是 0 到 2147483647 之间的整数',
      '消息头 "h" 的 "value_encoding" 必须是 utf8、base64 或 hex',
      '"timestamp" 必须是自 Unix 纪元起的毫秒数（0 或更大）或 ISO 格式的日期',
      'JSON 格式无效（第 13 列）：内容意外结束',
    ]);
  });
});
