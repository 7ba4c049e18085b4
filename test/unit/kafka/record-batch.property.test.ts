import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createRequire } from 'node:module';
import { registerCodecs } from '../../../src/kafka/codecs/index.js';
import { decodeFetchResponse, decodeRecordBatches, type KafkajsRecord } from '../../../src/kafka/fetch-decoder.js';
import { fetchEnd } from '../../../src/kafka/fetch-position.js';
import { decodeRecords, RecordBatchWriter, sealBatch } from '../../../src/kafka/record-batch.js';
import type { Header } from '../../../src/kafka/records.js';

/*
 * Any records ckafka's encoder (record-batch.ts) writes read back byte for byte through kafkajs's
 * decoder, ckafka's fetch decoder (fetch-decoder.ts) and the wire-level list (decodeRecords), with
 * every codec, kafkajs's CRC, and a Fetch response cut off anywhere; and ckafka's records section is the bytes kafkajs's own encoder writes.
 */

const require = createRequire(import.meta.url);
interface Encoder {
  writeInt16(v: number): Encoder;
  writeInt32(v: number): Encoder;
  writeInt64(v: unknown): Encoder;
  writeString(v: string): Encoder;
  writeBuffer(v: Buffer): Encoder;
  buffer: Buffer;
}
const EncoderClass = require('kafkajs/src/protocol/encoder.js') as new () => Encoder;
const Decoder = require('kafkajs/src/protocol/decoder.js') as new (buffer: Buffer) => unknown;
const decodeBatch = require('kafkajs/src/protocol/recordBatch/v0/decoder.js') as (decoder: unknown) => Promise<{ records: KafkajsRecord[] }>;
const kafkajsCrc32c = require('kafkajs/src/protocol/recordBatch/crc32C/index.js') as (buffer: Buffer) => number;
const RecordV0 = require('kafkajs/src/protocol/recordBatch/record/v0/index.js') as (o: Record<string, unknown>) => Encoder;
const Long = require('kafkajs/src/utils/long.js') as { fromValue(v: unknown): unknown };
const { lookupCodec } = require('kafkajs/src/protocol/message/compression/index.js') as {
  lookupCodec(type: number): { compress(e: { buffer: Buffer }): Promise<Buffer> };
};

interface Sample {
  key: Buffer | null;
  value: Buffer | null;
  headers: Header[];
  timestamp: number;
}

/** Buffers as strings, deep: vitest compares a Buffer element by element (slow for large ones). */
const norm = (x: unknown): unknown =>
  Buffer.isBuffer(x) ? `bytes:${x.toString('base64')}` : Array.isArray(x) ? x.map(norm) : x !== null && typeof x === 'object' ? Object.fromEntries(Object.entries(x).map(([k, v]) => [k, norm(v)])) : x;

const PROTOTYPE_NAMES = ['constructor', '__proto__', 'toString', 'valueOf', 'hasOwnProperty', 'isPrototypeOf', '__defineGetter__', 'prototype', 'length', ''];
const bytes = (max: number) => fc.uint8Array({ maxLength: max }).map((a) => Buffer.from(a));
const data = fc.oneof(
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.constant(Buffer.alloc(0)) },
  { weight: 6, arbitrary: bytes(64) },
  { weight: 6, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }).map((s) => Buffer.from(s)) },
  { weight: 1, arbitrary: fc.integer({ min: 1_000, max: 100_000 }).map((n) => Buffer.alloc(n, n % 251)) },
);
// Header names are strings (UTF-8 on the wire): well-formed ones, so the bytes round-trip.
const headerName = fc.oneof(fc.constantFrom(...PROTOTYPE_NAMES), fc.constantFrom('a', 'b', 'trace'), fc.string({ unit: 'binary', maxLength: 12 }).map((s) => s.replace(/\p{Surrogate}/gu, '\uFFFD')));
const header = fc.record({ key: headerName, value: data.filter((v) => v === null || v.length < 5_000) });
const sample = (base: number): fc.Arbitrary<Sample> =>
  fc.record({
    key: data,
    value: data,
    headers: fc.array(header, { maxLength: 8 }),
    // Before and after the first record, by up to ~35 years: deltas of either sign, beyond 32 bits.
    timestamp: fc.integer({ min: -(2 ** 40), max: 2 ** 40 }).map((d) => Math.max(0, base + d)),
  });
