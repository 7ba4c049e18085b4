import compression from 'kafkajs/src/protocol/message/compression/index.js';
import { AbortedBatches, isAbortMarker } from './aborted-filter.js';
import { noteBatchSize } from './fetch-sizer.js';
import type { ConsumedMessage, Header, MessageList } from './records.js';
import type { ResponseLease } from './response-socket.js';

/*
 * The records of a fetched partition, kept where they are: in the Fetch response's bytes (or a
 * decompressed batch's). Scanning a record batch notes, per record, where its key and value are
 * and its offset delta, in one Int32Array; nothing else is made until asked. `-o raw` of a
 * million records then copies a million values and creates no object per record: objects per
 * record (kafkajs's record, its offset and timestamp strings, two Buffers, our message) were
 * most of the garbage collector's work. A message object (`at(i)`) reads its fields on demand.
 */

const RECORD_BATCH_OVERHEAD = 49;
const BATCH_HEADER = 61;
const MAGIC_OFFSET = 16;
const TIMESTAMP_TYPE_FLAG = 0x08;
const TRANSACTIONAL_FLAG = 0x10;
const CONTROL_FLAG = 0x20;
const LOG_APPEND_TIME = 1;
const CREATE_TIME = 0;
// Offsets and timestamps are added as numbers below this, as BigInts above it.
const SAFE = BigInt(Number.MAX_SAFE_INTEGER) - (1n << 32n);

// Per record, STRIDE int32s: batch, position of its attributes byte, offset delta, key start, key
// length, value start, value length (-1: null; a length as read, as kafkajs takes it).
const STRIDE = 7;
const SEG = 0;
const POS = 1;
const DELTA = 2;
const KEY_AT = 3;
const KEY_LEN = 4;
const VALUE_AT = 5;
const VALUE_LEN = 6;

/** A record batch's header as kafkajs's record decoder gives it to each record (batchContext). */
export interface BatchContext {
  firstOffset: string;
  firstTimestamp: string;
  partitionLeaderEpoch: number;
  inTransaction: boolean;
  isControlBatch: boolean;
  lastOffsetDelta: number;
  producerId: string;
  producerEpoch: number;
  firstSequence: number;
  maxTimestamp: string;
  timestampType: number;
  magicByte: number;
}

/** What the records of one record batch share. */
interface Segment {
  buf: Buffer;
  firstOffset: bigint;
  firstTimestamp: bigint;
  /** firstOffset and firstTimestamp as numbers, when offsets and timestamps are added as numbers. */
  numeric: boolean;
  baseOffset: number;
  baseTimestamp: number;
  /** LogAppendTime: every record's timestamp is the batch's max timestamp (kafkajs: a string). */
  appendTime: string | null;
  attributes: number;
  /** Made only when asked (kafkajs's record objects). */
  context: BatchContext | null;
  header: Buffer;
}

/** Where the records of one partition's fetch are: the storage RecordBlock views share. */
export class RecordStore {
  readonly fields: Int32Array;
  readonly segments: Segment[] = [];
  count = 0;
  /** The offset after the last complete record batch (past markers and emptied batches too). */
  end: bigint | undefined;

  constructor(capacity: number) {
    this.fields = new Int32Array(capacity * STRIDE);
  }

  /** Set once takeValueLines wrote over the records, or release() gave their bytes back. */
  private spent = false;
  private released = false;
  /** The response buffer's lease (response-socket.ts), when it can be reused. */
  lease: ResponseLease | null = null;

  private segment(i: number): Segment {
    if (this.spent) throw new Error('internal: a fetch\'s records were read after they were written out or given back');
    return this.segments[this.fields[i * STRIDE + SEG] as number] as Segment;
  }

  /** Nothing reads these records (nor bytes taken from them) any more: their buffer may be reused. */
  release(): void {
    if (this.released) return;
    this.released = true;
    this.spent = true;
    this.lease?.letGo();
  }

  offset(i: number): string {
    const s = this.segment(i);
    const delta = this.fields[i * STRIDE + DELTA] as number;
    return s.numeric ? String(s.baseOffset + delta) : String(s.firstOffset + BigInt(delta));
  }

