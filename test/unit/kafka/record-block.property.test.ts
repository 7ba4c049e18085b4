import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createRequire } from 'node:module';
import BatchClass from 'kafkajs/src/consumer/batch.js';
import { registerCodecs } from '../../../src/kafka/codecs/index.js';
import { decodeFetchBlocks, type KafkajsRecord } from '../../../src/kafka/fetch-decoder.js';
import { dropAborted } from '../../../src/kafka/aborted-filter.js';
import { applyFetchPositions, noteFetchEnd } from '../../../src/kafka/fetch-position.js';
import { BlockBatch } from '../../../src/kafka/block-batch.js';
import { blockOf, type RecordBlock } from '../../../src/kafka/record-block.js';
import { consumedMessage } from '../../../src/kafka/consumed-message.js';
import type { ConsumedMessage, Header } from '../../../src/kafka/records.js';
import type { KafkaMessage } from 'kafkajs';

/*
 * A partition's fetched record batches (plain and compressed, compacted offset gaps, transactions
 * committed and aborted, control batches, LogAppendTime, a batch cut off at the end, a fetch
 * offset inside the first batch) read through ckafka's RecordBlock path give exactly what the
 * reference gives: kafkajs's own decoder, then ckafka's aborted-transaction filter, kafkajs's
 * Batch (with fetch-position.ts) and consumedMessage; headers as they were written. And `-o raw`'s
 * values moved in place are those messages' values, one per line.
 */

const require = createRequire(import.meta.url);
interface Encoder {
  writeInt8(v: number): Encoder;
  writeInt16(v: number): Encoder;
  writeInt32(v: number): Encoder;
  writeInt64(v: unknown): Encoder;
  writeVarInt(v: number): Encoder;
  writeVarLong(v: unknown): Encoder;
  writeVarIntBytes(v: Buffer | null): Encoder;
  writeVarIntString(v: string): Encoder;
  writeString(v: string): Encoder;
  writeBuffer(v: Buffer): Encoder;
  buffer: Buffer;
}
const EncoderClass = require('kafkajs/src/protocol/encoder.js') as new () => Encoder;
const { RecordBatch } = require('kafkajs/src/protocol/recordBatch/v0/index.js') as { RecordBatch: (o: Record<string, unknown>) => Promise<Encoder> };
const Long = require('kafkajs/src/utils/long.js') as { fromValue(v: unknown): unknown };
const kafkajsV11 = require('kafkajs/src/protocol/requests/fetch/v11/response.js') as { decode(b: Buffer): Promise<Decoded> };
// The reference: kafkajs's own decoder, taken before ckafka's (if loaded) replaces it.
const kafkajsDecode = kafkajsV11.decode.bind(kafkajsV11);

type Decoded = { responses: { topicName: string; partitions: { partition: number; highWatermark: string; messages: KafkajsRecord[]; abortedTransactions: { producerId: string; firstOffset: string }[] }[] }[] };

interface Rec {
  key: Buffer | null;
  value: Buffer | null;
  headers: Header[];
  gap: number;
  timestampDelta: number;
}

interface BatchSpec {
  /** emptied: a batch the log cleaner left without records (its offsets stay taken). */
  control: 'no' | 'commit' | 'abort' | 'emptied';
  producer: number;
  transactional: boolean;
  codec: number;
  appendTime: boolean;
  gapBefore: number;
  records: Rec[];
}

const bytes = fc.oneof(
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.constant(Buffer.alloc(0)) },
  { weight: 6, arbitrary: fc.uint8Array({ maxLength: 40 }).map((a) => Buffer.from(a)) },
  { weight: 1, arbitrary: fc.integer({ min: 16, max: 3000 }).map((n) => Buffer.alloc(n, n % 251)) },
);
const header = fc.record({ key: fc.oneof(fc.constantFrom('a', 'b', 'constructor', '__proto__', ''), fc.string({ maxLength: 8 })), value: bytes });
const rec = fc.record({
  key: bytes,
  value: bytes,
  headers: fc.array(header, { maxLength: 4 }),
  gap: fc.oneof({ weight: 4, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 5 }) }),
  timestampDelta: fc.integer({ min: -(2 ** 40), max: 2 ** 40 }),
});
const batchSpec: fc.Arbitrary<BatchSpec> = fc.record({
  control: fc.constantFrom<BatchSpec['control']>('no', 'no', 'no', 'commit', 'abort', 'emptied'),
  producer: fc.constantFrom(-1, 7, 8),
  transactional: fc.boolean(),
  codec: fc.constantFrom(0, 0, 1, 2, 3, 4),
  appendTime: fc.boolean(),
  gapBefore: fc.oneof({ weight: 4, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 9 }) }),
  records: fc.array(rec, { minLength: 1, maxLength: 6 }),
});

