import { beforeAll, describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { decodeFetchResponse } from '../../../src/kafka/fetch-decoder.js';
import { registerCodecs } from '../../../src/kafka/codecs/index.js';

// kafkajs's own encoders build Fetch v11 responses; its own decoder is the reference.
const require = createRequire(import.meta.url);
interface Encoder {
  writeInt8(v: number): Encoder;
  writeVarInt(v: number): Encoder;
  writeVarLong(v: unknown): Encoder;
  writeVarIntBytes(v: Buffer | string | null): Encoder;
  writeVarIntArray(v: Encoder[]): Encoder;
  writeInt16(v: number): Encoder;
  writeInt32(v: number): Encoder;
  writeInt64(v: unknown): Encoder;
  writeString(v: string): Encoder;
  writeBuffer(v: Buffer): Encoder;
  buffer: Buffer;
}
const EncoderClass = require('kafkajs/src/protocol/encoder.js') as new () => Encoder;
const { RecordBatch } = require('kafkajs/src/protocol/recordBatch/v0/index.js') as { RecordBatch: (o: Record<string, unknown>) => Promise<Encoder> };
const RecordV0 = require('kafkajs/src/protocol/recordBatch/record/v0/index.js') as (o: Record<string, unknown>) => Encoder;
const MessageSet = require('kafkajs/src/protocol/messageSet/index.js') as (o: Record<string, unknown>) => Encoder;
const Header = require('kafkajs/src/protocol/recordBatch/header/v0/index.js') as (o: { key: string; value: Buffer | string | null }) => Encoder;
const Long = require('kafkajs/src/utils/long.js') as { fromValue(v: unknown): unknown };
const kafkajsV11 = require('kafkajs/src/protocol/requests/fetch/v11/response.js') as { decode(b: Buffer): Promise<unknown> };
const kafkajsDecode = kafkajsV11.decode;

interface Rec {
  key?: Buffer | string | null;
  value: Buffer | string | null;
  headers?: Record<string, string | Buffer | (string | Buffer)[]>;
  offsetDelta?: number;
  timestampDelta?: number | string;
}

async function batch(records: Rec[], options: { firstOffset?: string; firstTimestamp?: string; maxTimestamp?: string; compression?: number; transactional?: boolean; producerId?: string; attributesOr?: number } = {}): Promise<Buffer> {
  const encoded = records.map((r, i) =>
    RecordV0({ offsetDelta: r.offsetDelta ?? i, timestampDelta: Long.fromValue(r.timestampDelta ?? i * 3), key: r.key ?? null, value: r.value, headers: r.headers ?? {} }),
  );
  const enc = await RecordBatch({
    compression: options.compression ?? 0,
    firstOffset: Long.fromValue(options.firstOffset ?? '100'),
    firstTimestamp: Long.fromValue(options.firstTimestamp ?? '1718000000000'),
    maxTimestamp: Long.fromValue(options.maxTimestamp ?? '1718000000099'),
    lastOffsetDelta: records.length - 1,
    transactional: options.transactional ?? false,
    producerId: Long.fromValue(options.producerId ?? '-1'),
    producerEpoch: 2,
    firstSequence: 7,
    records: encoded,
  });
  const out = Buffer.from(enc.buffer);
  // Attribute bits the encoder does not set (control batch, LogAppendTime); kafkajs checks no CRC.
  if (options.attributesOr) out.writeInt16BE(out.readInt16BE(21) | options.attributesOr, 21);
  return out;
}

interface Part {
  partition: number;
  records: Buffer;
  aborted?: [string, string][];
}

function response(topics: [string, Part[]][]): Buffer {
  const e = new EncoderClass().writeInt32(5).writeInt16(0).writeInt32(77).writeInt32(topics.length);
  for (const [name, parts] of topics) {
    e.writeString(name).writeInt32(parts.length);
    for (const p of parts) {
      e.writeInt32(p.partition).writeInt16(0).writeInt64(Long.fromValue('1000')).writeInt64(Long.fromValue('990')).writeInt64(Long.fromValue('0'));
      const aborted = p.aborted ?? [];
      e.writeInt32(aborted.length);
      for (const [pid, first] of aborted) e.writeInt64(Long.fromValue(pid)).writeInt64(Long.fromValue(first));
      e.writeInt32(-1).writeInt32(p.records.length).writeBuffer(p.records);
    }
  }
  return e.buffer;
}

/** A record with headers exactly as listed (kafkajs's record encoder takes them as an object). */
function rawRecord(offsetDelta: number, value: string, headers: [string, string | null][]): Encoder {
  const body = new EncoderClass()
    .writeInt8(0)
    .writeVarLong(Long.fromValue(0))
    .writeVarInt(offsetDelta)
    .writeVarIntBytes(null)
    .writeVarIntBytes(value)
    .writeVarIntArray(headers.map(([key, v]) => Header({ key, value: v })));
  return new EncoderClass().writeVarInt(body.buffer.length).writeBuffer(body.buffer);
}

type Decoded = { responses: { partitions: { messages: { headers: unknown }[] }[] }[] };

/**
 * kafkajs's header object as the ordered list ckafka's decoder gives (the same headers when no
 * name comes back after another name, as in these records).
 */
function asHeaderList(decoded: Decoded): Decoded {
  for (const t of decoded.responses) {
    for (const p of t.partitions) {
      for (const m of p.messages) {
        if (Array.isArray(m.headers) || m.headers === undefined) continue;
        const h = m.headers as Record<string, Buffer | null | (Buffer | null)[]>;
        m.headers = Object.keys(h).flatMap((key) => {
          const v = h[key]!;
          return (Array.isArray(v) ? v : [v]).map((value) => ({ key, value }));
        });
      }
    }
  }
  return decoded;
}

async function same(raw: Buffer): Promise<unknown> {
  const expected = asHeaderList((await kafkajsDecode(raw)) as Decoded);
  const actual = await decodeFetchResponse(raw);
  expect(actual).toEqual(expected);
  return actual;
}

const plain: Rec[] = [
  { key: 'k1', value: 'v1' },
  { key: null, value: 'no key', headers: { trace: 'abc', empty: '' } },
  { key: Buffer.from([0xff, 0x00]), value: null },
  { value: 'repeated headers', headers: { h: ['1', '2', '3'], other: Buffer.from([1, 2]) } },
  { value: Buffer.alloc(0), key: '' },
  { value: 'x'.repeat(300), timestampDelta: -5 },
];

beforeAll(() => registerCodecs());

describe('decodeFetchResponse', () => {
  it('decodes plain batches, several per partition, several partitions and topics', async () => {
    const two = Buffer.concat([await batch(plain), await batch(plain.slice(0, 2), { firstOffset: '106' })]);
    await same(response([['a', [{ partition: 0, records: two }, { partition: 3, records: await batch(plain.slice(2)) }]], ['b', [{ partition: 1, records: Buffer.alloc(0) }]]]));
  });

  it.each([[1, 'gzip'], [2, 'snappy'], [3, 'lz4'], [4, 'zstd']])('decodes compressed batches (%s: %s)', async (codec) => {
    const records = Array.from({ length: 50 }, (_, i) => ({ key: `k${i}`, value: `value ${i} ${'z'.repeat(i)}`, headers: i % 5 === 0 ? { n: String(i) } : {} }) as Rec);
    await same(response([['t', [{ partition: 0, records: Buffer.concat([await batch(records, { compression: codec }), await batch(plain, { compression: codec, firstOffset: '150' })]) }]]]));
  });

  it('leaves out a partial batch at the end of a partition', async () => {
    const full = await batch(plain);
    const second = await batch(plain, { firstOffset: '106' });
    for (const cut of [1, 10, 48, 60, second.length - 1]) {
      const decoded = (await same(response([['t', [{ partition: 0, records: Buffer.concat([full, second.subarray(0, cut)]) }]]]))) as { responses: { partitions: { messages: unknown[] }[] }[] };
      expect(decoded.responses[0]!.partitions[0]!.messages).toHaveLength(plain.length);
    }
  });

  it('keeps transaction, control and LogAppendTime attributes as kafkajs does', async () => {
    await same(response([['t', [
      { partition: 0, records: await batch(plain, { transactional: true, producerId: '4242' }), aborted: [['4242', '100']] },
      { partition: 1, records: await batch([{ key: Buffer.from([0, 0, 0, 0]), value: Buffer.from([0, 0, 0, 0, 0, 0]) }], { transactional: true, attributesOr: 0x20 }) },
      { partition: 2, records: await batch(plain, { attributesOr: 0x08, maxTimestamp: '1718000009999' }) },
    ]]]));
  });

  it('handles offsets and timestamps beyond 2^53 and large deltas', async () => {
    await same(response([['t', [
      { partition: 0, records: await batch(plain, { firstOffset: '9223372036854000000', firstTimestamp: '-1' }) },
      { partition: 1, records: await batch([{ value: 'a', timestampDelta: '1152921504606846976' }, { value: 'b', timestampDelta: '-1152921504606846976' }]) },
      { partition: 2, records: await batch([{ value: 'far', offsetDelta: 2_000_000_000 }], { firstOffset: '9007199254740000' }) },
    ]]]));
  });

  it('keeps headers as on the wire: order, repeated names, null values, names of Object.prototype members', async () => {
    const headers: [string, string | null][] = [
      ['constructor', 'x'], ['a', '1'], ['toString', 'y'], ['a', '2'], ['__proto__', 'p'], ['valueOf', null], ['hasOwnProperty', 'h'], ['2', 'two'], ['1', 'one'], ['a', null],
    ];
    const enc = await RecordBatch({
      compression: 0, firstOffset: Long.fromValue('0'), firstTimestamp: Long.fromValue('1718000000000'), maxTimestamp: Long.fromValue('1718000000000'),
      lastOffsetDelta: 1, transactional: false, producerId: Long.fromValue('-1'), producerEpoch: 0, firstSequence: 0,
      records: [rawRecord(0, 'with headers', headers), rawRecord(1, 'none', [])],
    });
    const decoded = (await decodeFetchResponse(response([['t', [{ partition: 0, records: Buffer.from(enc.buffer) }]]]))) as Decoded;
    const [first, second] = decoded.responses[0]!.partitions[0]!.messages as { headers: { key: string; value: Buffer | null }[] }[];
    expect(first!.headers.map((h) => [h.key, h.value === null ? null : h.value.toString()])).toEqual(headers);
    expect(second!.headers).toEqual([]);
  });

  it('passes the old message format (magic 0 and 1) to kafkajs', async () => {
    for (const messageVersion of [0, 1]) {
      const set = MessageSet({ messageVersion, compression: 0, entries: [{ key: 'k', value: 'old', timestamp: 1718000000000 }, { key: null, value: 'older', timestamp: 1718000000001 }] });
      await same(response([['t', [{ partition: 0, records: set.buffer }]]]));
    }
  });
});
