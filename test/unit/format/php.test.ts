import { describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { phpMessageExport, type PhpMessage } from '../../../src/format/php.js';

// The demo's output, verbatim (SPEC.md Appendix A), and PHP's own var_export of the same fields
// for random messages: binary bytes, quotes, backslashes, NULs, numeric and repeated header names.

const APPENDIX_PRODUCER = `\\RdKafka\\Message::__set_state(array(
   'err' => 0,
   'topic_name' => 'php-demo-topic',
   'timestamp' => 1795665927986,
   'partition' => 0,
   'payload' => 'Message 1',
   'len' => 9,
   'key' => NULL,
   'offset' => 0,
   'headers' => 
  array (
  ),
   'opaque' => NULL,
))`;

const APPENDIX_CONSUMER = `\\RdKafka\\Message::__set_state(array(
   'err' => 0,
   'topic_name' => 'php-demo-dup-1795666091',
   'timestamp' => 1795666091230,
   'partition' => 2,
   'payload' => 'dup',
   'len' => 3,
   'key' => 'dk',
   'offset' => 0,
   'headers' => 
  array (
    'h' => '2',
    'bin' => '',
  ),
   'opaque' => NULL,
))`;

const b = (text: string) => Buffer.from(text, 'utf8');

describe('phpMessageExport', () => {
  it("prints the demo producer's delivery report byte for byte", () => {
    const m: PhpMessage = { err: 0, topic: 'php-demo-topic', timestamp: 1795665927986, partition: 0, value: b('Message 1'), key: null, offset: '0', headers: [] };
    expect(phpMessageExport(m).toString('utf8')).toBe(APPENDIX_PRODUCER);
  });

  it("prints the demo consumer's message with kcat's headers (h twice, the last wins; bin empty)", () => {
    const m: PhpMessage = {
      err: 0,
      topic: 'php-demo-dup-1795666091',
      timestamp: 1795666091230,
      partition: 2,
      value: b('dup'),
      key: b('dk'),
      offset: '0',
      headers: [
        { key: 'h', value: b('1') },
        { key: 'h', value: b('2') },
        { key: 'bin', value: b('') },
      ],
    };
    expect(phpMessageExport(m).toString('utf8')).toBe(APPENDIX_CONSUMER);
  });

  it('escapes quotes and backslashes, breaks out NULs, keeps other bytes as they are', () => {
    const m: PhpMessage = { err: 0, topic: 't', timestamp: -1, partition: 1, value: Buffer.from([0x27, 0x5c, 0x00, 0xff, 0x0a]), key: b(''), offset: -1001, headers: [{ key: '7', value: null }] };
    const text = phpMessageExport(m).toString('latin1');
    expect(text).toContain(`   'payload' => '\\'\\\\' . "\\0" . '\xff\n',\n`);
    expect(text).toContain("   'key' => NULL,\n");
    expect(text).toContain("    7 => '',\n");
    expect(text).toContain("   'timestamp' => -1,\n");
    expect(text).toContain("   'offset' => -1001,\n");
  });
});

const php = spawnSync('php', ['-v']).status === 0;

describe.skipIf(!php)("phpMessageExport against PHP's own var_export", () => {
  it('matches for random messages', () => {
    const bytes = fc.uint8Array({ maxLength: 40 }).map((a) => Buffer.from(a));
    const tricky = fc.constantFrom("'", '\\', '\0', "a'b\\c", '0', '12', '-3', '007', '1.5', '9223372036854775808', 'constructor', '__proto__', '中文', '');
    const name = fc.oneof(tricky, fc.string({ maxLength: 8 }));
    const header = fc.record({ key: name, value: fc.option(bytes, { nil: null }) });
    const message = fc.record({
      err: fc.integer({ min: -200, max: 100 }),
      topic: fc.oneof(fc.stringMatching(/^[A-Za-z0-9._-]{1,20}$/), tricky),
      timestamp: fc.oneof(fc.constant(-1), fc.integer({ min: 0, max: 2 ** 45 })),
      partition: fc.integer({ min: 0, max: 100 }),
      value: fc.option(bytes, { nil: null }),
      key: fc.option(bytes, { nil: null }),
      offset: fc.oneof(fc.constant(-1001), fc.bigInt({ min: 0n, max: 2n ** 62n }).map(String)),
      headers: fc.array(header, { maxLength: 5 }),
    });
    const cases = fc.sample(message, { numRuns: 300, seed: 20261201 });
    const ours = cases.map((m) => phpMessageExport(m).toString('base64'));
    expect(phpExport(cases)).toEqual(ours);
  });
});

/** Each message through PHP 8's var_export of an object with RdKafka\Message's properties, in order. */
function phpExport(cases: PhpMessage[]): string[] {
  const b64 = (x: Buffer | null) => (x === null ? null : x.toString('base64'));
  const input = cases.map((m) => ({
    err: m.err,
    topic_name: Buffer.from(m.topic, 'utf8').toString('base64'),
    timestamp: m.timestamp,
    partition: m.partition,
    payload: b64(m.value),
    key: m.key === null || m.key.length === 0 ? null : b64(m.key),
    offset: String(m.offset),
    headers: m.headers.map((h) => [Buffer.from(h.key.split('\0', 1)[0] ?? '', 'utf8').toString('base64'), b64(h.value ?? Buffer.alloc(0))]),
  }));
  const script = `<?php
namespace RdKafka;
class Message { public $err; public $topic_name; public $timestamp; public $partition; public $payload; public $len; public $key; public $offset; public $headers; public $opaque; }
foreach (json_decode(stream_get_contents(STDIN), true) as $c) {
  $m = new Message();
  $m->err = $c['err'];
  $m->topic_name = base64_decode($c['topic_name']);
  $m->timestamp = $c['timestamp'];
  $m->partition = $c['partition'];
  $m->payload = $c['payload'] === null ? null : base64_decode($c['payload']);
  $m->len = $m->payload === null ? 0 : strlen($m->payload);
  $m->key = $c['key'] === null ? null : base64_decode($c['key']);
  $m->offset = intval($c['offset']);
  $m->headers = [];
  foreach ($c['headers'] as [$k, $v]) { $m->headers[base64_decode($k)] = base64_decode($v); }
  echo base64_encode(var_export($m, true)), "\\n";
}`;
  const out = execFileSync('php', ['-d', 'display_errors=stderr', '-r', script.replace(/^<\?php\n/, '')], { input: JSON.stringify(input), encoding: 'utf8', maxBuffer: 64 << 20 });
  return out.split('\n').filter(Boolean);
}