/** One record as on the wire, headers exactly as listed (kafkajs's encoder takes them as an object). */
function record(offsetDelta: number, r: Pick<Rec, 'key' | 'value' | 'headers' | 'timestampDelta'>): Encoder {
  const body = new EncoderClass().writeInt8(0).writeVarLong(Long.fromValue(r.timestampDelta)).writeVarInt(offsetDelta).writeVarIntBytes(r.key).writeVarIntBytes(r.value).writeVarInt(r.headers.length);
  for (const h of r.headers) body.writeVarIntString(h.key).writeVarIntBytes(h.value);
  return new EncoderClass().writeVarInt(body.buffer.length).writeBuffer(body.buffer);
}

interface Written {
  bytes: Buffer;
  firstOffset: bigint;
  /** Offset → the headers written (kafkajs folds headers into an object). */
  headers: Map<string, Header[]>;
  control: boolean;
  transactional: boolean;
  producer: number;
}

async function encodeBatch(spec: BatchSpec, firstOffset: bigint, firstTimestamp: bigint): Promise<Written> {
  const control = spec.control === 'commit' || spec.control === 'abort';
  const emptied = spec.control === 'emptied';
  const records = control ? [{ key: Buffer.from([0, 0, 0, spec.control === 'abort' ? 0 : 1]), value: Buffer.from([0, 0, 0, 0, 0, 0]), headers: [], gap: 0, timestampDelta: 0 }] : spec.records;
  const headers = new Map<string, Header[]>();
  let delta = -1;
  const encoded = records.map((r) => {
    delta += 1 + r.gap;
    headers.set(String(firstOffset + BigInt(delta)), r.headers);
    return record(delta, r);
  });
  if (emptied) encoded.length = 0;
  const transactional = control || (spec.transactional && spec.producer >= 0);
  const enc = await RecordBatch({
    compression: control ? 0 : spec.codec,
    firstOffset: Long.fromValue(firstOffset.toString()),
    firstTimestamp: Long.fromValue(firstTimestamp.toString()),
    maxTimestamp: Long.fromValue((firstTimestamp + 99n).toString()),
    lastOffsetDelta: delta,
    transactional,
    producerId: Long.fromValue(String(control && spec.producer < 0 ? 7 : spec.producer)),
    producerEpoch: 1,
    firstSequence: 0,
    records: encoded,
  });
  const bytes = Buffer.from(enc.buffer);
  // Bits kafkajs's encoder does not set (a control batch, LogAppendTime); kafkajs checks no CRC.
  const or = (control ? 0x20 : 0) | (spec.appendTime ? 0x08 : 0);
  if (or) bytes.writeInt16BE(bytes.readInt16BE(21) | or, 21);
  return { bytes, firstOffset, headers, control, transactional, producer: control && spec.producer < 0 ? 7 : spec.producer };
}

function response(records: Buffer, aborted: [string, string][]): Buffer {
  const e = new EncoderClass().writeInt32(0).writeInt16(0).writeInt32(0).writeInt32(1).writeString('t').writeInt32(1);
  e.writeInt32(2).writeInt16(0).writeInt64(Long.fromValue('100000000')).writeInt64(Long.fromValue('100000000')).writeInt64(Long.fromValue('0'));
  e.writeInt32(aborted.length);
  for (const [pid, first] of aborted) e.writeInt64(Long.fromValue(pid)).writeInt64(Long.fromValue(first));
  e.writeInt32(-1).writeInt32(records.length).writeBuffer(records);
  return e.buffer;
}

const fields = (m: ConsumedMessage) => ({ offset: m.offset, timestamp: m.timestamp, key: m.key, value: m.value, headers: m.headers, topic: m.topic, partition: m.partition });
/** Buffers as strings, deep: vitest compares a Buffer element by element (slow for large ones). */
const norm = (x: unknown): unknown =>
  Buffer.isBuffer(x) ? `bytes:${x.toString('base64')}` : Array.isArray(x) ? x.map(norm) : x !== null && typeof x === 'object' ? Object.fromEntries(Object.entries(x).map(([k, v]) => [k, norm(v)])) : x;

const log = fc.record({
  batches: fc.array(batchSpec, { minLength: 1, maxLength: 6 }),
  base: fc.oneof(fc.constant(0n), fc.bigInt({ min: 0n, max: 2n ** 40n }), fc.bigInt({ min: 2n ** 53n, max: 2n ** 62n })),
  firstTimestamp: fc.oneof(fc.constant(1718000000000n), fc.constant(-1n), fc.bigInt({ min: 0n, max: 2n ** 60n })),
  /** Where in the first batch the fetch starts (a fraction of its offsets), and where the data is cut off. */
  into: fc.double({ min: 0, max: 1, noNaN: true }),
  cut: fc.oneof(fc.constant(1), fc.double({ min: 0.5, max: 1, noNaN: true })),
  abortMask: fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }),
});