const samples = fc.integer({ min: 0, max: 2 ** 42 }).chain((base) => fc.array(sample(base), { minLength: 1, maxLength: 20 }));
const CODECS = [0, 1, 2, 3, 4] as const;

async function encode(records: Sample[], codec: number, producer: { producerId: bigint; producerEpoch: number; baseSequence: number; transactional: boolean }) {
  const writer = new RecordBatchWriter(64);
  for (const r of records) writer.add(r.key, r.value, r.headers, r.timestamp);
  const compressed = codec === 0 ? undefined : await lookupCodec(codec).compress({ buffer: writer.records() });
  const batch = writer.finish(codec, compressed);
  sealBatch(batch.bytes, producer);
  return { batch, plain: writer.records() };
}

/** How kafkajs gives headers: an object, a repeated name's values as an array. */
function kafkajsHeaders(headers: Header[]): Record<string, Buffer | null | (Buffer | null)[]> {
  const out: Record<string, Buffer | null | (Buffer | null)[]> = {};
  for (const { key, value } of headers) {
    const existing = Object.hasOwn(out, key) ? out[key] : undefined;
    Object.defineProperty(out, key, { value: existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value], enumerable: true, writable: true, configurable: true });
  }
  return out;
}

/** A Fetch v11 response with one partition holding `records` (a batch, maybe cut off). */
function fetchResponse(records: Buffer): Buffer {
  const e = new EncoderClass().writeInt32(0).writeInt16(0).writeInt32(0).writeInt32(1).writeString('t').writeInt32(1);
  e.writeInt32(0).writeInt16(0).writeInt64(Long.fromValue('1')).writeInt64(Long.fromValue('1')).writeInt64(Long.fromValue('0'));
  e.writeInt32(0).writeInt32(-1).writeInt32(records.length).writeBuffer(records);
  return e.buffer;
}

const producer = fc.record({
  producerId: fc.oneof(fc.constant(-1n), fc.bigInt({ min: 0n, max: 2n ** 63n - 1n })),
  producerEpoch: fc.integer({ min: -1, max: 32767 }),
  baseSequence: fc.integer({ min: -1, max: 2 ** 31 - 1 }),
  transactional: fc.boolean(),
});
const firstOffset = fc.oneof(fc.constant(0n), fc.bigInt({ min: 0n, max: 2n ** 62n }));

beforeAll(() => registerCodecs());

