import { describe, expect, inject, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { runCli, emptyConfig } from '../harness/run-cli.js';
import { createTopic, uniqueTopic } from '../harness/kafka.js';

// What produce's input becomes on the broker, read back by librdkafka (kcat -J prints headers as
// the ordered list they are on the wire, null values as null), not through ckafka's own decoder.
// .ci/run installs kcat; without it these tests skip.
const { bootstrap } = inject('kafka');
const hasKcat = spawnSync('kcat', ['-V']).status === 0;
const config = emptyConfig();

interface Stored {
  key: string | null;
  payload: string | null;
  headers?: (string | null)[];
}

/** Every record of the topic as kcat -J reads it, in offset order (one partition). */
function stored(topic: string): Stored[] {
  const read = spawnSync('kcat', ['-C', '-b', bootstrap, '-t', topic, '-e', '-q', '-J'], { encoding: 'utf8', timeout: 30_000 });
  expect(read.status, read.stderr).toBe(0);
  return read.stdout.split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as Stored);
}

async function produce(topic: string, args: string[], stdin: string) {
  return runCli(['produce', '--config', config, '-b', bootstrap, '-t', topic, ...args], { stdin });
}

async function topicOf(prefix: string): Promise<string> {
  const topic = uniqueTopic(prefix);
  await createTopic(bootstrap, topic, 1);
  return topic;
}

// Order, repeats (adjacent and with others between), nulls, names an object would inherit or
// reorder ('1' before 'b' in a JavaScript object).
const HEADERS: [string, string | null][] = [
  ['b', '1'], ['a', null], ['b', '2'], ['__proto__', 'p'], ['constructor', 'c'], ['toString', 't'],
  ['valueOf', null], ['hasOwnProperty', 'h'], ['1', 'one'], ['0', ''],
];
const flat = (list: [string, string | null][]) => list.flat();

describe.skipIf(!hasKcat)('produce input as the broker stores it', () => {
  it('--input json: header order, repeated names, null values and prototype names are stored as written', async () => {
    const topic = await topicOf('headers');
    const lines = [
      { payload: 'list', headers_list: HEADERS },
      { payload: 'object', headers: { constructor: 'x', __proto__: null, valueOf: 'v' } },
      { payload: 'entries', headers_list: [{ key: 'hasOwnProperty', value: null }, { key: 'bin', value: 'AP8=', value_encoding: 'base64' }] },
    ];
    // JSON.stringify would drop "__proto__" from an object literal's own keys: write it by hand.
    const text = [JSON.stringify(lines[0]), '{"payload":"object","headers":{"constructor":"x","__proto__":null,"valueOf":"v"}}', JSON.stringify(lines[2])];
    const r = await produce(topic, ['--input', 'json', '-q'], `${text.join('\n')}\n`);
    expect(r.code, r.stderr).toBe(0);
    const got = stored(topic);
    expect(got.map((m) => m.payload)).toEqual(['list', 'object', 'entries']);
    expect(got[0]!.headers).toEqual(flat(HEADERS));
    expect(got[1]!.headers).toEqual(['constructor', 'x', '__proto__', null, 'valueOf', 'v']);
    // kcat prints header values as text: 0x00 0xff is what librdkafka read.
    expect(got[2]!.headers!.slice(0, 3)).toEqual(['hasOwnProperty', null, 'bin']);
  });

  it('-H with prototype names and repeats on text input', async () => {
    const topic = await topicOf('headers-h');
    const r = await produce(topic, ['-H', 'constructor=c', '-H', '__proto__=p', '-H', 'x=1', '-H', 'constructor=again', '-q'], 'one\n');
    expect(r.code, r.stderr).toBe(0);
    expect(stored(topic)[0]!.headers).toEqual(['constructor', 'c', '__proto__', 'p', 'x', '1', 'constructor', 'again']);
  });

  it('--idempotent stores every header list as written (ckafka\'s own batches: order, repeats, null values, prototype names)', async () => {
    const topic = await topicOf('headers-idem');
    const text = [
      JSON.stringify({ payload: 'names', headers_list: [['__proto__', 'p'], ['constructor', 'c'], ['toString', 't'], ['valueOf', 'v'], ['hasOwnProperty', 'h'], ['b', '1'], ['b', '2']] }),
      JSON.stringify({ payload: 'all', headers_list: HEADERS }),
      JSON.stringify({ payload: 'null', headers: { a: null } }),
    ];
    const r = await produce(topic, ['--input', 'json', '--idempotent', '--acks', 'all', '--retries', '3', '-o', 'json'], `${text.join('\n')}\n`);
    const reports = r.stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l) as { status: string; payload: string; errstr?: string });
    expect(reports).toHaveLength(3);
    const got = stored(topic);
    const expected: Record<string, (string | null)[]> = {
      names: ['__proto__', 'p', 'constructor', 'c', 'toString', 't', 'valueOf', 'v', 'hasOwnProperty', 'h', 'b', '1', 'b', '2'],
      all: flat(HEADERS),
      null: ['a', null],
    };
    for (const report of reports) {
      expect(report.status, report.errstr).toBe('delivered');
      expect(got.filter((m) => m.payload === report.payload).map((m) => m.headers)).toEqual([expected[report.payload]]);
    }
    expect(r.code, r.stderr).toBe(0);
  });

  it('--input json: undecodable base64 or hex is a bad line (line number, exit 7), never a changed message', async () => {
    const topic = await topicOf('bad-base64');
    const text = [
      '{"payload":"QUJD","payload_encoding":"base64"}',
      '{"payload":"x","payload_encoding":"base64"}',
      '{"payload":"!!!notbase64","payload_encoding":"base64"}',
      '{"payload":"zz","payload_encoding":"hex"}',
      '{"payload":"ok","key":"4142","key_encoding":"hex"}',
    ];
    const r = await produce(topic, ['--input', 'json', '-q'], `${text.join('\n')}\n`);
    expect(r.code).toBe(7);
    expect(r.stderr.split('\n').filter((l) => l.startsWith('line '))).toEqual([
      'line 2: "payload" is not valid base64 (not sent)',
      'line 3: "payload" is not valid base64 (not sent)',
      'line 4: "payload" is not valid hex (pairs of 0-9, a-f) (not sent)',
    ]);
    expect(stored(topic).map((m) => [m.key, m.payload])).toEqual([[null, 'ABC'], ['AB', 'ok']]);
  });

  it('text input keeps a \\r before the newline (as kcat does); --strip-cr drops it', async () => {
    const topic = await topicOf('cr');
    expect((await produce(topic, ['-q'], 'a\r\nb\r\n\r\nc\r')).code).toBe(0);
    expect((await produce(topic, ['-q', '--strip-cr'], 'd\r\ne\r\r\n')).code).toBe(0);
    expect(stored(topic).map((m) => m.payload)).toEqual(['a\r', 'b\r', '\r', 'c\r', 'd', 'e\r']);
  });
});