  /** The offset as a number when exact (below 2^53), else -1. */
  offsetNumber(i: number): number {
    const s = this.segment(i);
    if (!s.numeric) return -1;
    return s.baseOffset + (this.fields[i * STRIDE + DELTA] as number);
  }

  offsetBig(i: number): bigint {
    const s = this.segment(i);
    return s.firstOffset + BigInt(this.fields[i * STRIDE + DELTA] as number);
  }

  /** The timestamp as kafkajs's record decoder gives it (a string). */
  timestampText(i: number): string {
    const s = this.segment(i);
    if (s.appendTime !== null) return s.appendTime;
    const delta = readVarLong(s.buf, (this.fields[i * STRIDE + POS] as number) + 1);
    return s.numeric && typeof delta === 'number' ? String(s.baseTimestamp + delta) : String(s.firstTimestamp + BigInt(delta));
  }

  /** Milliseconds: the same number as Number(timestampText(i)). */
  timestamp(i: number): number {
    const s = this.segment(i);
    if (s.appendTime !== null) return Number(s.appendTime);
    const delta = readVarLong(s.buf, (this.fields[i * STRIDE + POS] as number) + 1);
    return s.numeric && typeof delta === 'number' ? s.baseTimestamp + delta : Number(s.firstTimestamp + BigInt(delta));
  }

  attributes(i: number): number {
    return this.segment(i).buf.readInt8(this.fields[i * STRIDE + POS] as number);
  }

  key(i: number): Buffer | null {
    const buf = this.segment(i).buf;
    const f = this.fields;
    const length = f[i * STRIDE + KEY_LEN] as number;
    if (length === -1) return null;
    const at = f[i * STRIDE + KEY_AT] as number;
    return buf.subarray(at, at + length);
  }

  value(i: number): Buffer | null {
    const buf = this.segment(i).buf;
    const f = this.fields;
    const length = f[i * STRIDE + VALUE_LEN] as number;
    if (length === -1) return null;
    const at = f[i * STRIDE + VALUE_AT] as number;
    return buf.subarray(at, at + length);
  }

  /** The value's length in bytes (0 for none). */
  valueLength(i: number): number {
    const length = this.fields[i * STRIDE + VALUE_LEN] as number;
    return length > 0 ? length : 0;
  }

  keyLength(i: number): number {
    const length = this.fields[i * STRIDE + KEY_LEN] as number;
    return length > 0 ? length : 0;
  }

  /** Copies the value into `out` at `at`; returns the bytes copied. */
  copyValue(i: number, out: Buffer, at: number): number {
    const buf = this.segment(i).buf;
    const f = this.fields;
    const length = f[i * STRIDE + VALUE_LEN] as number;
    if (length <= 0) return 0;
    const from = f[i * STRIDE + VALUE_AT] as number;
    if (length < 16) {
      // A call into C++ costs more than copying a few bytes one by one.
      for (let k = 0; k < length; k += 1) out[at + k] = buf[from + k] as number;
      return length;
    }
    out.set(new Uint8Array(buf.buffer, buf.byteOffset + from, length), at);
    return length;
  }

  /**
   * The values of records [from, to) each followed by `separator`, moved together where the
   * records are (no copy to a new buffer: a fetch's bytes are read once); null when the records
   * are not all in one buffer (compressed batches), or there are none. Each value moves to a
   * lower address (a record is longer than its value and a separator), so none is overwritten
   * before it moves. The records are gone afterwards: reading them again throws.
   */
  takeValueLines(from: number, to: number, separator: number): Buffer | null {
    if (from >= to) return null;
    const f = this.fields;
    const buf = this.segment(from).buf;
    for (let i = from + 1; i < to; i += 1) if (this.segment(i).buf !== buf) return null;
    this.spent = true;
    const start = f[from * STRIDE + POS] as number;
    let at = start;
    for (let i = from; i < to; i += 1) {
      const length = f[i * STRIDE + VALUE_LEN] as number;
      if (length > 0) {
        const value = f[i * STRIDE + VALUE_AT] as number;
        if (length < 16) for (let k = 0; k < length; k += 1) buf[at + k] = buf[value + k] as number;
        else buf.copyWithin(at, value, value + length);
        at += length;
      }
      buf[at++] = separator;
    }
    return buf.subarray(start, at);
  }