describe('record batches, encoded by ckafka and decoded by both', () => {
  it.each(CODECS.map((c) => [c]))('keep every record byte for byte (codec %i)', async (codec) => {
    await fc.assert(
      fc.asyncProperty(samples, producer, firstOffset, async (records, producerFields, offset) => {
        const { batch, plain } = await encode(records, codec, producerFields);
        batch.bytes.writeBigInt64BE(offset, 0);
        expect(batch.bytes.readUInt32BE(17)).toBe(kafkajsCrc32c(batch.bytes.subarray(21)));
        expect(batch.bytes.readInt16BE(21) & 0x07).toBe(codec);
        // The wire-level list: order, repeated names, null values and prototype names as written.
        expect(norm(decodeRecords({ records: plain, baseTimestamp: records[0]!.timestamp }))).toEqual(norm(records));

        const reference = (await decodeBatch(new Decoder(batch.bytes))).records;
        expect(norm(reference.map((r) => [r.offset, r.timestamp, r.key, r.value]))).toEqual(
          norm(records.map((r, i) => [String(offset + BigInt(i)), String(r.timestamp), r.key, r.value])),
        );
        // kafkajs folds headers into an object, where a name like `constructor` first finds
        // Object.prototype's member: its headers are only comparable without such names.
        const prototypeNames = records.some((r) => r.headers.some((h) => h.key in Object.prototype));
        if (!prototypeNames) expect(norm(reference.map((r) => r.headers))).toEqual(norm(records.map((r) => kafkajsHeaders(r.headers))));

        // ckafka's fetch decoder gives kafkajs's objects, and knows where the batch ends.
        const ours = await decodeRecordBatches(batch.bytes);
        const fields = ({ headers: _headers, ...rest }: KafkajsRecord) => rest;
        expect(norm(ours.map(fields))).toEqual(norm(reference.map(fields)));
        ours.forEach((r, i) => {
          const wanted = records[i]!.headers;
          // The wire's list where the decoder keeps it (src/kafka/consumed-message.ts reads either).
          if (Array.isArray(r.headers)) expect(norm(r.headers)).toEqual(norm(wanted));
          else if (!prototypeNames) expect(norm(r.headers)).toEqual(norm(kafkajsHeaders(wanted)));
        });
        expect(fetchEnd(ours)).toBe(offset + BigInt(records.length));
        // The same through a whole Fetch response, cut anywhere in the batch, as kafkajs decodes it.
        const response = fetchResponse(batch.bytes);
        const decoded = (await decodeFetchResponse(response)) as { responses: { partitions: { messages: KafkajsRecord[] }[] }[] };
        expect(norm(decoded.responses[0]!.partitions[0]!.messages.map(fields))).toEqual(norm(reference.map(fields)));
        for (const at of [12, 61, Math.floor(batch.bytes.length / 2), batch.bytes.length - 1]) {
          const cut = fetchResponse(batch.bytes.subarray(0, at));
          const partial = (await decodeFetchResponse(cut)) as { responses: { partitions: { messages: KafkajsRecord[] }[] }[] };
          expect(partial.responses[0]!.partitions[0]!.messages).toEqual([]);
        }
      }),
      { numRuns: codec === 0 ? 150 : 60 },
    );
  }, 120_000);

  it('writes the records section kafkajs\'s encoder writes (names not repeated, no null header value: what kafkajs can encode)', async () => {
    await fc.assert(
      fc.asyncProperty(samples, async (records) => {
        const base = records[0]!.timestamp;
        const unique = records.map((r) => ({ ...r, headers: r.headers.filter((h, i) => h.value !== null && r.headers.findIndex((o) => o.key === h.key) === i) }));
        const { plain } = await encode(unique, 0, { producerId: -1n, producerEpoch: -1, baseSequence: -1, transactional: false });
        const theirs = Buffer.concat(unique.map((r, i) => RecordV0({
          offsetDelta: i,
          timestampDelta: Long.fromValue(r.timestamp - base),
          key: r.key,
          value: r.value,
          headers: Object.fromEntries(r.headers.map((h) => [h.key, h.value])),
        }).buffer));
        expect(plain.equals(theirs)).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it('writes the same batch from values given as spans of a larger array (bulk text input) as from Buffers', async () => {
    await fc.assert(
      fc.asyncProperty(samples, fc.nat({ max: 9 }), fc.nat({ max: 9 }), (records, before, after) => {
        const whole = new RecordBatchWriter(64, 20);
        const spans = new RecordBatchWriter(16, 20);
        for (const r of records) {
          whole.add(r.key, r.value, r.headers, r.timestamp);
          if (r.value === null) spans.add(r.key, null, r.headers, r.timestamp);
          else {
            // The value inside other bytes, as a line inside a read.
            const around = new Uint8Array(before + r.value.length + after).fill(10);
            around.set(r.value, before);
            spans.addSpan(r.key, around, before, before + r.value.length, r.headers, r.timestamp);
          }
        }
        const [a, b] = [spans.finish().bytes, whole.finish().bytes];
        for (const bytes of [a, b]) sealBatch(bytes, { producerId: -1n, producerEpoch: -1, baseSequence: -1, transactional: false });
        expect(a.equals(b)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
