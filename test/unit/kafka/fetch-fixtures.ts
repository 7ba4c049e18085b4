import fc from 'fast-check';
import { createRequire } from 'node:module';
import type { Header } from '../../../src/kafka/records.js';

/*
 * Fetch responses for tests, written with kafkajs's own record batch encoder: record batches
 * (plain or compressed, transactional, control batches, batches the cleaner emptied,
 * LogAppendTime), records with headers exactly as listed, and arbitraries for them.
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
export const EncoderClass = require('kafkajs/src/protocol/encoder.js') as new () => Encoder;
const { RecordBatch } = require('kafkajs/src/protocol/recordBatch/v0/index.js') as { RecordBatch: (o: Record<string, unknown>) => Promise<Encoder> };
export const Long = require('kafkajs/src/utils/long.js') as { fromValue(v: unknown): unknown };

export interface Rec {
  key: Buffer | null;
  value: Buffer | null;
  headers: Header[];
  gap: number;
  timestampDelta: number;
}

export interface BatchSpec {
  /** emptied: a batch the log cleaner left without records (its offsets stay taken). */
  control: 'no' | 'commit' | 'abort' | 'emptied';
  producer: number;
  transactional: boolean;
  codec: number;
  appendTime: boolean;
  gapBefore: number;
  records: Rec[];
}

export const bytes = fc.oneof(
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.constant(Buffer.alloc(0)) },
  { weight: 6, arbitrary: fc.uint8Array({ maxLength: 40 }).map((a) => Buffer.from(a)) },
  { weight: 1, arbitrary: fc.integer({ min: 16, max: 3000 }).map((n) => Buffer.alloc(n, n % 251)) },
);
const header = fc.record({ key: fc.oneof(fc.constantFrom('a', 'b', 'constructor', '__proto__', ''), fc.string({ maxLength: 8 })), value: bytes });
export const rec = fc.record({
  key: bytes,
  value: bytes,
  headers: fc.array(header, { maxLength: 4 }),
  gap: fc.oneof({ weight: 4, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 5 }) }),
  timestampDelta: fc.integer({ min: -(2 ** 40), max: 2 ** 40 }),
});
export const batchSpec: fc.Arbitrary<BatchSpec> = fc.record({
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

export interface Written {
  bytes: Buffer;
  firstOffset: bigint;
  /** Offset → the headers written (kafkajs folds headers into an object). */
  headers: Map<string, Header[]>;
  control: boolean;
  transactional: boolean;
  producer: number;
}

export async function encodeBatch(spec: BatchSpec, firstOffset: bigint, firstTimestamp: bigint): Promise<Written> {
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

export function response(records: Buffer, aborted: [string, string][]): Buffer {
  const e = new EncoderClass().writeInt32(0).writeInt16(0).writeInt32(0).writeInt32(1).writeString('t').writeInt32(1);
  e.writeInt32(2).writeInt16(0).writeInt64(Long.fromValue('100000000')).writeInt64(Long.fromValue('100000000')).writeInt64(Long.fromValue('0'));
  e.writeInt32(aborted.length);
  for (const [pid, first] of aborted) e.writeInt64(Long.fromValue(pid)).writeInt64(Long.fromValue(first));
  e.writeInt32(-1).writeInt32(records.length).writeBuffer(records);
  return e.buffer;
}

