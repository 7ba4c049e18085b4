import type { Header } from './records.js';
import { crc32c } from './record-batch-crc32c.js';
import type { BufferPool } from './buffer-pool.js';

// Why ckafka writes record batches itself: kafkajs encodes each record through a `Record`
// object and an `Encoder` that allocates at least 512 bytes, concatenates those into the batch
// and copies the batch twice more; a profile of bulk produce put most of the time there and in
// garbage collection, with 600 MB of memory for a million small messages. This writer puts
// every record of a batch straight into one buffer (varints, no per-record objects); kafkajs
// still does connections, SASL/TLS, metadata, retries and the produce response
// (see record-batch-request.ts).

/**
 * RecordBatch v2 (magic 2) header, 61 bytes:
 * baseOffset int64, batchLength int32, partitionLeaderEpoch int32, magic int8, crc uint32,
 * attributes int16, lastOffsetDelta int32, baseTimestamp int64, maxTimestamp int64,
 * producerId int64, producerEpoch int16, baseSequence int32, recordCount int32.
 */
export const BATCH_HEADER_SIZE = 61;
const LENGTH_AT = 8;
const EPOCH_AT = 12;
const MAGIC_AT = 16;
const CRC_AT = 17;
const ATTRIBUTES_AT = 21;
const LAST_DELTA_AT = 23;
const BASE_TIMESTAMP_AT = 27;
const MAX_TIMESTAMP_AT = 35;
const PRODUCER_ID_AT = 43;
const PRODUCER_EPOCH_AT = 51;
const SEQUENCE_AT = 53;
const COUNT_AT = 57;
const TRANSACTIONAL = 0x10;
const EMPTY = Buffer.alloc(0);

/** The producer fields of a batch header, known only when kafkajs builds the request. */
export interface BatchProducerFields {
  producerId: bigint;
  producerEpoch: number;
  baseSequence: number;
  transactional: boolean;
}

/** A batch ready to send but for the producer fields and the CRC (see `sealBatch`). */
export interface EncodedBatch {
  /** The whole RecordBatch: header and records (compressed when the attributes say so). */
  bytes: Buffer;
  /** Free bytes right before `bytes` in the same memory, where a request's framing can go. */
  headroom: number;
  count: number;
  /** The records uncompressed, and the time their deltas count from (see decodeRecords). */
  records: Buffer;
  baseTimestamp: number;
  /**
   * How many requests carried `bytes` (record-batch-request.ts counts): the first is written from
   * them in place; later ones (resends) from a copy, so bytes a socket may still be sending are
   * never changed, and the memory may be used again only when exactly one request carried it.
   */
  sent?: number;
}

function sameHeaders(headers: readonly Header[], items: readonly Header[]): boolean {
  if (headers.length !== items.length) return false;
  for (let i = 0; i < headers.length; i++) {
    if (headers[i]!.key !== items[i]!.key || headers[i]!.value !== items[i]!.value) return false;
  }
  return true;
}

/** A record as decodeRecords gives it back. */
export interface DecodedRecord {
  key: Buffer | null;
  value: Buffer | null;
  headers: Header[];
  timestamp: number;
}

/** Appends records to one buffer in the RecordBatch v2 record format. */
export class RecordBatchWriter {
  private buf: Buffer;
  /** Where the batch header starts: the bytes before it are left for the request's framing. */
  private readonly start: number;
  private at: number;
  private n = 0;
  private baseTimestamp = 0;
  private maxTimestamp = 0;
  // -H headers are the same array for every message of a run: encode them once.
  // (The same array with the same entries: a caller may still change an array it passed.)
  private lastHeaders: readonly Header[] | null = null;
  private lastHeaderItems: Header[] = [];
  private lastHeadersBytes: Buffer = Buffer.alloc(1);

  /**
   * `capacity`: the expected size of the records, to allocate once (it grows when needed);
   * `headroom`: bytes to keep free before the batch (see EncodedBatch.headroom); `pool`: where
   * its memory comes from, and goes back to with `release`.
   */
  constructor(capacity = 64 * 1024, headroom = 0, private readonly pool?: BufferPool) {
    this.start = headroom;
    this.at = headroom + BATCH_HEADER_SIZE;
    this.buf = this.alloc(this.at + Math.max(capacity, 256));
  }

  get count(): number {
    return this.n;
  }

  /** Bytes written so far, header included. */
  get size(): number {
    return this.at - this.start;
  }

  /** Appends one record; `timestamp` in ms since the epoch (≥ 0). */
  add(key: Buffer | null, value: Buffer | null, headers: readonly Header[], timestamp: number): void {
    if (value === null) this.append(key, null, 0, -1, headers, timestamp);
    else this.append(key, value, 0, value.length, headers, timestamp);
  }