  /** See RecordBlock.locate. */
  locate(i: number, field: 'key' | 'value', into: FieldLocation): FieldLocation {
    into.bytes = this.segment(i).buf;
    const f = this.fields;
    into.at = f[i * STRIDE + (field === 'key' ? KEY_AT : VALUE_AT)] as number;
    into.size = f[i * STRIDE + (field === 'key' ? KEY_LEN : VALUE_LEN)] as number;
    return into;
  }

  headerCount(i: number): number {
    const buf = this.segment(i).buf;
    const f = this.fields;
    const valueLength = f[i * STRIDE + VALUE_LEN] as number;
    return readVarInt(buf, (f[i * STRIDE + VALUE_AT] as number) + (valueLength === -1 ? 0 : valueLength));
  }

  /** The headers in wire order, repeats and null values kept (a name of length -1 reads as 'null', as kafkajs does). */
  headers(i: number): Header[] {
    const f = this.fields;
    const buf = this.segment(i).buf;
    const valueLength = f[i * STRIDE + VALUE_LEN] as number;
    let pos = (f[i * STRIDE + VALUE_AT] as number) + (valueLength === -1 ? 0 : valueLength);
    const count = readVarInt(buf, pos);
    pos = cursor;
    if (count <= 0) return NO_HEADERS;
    const headers: Header[] = [];
    for (let h = 0; h < count; h += 1) {
      const nameLength = readVarInt(buf, pos);
      pos = cursor;
      const name = nameLength === -1 ? 'null' : buf.toString('utf8', pos, pos + nameLength);
      if (nameLength > 0) pos += nameLength;
      const length = readVarInt(buf, pos);
      pos = cursor;
      let value: Buffer | null = null;
      if (length !== -1) {
        value = buf.subarray(pos, pos + length);
        pos += length;
      }
      headers.push({ key: name, value });
    }
    return headers;
  }

  isControl(i: number): boolean {
    return (this.segment(i).attributes & CONTROL_FLAG) > 0;
  }

  /** The record as kafkajs's record decoder builds it (headers: the wire's list). */
  kafkajsRecord(i: number) {
    const s = this.segment(i);
    const context = (s.context ??= batchContext(s.header));
    return {
      magicByte: context.magicByte,
      attributes: this.attributes(i),
      timestamp: this.timestampText(i),
      offset: this.offset(i),
      key: this.key(i),
      value: this.value(i),
      headers: this.headers(i),
      isControlRecord: context.isControlBatch,
      batchContext: context,
    };
  }

  /** Notes a record (the scanner's use). */
  add(segment: number, pos: number, delta: number, keyAt: number, keyLength: number, valueAt: number, valueLength: number): void {
    const f = this.fields;
    const at = this.count * STRIDE;
    f[at + SEG] = segment;
    f[at + POS] = pos;
    f[at + DELTA] = delta;
    f[at + KEY_AT] = keyAt;
    f[at + KEY_LEN] = keyLength;
    f[at + VALUE_AT] = valueAt;
    f[at + VALUE_LEN] = valueLength;
    this.count += 1;
  }
}

const NO_HEADERS: Header[] = [];

/** Where a key or value is (RecordBlock.locate): reused between calls, so reading makes no object. */
export interface FieldLocation {
  bytes: Buffer;
  at: number;
  /** -1: null. */
  size: number;
}

/**
 * Some records of a RecordStore, in offset order: what a fetched batch hands on (its `messages`).
 * Iterating or `at(i)` makes message objects; the methods taking an index read one field of the
 * i-th record without one.
 */
export class RecordBlock implements MessageList {
  constructor(
    readonly topic: string,
    readonly partition: number,
    readonly store: RecordStore,
    private readonly start: number,
    private readonly stop: number,
  ) {}

  get length(): number {
    return this.stop - this.start;
  }

  at(index: number): ConsumedMessage | undefined {
    const i = index < 0 ? this.length + index : index;
    if (i < 0 || i >= this.length) return undefined;
    return new BlockMessage(this.topic, this.partition, this.store, this.start + i);
  }