beforeAll(() => {
  registerCodecs();
  applyFetchPositions();
});

describe('RecordBlock (decodeFetchBlocks and BlockBatch)', () => {
  it('gives the messages, positions and raw lines the reference decoding gives', async () => {
    await fc.assert(
      fc.asyncProperty(log, async ({ batches, base, firstTimestamp, into, cut, abortMask }) => {
        const written: Written[] = [];
        let offset = base;
        for (const spec of batches) {
          offset += BigInt(spec.gapBefore);
          const w = await encodeBatch(spec, offset, firstTimestamp);
          written.push(w);
          offset = w.firstOffset + BigInt(w.bytes.readInt32BE(23)) + 1n;
        }
        // Aborted transactions: some transactional data batches start one.
        const aborted: [string, string][] = written
          .filter((w, i) => w.transactional && !w.control && abortMask[i])
          .map((w) => [String(w.producer), w.firstOffset.toString()]);
        const all = Buffer.concat(written.map((w) => w.bytes));
        const records = all.subarray(0, Math.max(written[0]!.bytes.length, Math.floor(all.length * cut)));
        const raw = response(records, aborted);
        const firstLast = written[0]!.firstOffset + BigInt(written[0]!.bytes.readInt32BE(23));
        const fetchedOffset = (written[0]!.firstOffset + BigInt(Math.floor(Number(firstLast - written[0]!.firstOffset) * into))).toString();

        // The reference: kafkajs's decoder, ckafka's aborted filter, kafkajs's Batch.
        const theirs = (await kafkajsDecode(raw)).responses[0]!.partitions[0]!;
        const kept = dropAborted(theirs.messages, theirs.abortedTransactions);
        // Where the next fetch goes on (fetch-position.ts): past the last complete batch, emptied ones too.
        let complete = 0;
        for (let at = 0, i = 0; i < written.length && at + written[i]!.bytes.length <= records.length; at += written[i]!.bytes.length, i += 1) complete = i + 1;
        const last = written[complete - 1];
        if (last) noteFetchEnd(kept, last.firstOffset + BigInt(last.bytes.readInt32BE(23)) + 1n);
        const reference = new BatchClass('t', fetchedOffset, { partition: 2, highWatermark: theirs.highWatermark, messages: kept, abortedTransactions: [] });
        const expected = (reference.messages as KafkajsRecord[]).map((m) => {
          const c = consumedMessage('t', 2, m as unknown as KafkaMessage);
          const headers = written.map((w) => w.headers.get(m.offset)).find((h) => h !== undefined) ?? [];
          return { ...fields(c), headers };
        });

        const ours = (await decodeFetchBlocks(raw)).responses[0]!.partitions[0]!;
        expect(ours.abortedTransactions).toEqual([]);
        const block = blockOf(ours.messages) as RecordBlock;
        expect(block).toBeDefined();
        const batch = new BlockBatch(new BatchClass('t', fetchedOffset, { partition: 2, highWatermark: ours.highWatermark, messages: ours.messages, abortedTransactions: [] }), block);
        const messages = batch.messages;
        expect(norm([...messages].map(fields))).toEqual(norm(expected));
        expect(messages.length).toBe(expected.length);
        for (let i = 0; i < messages.length; i += 1) expect(messages.offset(i)).toBe(expected[i]!.offset);
        // What kafkajs's runner asks of a batch.
        expect(batch.isEmpty()).toBe(reference.isEmpty());
        expect(batch.isEmptyDueToFiltering()).toBe(reference.isEmptyDueToFiltering());
        expect(batch.lastOffset()).toBe(reference.lastOffset());
        expect(batch.offsetLag()).toBe(reference.offsetLag());
        // The first record shown (kafkajs: the first record, a transaction marker too; only in its instrumentation events).
        expect(batch.firstOffset()).toBe(expected[0]?.offset ?? null);
        expect(() => batch.offsetLagLow()).not.toThrow();

        // -o raw: a slice's values, one per line, moved in place (compressed batches: null).
        const from = Math.floor(messages.length * into / 2);
        const slice = messages.slice(from);
        const want = Buffer.concat(expected.slice(from).flatMap((m) => [m.value ?? Buffer.alloc(0), Buffer.from('\n')]));
        const lines = slice.takeValueLines(0x0a);
        const compressed = written.some((w) => !w.control && w.bytes.readInt16BE(21) & 0x07);
        if (lines !== null) expect(lines.toString('base64')).toBe(want.toString('base64'));
        else expect(slice.length === 0 || compressed).toBe(true);
      }),
      { numRuns: 300 },
    );
  }, 120_000);
});