  /**
   * Appends one record whose value is `bytes[start, end)` (bulk input: no Buffer per value; a
   * plain Uint8Array view is the cheapest to slice).
   */
  addSpan(key: Buffer | null, bytes: Uint8Array, start: number, end: number, headers: readonly Header[], timestamp: number): void {
    this.append(key, bytes, start, end - start, headers, timestamp);
  }

  /** `valueLength` -1: a null value. */
  private append(key: Buffer | null, bytes: Uint8Array | null, start: number, valueLength: number, headers: readonly Header[], timestamp: number): void {
    if (this.n === 0) {
      this.baseTimestamp = timestamp;
      this.maxTimestamp = timestamp;
    } else if (timestamp > this.maxTimestamp) {
      this.maxTimestamp = timestamp;
    }
    const timestampDelta = timestamp - this.baseTimestamp;
    const headerBytes = headers.length === 0 ? null : this.headerBlock(headers);
    const keyLength = key === null ? -1 : key.length;
    const bodySize =
      1 +
      sizeOfVarlong(timestampDelta) +
      sizeOfVarint(this.n) +
      sizeOfVarint(keyLength) +
      (key === null ? 0 : keyLength) +
      sizeOfVarint(valueLength) +
      (valueLength < 0 ? 0 : valueLength) +
      (headerBytes === null ? 1 : headerBytes.length);
    this.reserve(bodySize + 5);
    const buf = this.buf;
    let at = writeVarint(buf, this.at, bodySize);
    buf[at++] = 0; // record attributes: none are defined
    at = writeVarlong(buf, at, timestampDelta);
    at = writeVarint(buf, at, this.n);
    at = writeVarint(buf, at, keyLength);
    // TypedArray#set: cheaper than Buffer#copy for small values.
    if (key !== null) {
      buf.set(key, at);
      at += keyLength;
    }
    at = writeVarint(buf, at, valueLength);
    if (bytes !== null && valueLength > 0) {
      buf.set(start === 0 && valueLength === bytes.length ? bytes : bytes.subarray(start, start + valueLength), at);
      at += valueLength;
    }
    if (headerBytes === null) buf[at++] = 0;
    else {
      buf.set(headerBytes, at);
      at += headerBytes.length;
    }
    this.at = at;
    this.n += 1;
  }

  /** The records written so far, without the header (what a codec compresses). */
  records(): Buffer {
    return this.buf.subarray(this.start + BATCH_HEADER_SIZE, this.at);
  }

  /**
   * The batch with its header but without CRC (sealBatch adds it with the producer fields);
   * `compressed` replaces the records, compressed with `codec` (kafkajs's CompressionTypes:
   * 1 gzip, 2 snappy, 3 lz4, 4 zstd). The writer is spent after this.
   */
  finish(codec = 0, compressed?: Buffer): EncodedBatch {
    if (this.n === 0) throw new Error('an empty record batch');
    const records = this.records();
    let bytes: Buffer;
    if (codec === 0 || compressed === undefined) {
      bytes = this.buf.subarray(this.start, this.at);
      codec = 0;
    } else {
      bytes = Buffer.allocUnsafe(this.start + BATCH_HEADER_SIZE + compressed.length).subarray(this.start);
      compressed.copy(bytes, BATCH_HEADER_SIZE);
    }
    bytes.writeBigInt64BE(0n, 0);
    bytes.writeInt32BE(bytes.length - 12, LENGTH_AT);
    bytes.writeInt32BE(-1, EPOCH_AT); // the broker sets the partition leader epoch
    bytes[MAGIC_AT] = 2;
    bytes.writeInt16BE(codec & 0x07, ATTRIBUTES_AT); // create time, not transactional (see sealBatch)
    bytes.writeInt32BE(this.n - 1, LAST_DELTA_AT);
    bytes.writeBigInt64BE(BigInt(this.baseTimestamp), BASE_TIMESTAMP_AT);
    bytes.writeBigInt64BE(BigInt(this.maxTimestamp), MAX_TIMESTAMP_AT);
    bytes.writeInt32BE(this.n, COUNT_AT);
    // No producer: Java's "none" values. sealBatch writes the producer's own and the CRC.
    bytes.writeBigInt64BE(-1n, PRODUCER_ID_AT);
    bytes.writeInt16BE(-1, PRODUCER_EPOCH_AT);
    bytes.writeInt32BE(-1, SEQUENCE_AT);
    return { bytes, headroom: this.start, count: this.n, records, baseTimestamp: this.baseTimestamp };
  }

  /**
   * Gives the buffer back to the pool: the batch (`finish`'s bytes, `records`) must be unused
   * from now on: no request holds it, and none will be made from it.
   */
  release(): void {
    this.pool?.give(this.buf);
    this.buf = EMPTY;
  }

  private alloc(size: number): Buffer {
    return this.pool ? this.pool.take(size) : Buffer.allocUnsafe(size);
  }