  /** As Array.prototype.slice. */
  slice(start = 0, end = this.length): RecordBlock {
    const n = this.length;
    const from = start < 0 ? Math.max(n + start, 0) : Math.min(start, n);
    const to = end < 0 ? Math.max(n + end, 0) : Math.min(end, n);
    return new RecordBlock(this.topic, this.partition, this.store, this.start + from, this.start + Math.max(from, to));
  }

  *[Symbol.iterator](): Iterator<ConsumedMessage> {
    for (let i = this.start; i < this.stop; i += 1) yield new BlockMessage(this.topic, this.partition, this.store, i);
  }

  /** The records at or after `offset`. */
  from(offset: bigint): RecordBlock {
    let i = this.start;
    const store = this.store;
    if (offset < SAFE) {
      const target = Number(offset);
      while (i < this.stop) {
        const at = store.offsetNumber(i);
        if (at === -1 ? store.offsetBig(i) >= offset : at >= target) break;
        i += 1;
      }
    } else {
      while (i < this.stop && store.offsetBig(i) < offset) i += 1;
    }
    return i === this.start ? this : new RecordBlock(this.topic, this.partition, store, i, this.stop);
  }

  offset(index: number): string {
    return this.store.offset(this.start + index);
  }

  timestamp(index: number): number {
    return this.store.timestamp(this.start + index);
  }

  valueLength(index: number): number {
    return this.store.valueLength(this.start + index);
  }

  /** Copies the i-th value into `out` at `at`; returns the bytes copied. */
  copyValue(index: number, out: Buffer, at: number): number {
    return this.store.copyValue(this.start + index, out, at);
  }

  /** The i-th offset as a number, or -1 when beyond 2^53 (then read offset(i)). */
  offsetNumber(index: number): number {
    return this.store.offsetNumber(this.start + index);
  }

  /**
   * Where the i-th record's key or value is, without a Buffer for it: `bytes` holds it from
   * `at`, `size` long (-1: null). Valid until the block is released.
   */
  locate(index: number, field: 'key' | 'value', into: FieldLocation): FieldLocation {
    return this.store.locate(this.start + index, field, into);
  }

  /** Whether the i-th record has headers. */
  hasHeaders(index: number): boolean {
    return this.store.headerCount(this.start + index) > 0;
  }

  /** The values, each followed by `separator`, moved together in place (see RecordStore.takeValueLines); null when they cannot be. */
  takeValueLines(separator: number): Buffer | null {
    return this.store.takeValueLines(this.start, this.stop, separator);
  }

  /**
   * Nothing reads these records (nor the bytes takeValueLines gave) any more: the response they
   * are in may be reused (RecordStore.release). Reading them afterwards throws.
   */
  release(): void {
    this.store.release();
  }

  /** The bytes of every key and value (what the fetch sizer counts). */
  payloadBytes(): number {
    let bytes = 0;
    for (let i = this.start; i < this.stop; i += 1) bytes += this.store.keyLength(i) + this.store.valueLength(i);
    return bytes;
  }
}

/*
 * The block rides on the (empty) list itself, under a symbol, rather than in a WeakMap: with a
 * WeakMap, the fetched responses stayed in memory until a full (mark-compact) collection, which
 * comes only after some 64 MB more of external memory (measured: 130 MB peak RSS against 99 MB
 * for a million 100-byte messages); V8's young-generation collections did not free them.
 */
const BLOCK = Symbol('ckafka.recordBlock');

/** Notes that a partition's (empty) `messages` list from a Fetch response stands for these records. */
export function noteBlock(messages: object, block: RecordBlock): void {
  (messages as { [BLOCK]?: RecordBlock })[BLOCK] = block;
}

/** The records a partition's `messages` list stands for (see noteBlock), if any. */
export function blockOf(messages: object): RecordBlock | undefined {
  return (messages as { [BLOCK]?: RecordBlock })[BLOCK];
}

/** One record of a RecordStore as a message: each field is read when asked. */
class BlockMessage implements ConsumedMessage {
  constructor(
    readonly topic: string,
    readonly partition: number,
    private readonly store: RecordStore,
    private readonly index: number,
  ) {}

  get offset(): string {
    return this.store.offset(this.index);
  }

  get timestamp(): number {
    return this.store.timestamp(this.index);
  }

  get key(): Buffer | null {
    return this.store.key(this.index);
  }

  get value(): Buffer | null {
    return this.store.value(this.index);
  }

  get headers(): Header[] {
    return this.store.headers(this.index);
  }
}

/** What to keep of a partition's record batches. */
export interface ScanOptions {
  /**
   * Only what a consumer shows: no control records, and no records of the aborted transactions
   * listed (the Fetch response's aborted_transactions); else every record, as kafkajs decodes.
   */
  visible: boolean;
  aborted?: readonly { producerId: string; firstOffset: string }[] | null;
}

/**
 * Notes the records of consecutive record batches (magic 2) in `buf`; a partial batch at the end
 * is left out, and so is everything from a batch of another format on (the next fetch starts
 * there, and kafkajs's decoder reads it). `store.end` is where the next fetch goes on.
 */
export async function scanRecordBatches(buf: Buffer, options: ScanOptions): Promise<RecordStore> {
  // The records of the complete batches, to size the store once.
  let capacity = 0;
  for (let at = 0; buf.length - at >= RECORD_BATCH_OVERHEAD; ) {
    const end = at + 12 + buf.readInt32BE(at + 8);
    if (end > buf.length || buf[at + MAGIC_OFFSET] !== 2) break;
    capacity += Math.max(0, buf.readInt32BE(at + 57));
    at = end;
  }
  const store = new RecordStore(capacity);
  const aborted = options.visible && options.aborted && options.aborted.length > 0 ? new AbortedBatches(options.aborted) : null;
  let at = 0;
  let lastEnd = 0n;
  while (buf.length - at >= RECORD_BATCH_OVERHEAD) {
    const length = buf.readInt32BE(at + 8);
    const end = at + 12 + length;
    noteBatchSize(12 + length);
    if (end > buf.length || buf[at + MAGIC_OFFSET] !== 2) break;
    const attributes = buf.readInt16BE(at + 21);
    const firstOffset = buf.readBigInt64BE(at);
    const lastOffsetDelta = buf.readInt32BE(at + 23);
    lastEnd = firstOffset + BigInt(lastOffsetDelta) + 1n;
    const count = buf.readInt32BE(at + 57);
    const control = (attributes & CONTROL_FLAG) > 0;
    const codec = compression.lookupCodecByAttributes(attributes);
    let records: Buffer | null = null;
    let from = 0;
    if (!codec) {
      if (count !== -1) {
        records = buf;
        from = at + BATCH_HEADER;
      }
    } else if (count > 0) {
      records = await codec.decompress(buf.subarray(at + BATCH_HEADER, end));
    }
    let keep = records !== null && count > 0;
    if (keep && options.visible && (control || aborted)) {
      const abortMarker = control && isAbortMarker(firstKey(records as Buffer, from));
      const drop = aborted?.drop({
        producerId: buf.readBigInt64BE(at + 43).toString(),
        firstOffset,
        lastOffset: firstOffset + BigInt(lastOffsetDelta),
        inTransaction: (attributes & TRANSACTIONAL_FLAG) > 0,
        control,
        abortMarker,
      }) ?? false;
      keep = !control && !drop;
    }
    if (keep) {
      const firstTimestamp = buf.readBigInt64BE(at + 27);
      const numeric = firstOffset < SAFE && firstOffset > -SAFE && firstTimestamp < SAFE && firstTimestamp > -SAFE;
      const appendTime = (attributes & TIMESTAMP_TYPE_FLAG) > 0 ? buf.readBigInt64BE(at + 35).toString() : null;
      const segment = store.segments.length;
      store.segments.push({
        buf: records as Buffer, firstOffset, firstTimestamp, numeric, baseOffset: Number(firstOffset), baseTimestamp: Number(firstTimestamp),
        appendTime, attributes, context: null, header: buf.subarray(at, at + BATCH_HEADER),
      });
      scanRecords(records as Buffer, from, count, segment, store);
    }
    at = end;
  }
  // Where the next fetch goes on: past every complete batch, even those the cleaner left empty.
  if (at > 0) store.end = lastEnd;
  return store;
}