  private reserve(extra: number): void {
    if (this.at + extra <= this.buf.length) return;
    // Grown: the start (headroom) and everything written so far move along.
    const grown = this.alloc(Math.max(this.buf.length * 2, this.at + extra));
    this.buf.copy(grown, 0, 0, this.at);
    this.pool?.give(this.buf);
    this.buf = grown;
  }

  private headerBlock(headers: readonly Header[]): Buffer {
    if (headers === this.lastHeaders && sameHeaders(headers, this.lastHeaderItems)) return this.lastHeadersBytes;
    const parts: Buffer[] = [varintBytes(headers.length)];
    for (const h of headers) {
      const key = Buffer.from(h.key, 'utf8');
      parts.push(varintBytes(key.length), key, varintBytes(h.value === null ? -1 : h.value.length));
      if (h.value !== null) parts.push(h.value);
    }
    this.lastHeaders = headers;
    this.lastHeaderItems = headers.map((h) => ({ ...h }));
    this.lastHeadersBytes = Buffer.concat(parts);
    return this.lastHeadersBytes;
  }
}

/** The records of a batch (as `RecordBatchWriter.add` took them), read back from its uncompressed records. */
export function decodeRecords(batch: Pick<EncodedBatch, 'records' | 'baseTimestamp'>): DecodedRecord[] {
  const buf = batch.records;
  const out: DecodedRecord[] = [];
  let at = 0;
  const varint = (): number => {
    let v = 0;
    let shift = 0;
    for (;;) {
      const b = buf[at++]!;
      v += (b & 0x7f) * 2 ** shift;
      if (b < 0x80) break;
      shift += 7;
    }
    return v % 2 === 0 ? v / 2 : -(v + 1) / 2;
  };
  const bytes = (): Buffer | null => {
    const n = varint();
    if (n < 0) return null;
    at += n;
    return buf.subarray(at - n, at);
  };
  while (at < buf.length) {
    const length = varint();
    const end = at + length;
    at += 1; // attributes
    const timestamp = batch.baseTimestamp + varint();
    varint(); // offset delta
    const key = bytes();
    const value = bytes();
    const headers: Header[] = [];
    for (let n = varint(); n > 0; n--) headers.push({ key: bytes()!.toString('utf8'), value: bytes() });
    out.push({ key, value, headers, timestamp });
    at = end;
  }
  return out;
}

/** Writes the producer fields into a finished batch and recomputes its CRC (in place). */
export function sealBatch(bytes: Buffer, fields: BatchProducerFields): void {
  const attributes = bytes.readInt16BE(ATTRIBUTES_AT);
  bytes.writeInt16BE(fields.transactional ? attributes | TRANSACTIONAL : attributes & ~TRANSACTIONAL, ATTRIBUTES_AT);
  bytes.writeBigInt64BE(fields.producerId, PRODUCER_ID_AT);
  bytes.writeInt16BE(fields.producerEpoch, PRODUCER_EPOCH_AT);
  bytes.writeInt32BE(fields.baseSequence, SEQUENCE_AT);
  // The CRC covers everything from the attributes to the end.
  bytes.writeUInt32BE(crc32c(bytes, ATTRIBUTES_AT), CRC_AT);
}

/** Size of a zigzag varint of a 32-bit integer. */
export function sizeOfVarint(value: number): number {
  let v = ((value << 1) ^ (value >> 31)) >>> 0;
  let size = 1;
  while (v >= 0x80) {
    v >>>= 7;
    size += 1;
  }
  return size;
}

function writeVarint(buf: Buffer, at: number, value: number): number {
  let v = ((value << 1) ^ (value >> 31)) >>> 0;
  while (v >= 0x80) {
    buf[at++] = (v & 0x7f) | 0x80;
    v >>>= 7;
  }
  buf[at++] = v;
  return at;
}

function varintBytes(value: number): Buffer {
  const buf = Buffer.alloc(5);
  return buf.subarray(0, writeVarint(buf, 0, value));
}

// Timestamp deltas are 64-bit on the wire; any safe integer is encoded exactly with number
// arithmetic (zigzag doubles it: fine for ms timestamps, far below 2^52).
function zigzag64(value: number): number {
  return value >= 0 ? value * 2 : -value * 2 - 1;
}

/** Size of a zigzag varlong of a safe integer. */
export function sizeOfVarlong(value: number): number {
  if (value >= -0x40000000 && value < 0x40000000) return sizeOfVarint(value);
  let v = zigzag64(value);
  let size = 1;
  while (v >= 0x80) {
    v = Math.floor(v / 128);
    size += 1;
  }
  return size;
}

function writeVarlong(buf: Buffer, at: number, value: number): number {
  if (value >= -0x40000000 && value < 0x40000000) return writeVarint(buf, at, value);
  let v = zigzag64(value);
  while (v >= 0x80) {
    buf[at++] = (v % 128) | 0x80;
    v = Math.floor(v / 128);
  }
  buf[at++] = v;
  return at;
}