/** The batch header's fields as kafkajs's decoder gives them to each record. */
function batchContext(header: Buffer): BatchContext {
  const attributes = header.readInt16BE(21);
  return {
    firstOffset: header.readBigInt64BE(0).toString(),
    firstTimestamp: header.readBigInt64BE(27).toString(),
    partitionLeaderEpoch: header.readInt32BE(12),
    inTransaction: (attributes & TRANSACTIONAL_FLAG) > 0,
    isControlBatch: (attributes & CONTROL_FLAG) > 0,
    lastOffsetDelta: header.readInt32BE(23),
    producerId: header.readBigInt64BE(43).toString(),
    producerEpoch: header.readInt16BE(51),
    firstSequence: header.readInt32BE(53),
    maxTimestamp: header.readBigInt64BE(35).toString(),
    timestampType: (attributes & TIMESTAMP_TYPE_FLAG) > 0 ? LOG_APPEND_TIME : CREATE_TIME,
    magicByte: header.readInt8(16),
  };
}

/** The first record's key (control batches: what kind of marker). */
function firstKey(buf: Buffer, pos: number): Buffer | null {
  readVarInt(buf, pos); // length
  pos = skipVarInt(buf, cursor + 1); // attributes, then the timestamp delta
  readVarInt(buf, pos); // offset delta
  const length = readVarInt(buf, cursor);
  return length === -1 ? null : buf.subarray(cursor, cursor + length);
}

function scanRecords(buf: Buffer, start: number, count: number, segment: number, store: RecordStore): void {
  let pos = start;
  for (let i = 0; i < count; i += 1) {
    const length = readVarInt(buf, pos);
    const body = cursor;
    const end = body + length;
    if (end > buf.length || length < 0) throw new RangeError(`record ${i} of a batch runs past its end`);
    // Attributes (one byte), then the timestamp delta (a varlong), both read when asked.
    pos = skipVarInt(buf, body + 1);
    const delta = readVarInt(buf, pos);
    const keyLength = readVarInt(buf, cursor);
    const keyAt = cursor;
    const valueLength = readVarInt(buf, keyLength === -1 ? keyAt : keyAt + keyLength);
    store.add(segment, body, delta, keyAt, keyLength, cursor, valueLength);
    pos = end;
  }
}

/** Set by readVarInt: the position after the varint it read. */
let cursor = 0;

/**
 * A zigzag varint as kafkajs reads it (32-bit arithmetic); the position after it goes to `cursor`.
 */
function readVarInt(buf: Buffer, pos: number): number {
  let byte = buf[pos++] as number;
  if (byte < 0x80) {
    cursor = pos;
    return (byte >>> 1) ^ -(byte & 1);
  }
  let result = byte & 0x7f;
  let shift = 7;
  do {
    byte = buf[pos++] as number;
    result += (byte & 0x7f) << shift;
    shift += 7;
  } while (byte >= 0x80);
  cursor = pos;
  return (result >>> 1) ^ -(result & 1);
}

/** The position after the varint (or varlong) at `pos`. */
function skipVarInt(buf: Buffer, pos: number): number {
  while ((buf[pos++] as number) >= 0x80);
  return pos;
}

/** A zigzag varlong: a number up to 49 bits, a BigInt beyond. */
function readVarLong(buf: Buffer, pos: number): number | bigint {
  const from = pos;
  let result = 0;
  let shift = 0;
  let byte: number;
  do {
    if (shift > 42) return readVarLongBig(buf, from);
    byte = buf[pos++] as number;
    result += (byte & 0x7f) * 2 ** shift;
    shift += 7;
  } while (byte >= 0x80);
  return result % 2 === 0 ? result / 2 : -(result + 1) / 2;
}

function readVarLongBig(buf: Buffer, pos: number): bigint {
  let result = 0n;
  let shift = 0n;
  let byte: number;
  do {
    byte = buf[pos++] as number;
    result |= BigInt(byte & 0x7f) << shift;
    shift += 7n;
  } while (byte >= 0x80);
  result = BigInt.asUintN(64, result);
  return BigInt.asIntN(64, (result >> 1n) ^ -(result & 1n));
}
