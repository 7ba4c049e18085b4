import Decoder from 'kafkajs/src/protocol/decoder.js';
import fetchV11 from 'kafkajs/src/protocol/requests/fetch/v11/response.js';
import kafkajsDecodeMessages from 'kafkajs/src/protocol/requests/fetch/v4/decodeMessages.js';
import compression from 'kafkajs/src/protocol/message/compression/index.js';
import fetchV4 from 'kafkajs/src/protocol/requests/fetch/v4/response.js';
import fetchV5 from 'kafkajs/src/protocol/requests/fetch/v5/response.js';
import fetchV6 from 'kafkajs/src/protocol/requests/fetch/v6/response.js';
import fetchV7 from 'kafkajs/src/protocol/requests/fetch/v7/response.js';
import fetchV8 from 'kafkajs/src/protocol/requests/fetch/v8/response.js';
import fetchV9 from 'kafkajs/src/protocol/requests/fetch/v9/response.js';
import fetchV10 from 'kafkajs/src/protocol/requests/fetch/v10/response.js';
import { dropAborted, type AbortedTransaction } from './aborted-filter.js';
import { fetchEnd, noteFetchEnd } from './fetch-position.js';
import { noteBatchSize } from './fetch-sizer.js';

/*
 * kafkajs 2.2.4 turns every fetched record into objects through a Decoder per record, Long
 * (BigInt) arithmetic from strings, and an exception per fetch for the partial batch at its end.
 * This decodes Fetch v11 responses (what kafkajs speaks with Kafka 2.1 and later, CKafka's 2.4,
 * 2.8 and 3.2 included) straight from the buffer into the very objects kafkajs builds, so the
 * rest of kafkajs (batches, transactions, offsets) is unchanged. Older record formats (magic 0
 * and 1) still go through kafkajs's own decoder, and so does any response this one fails on.
 * Tested against kafkajs's decoder: test/unit/kafka/fetch-decoder.test.ts.
 */

const MAGIC_OFFSET = 16;
const RECORD_BATCH_OVERHEAD = 49;
const BATCH_HEADER = 61;
const TIMESTAMP_TYPE_FLAG = 0x08;
const TRANSACTIONAL_FLAG = 0x10;
const CONTROL_FLAG = 0x20;
const LOG_APPEND_TIME = 1;
const CREATE_TIME = 0;
// Offsets and timestamps are added as numbers below this, as BigInts above it.
const SAFE = BigInt(Number.MAX_SAFE_INTEGER) - (1n << 32n);

interface KafkajsDecoder {
  buffer: Buffer;
  offset: number;
  readInt16(): number;
  readInt32(): number;
  readInt64(): { toString(): string };
  readString(): string | null;
  readArray<T>(reader: (d: KafkajsDecoder) => T): T[];
  canReadBytes(length: number): boolean;
}

interface BatchContext {
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

/** A record as kafkajs's record decoder returns it (same fields, same order). */
export interface KafkajsRecord {
  magicByte: number;
  attributes: number;
  timestamp: string;
  offset: string;
  key: Buffer | null;
  value: Buffer | null;
  /**
   * The headers as on the wire: an ordered list, repeats and null values kept. (kafkajs folds them
   * into an object, where a name like `constructor` finds Object.prototype's member and repeats
   * lose their order among other names; nothing in kafkajs reads them, ckafka reads this list.)
   */
  headers: WireHeader[];
  isControlRecord: boolean;
  batchContext: BatchContext;
}

export interface WireHeader {
  key: string;
  value: Buffer | null;
}

const NO_HEADERS: WireHeader[] = [];

let applied = false;

/**
 * Makes kafkajs decode Fetch v11 responses with `decodeFetchResponse`, and leave out aborted
 * transactions' records itself (see aborted-filter.ts) from every Fetch version that has them
 * (v4 and later); once per process.
 */
export function applyFastFetchDecode(): void {
  if (applied) return;
  applied = true;
  for (const version of [fetchV4, fetchV5, fetchV6, fetchV7, fetchV8, fetchV9, fetchV10]) {
    const decode = version.decode;
    if (typeof decode === 'function') version.decode = async (rawData: Buffer) => withoutAborted(await decode(rawData));
  }
  const original = fetchV11.decode;
  if (typeof original !== 'function' || typeof kafkajsDecodeMessages !== 'function') return;
  fetchV11.decode = async (rawData: Buffer) => {
    let response;
    try {
      response = await decodeFetchResponse(rawData);
    } catch {
      // Whatever this decoder cannot read, kafkajs's own decides about (and reports).
      response = await original(rawData);
    }
    return withoutAborted(response);
  };
}

interface FetchedPartition {
  abortedTransactions?: AbortedTransaction[] | null;
  messages: KafkajsRecord[];
}

/** Drops aborted transactions' records; kafkajs's own filter then gets no aborted transaction. */
function withoutAborted<T>(response: T): T {
  for (const { partitions } of (response as { responses?: { partitions: FetchedPartition[] }[] }).responses ?? []) {
    for (const partition of partitions) {
      const aborted = partition.abortedTransactions;
      if (!aborted || aborted.length === 0) continue;
      const end = fetchEnd(partition.messages);
      const kept = dropAborted(partition.messages, aborted);
      // The fetch still reached the end of its last batch, aborted or not.
      if (end !== undefined) noteFetchEnd(kept, end);
      partition.messages = kept;
      partition.abortedTransactions = [];
    }
  }
  return response;
}

/** Decodes a Fetch v11 response body exactly as kafkajs's `fetch/v11/response.js` does. */
export async function decodeFetchResponse(rawData: Buffer) {
  const decoder = new Decoder(rawData) as unknown as KafkajsDecoder;
  const clientSideThrottleTime = decoder.readInt32();
  const errorCode = decoder.readInt16();
  const sessionId = decoder.readInt32();
  const topics = decoder.readInt32();
  const responses = [];
  for (let t = 0; t < topics; t += 1) {
    const topicName = decoder.readString();
    const count = decoder.readInt32();
    const partitions = [];
    for (let p = 0; p < count; p += 1) {
      partitions.push({
        partition: decoder.readInt32(),
        errorCode: decoder.readInt16(),
        highWatermark: decoder.readInt64().toString(),
        lastStableOffset: decoder.readInt64().toString(),
        lastStartOffset: decoder.readInt64().toString(),
        abortedTransactions: decoder.readArray((d) => ({ producerId: d.readInt64().toString(), firstOffset: d.readInt64().toString() })),
        preferredReadReplica: decoder.readInt32(),
        messages: await decodeMessages(decoder),
      });
    }
    responses.push({ topicName, partitions });
  }
  return { throttleTime: 0, clientSideThrottleTime, errorCode, sessionId, responses };
}

async function decodeMessages(decoder: KafkajsDecoder): Promise<unknown[]> {
  const at = decoder.offset;
  const buffer = decoder.buffer;
  if (buffer.length - at < 4) return kafkajsDecodeMessages(decoder);
  const size = buffer.readInt32BE(at);
  if (size > 0 && size <= MAGIC_OFFSET && decoder.canReadBytes(4 + size)) {
    // The start of a batch cut off by the response's size limit, too short to hold a magic byte
    // (kafkajs reads past its end and throws a RangeError, failing the whole fetch): no record.
    decoder.offset = at + 4 + size;
    return [];
  }
  if (size <= 0 || !decoder.canReadBytes(4 + size) || size <= MAGIC_OFFSET || buffer.readInt8(at + 4 + MAGIC_OFFSET) !== 2) {
    // Empty, truncated, or the old message format: kafkajs's path.
    return kafkajsDecodeMessages(decoder);
  }
  decoder.offset = at + 4 + size;
  return decodeRecordBatches(buffer.subarray(at + 4, at + 4 + size));
}

/** The records of consecutive RecordBatches (magic 2); a partial batch at the end is left out. */
export async function decodeRecordBatches(buf: Buffer): Promise<KafkajsRecord[]> {
  const records: KafkajsRecord[] = [];
  let at = 0;
  let lastEnd = 0n;
  while (buf.length - at >= RECORD_BATCH_OVERHEAD) {
    const length = buf.readInt32BE(at + 8);
    const end = at + 12 + length;
    noteBatchSize(12 + length);
    if (end > buf.length) break;
    const attributes = buf.readInt16BE(at + 21);
    const firstOffset = buf.readBigInt64BE(at);
    const firstTimestamp = buf.readBigInt64BE(at + 27);
    const context: BatchContext = {
      firstOffset: firstOffset.toString(),
      firstTimestamp: firstTimestamp.toString(),
      partitionLeaderEpoch: buf.readInt32BE(at + 12),
      inTransaction: (attributes & TRANSACTIONAL_FLAG) > 0,
      isControlBatch: (attributes & CONTROL_FLAG) > 0,
      lastOffsetDelta: buf.readInt32BE(at + 23),
      producerId: buf.readBigInt64BE(at + 43).toString(),
      producerEpoch: buf.readInt16BE(at + 51),
      firstSequence: buf.readInt32BE(at + 53),
      maxTimestamp: buf.readBigInt64BE(at + 35).toString(),
      timestampType: (attributes & TIMESTAMP_TYPE_FLAG) > 0 ? LOG_APPEND_TIME : CREATE_TIME,
      magicByte: buf.readInt8(at + 16),
    };
    lastEnd = firstOffset + BigInt(context.lastOffsetDelta) + 1n;
    const count = buf.readInt32BE(at + 57);
    const codec = compression.lookupCodecByAttributes(attributes);
    if (!codec) {
      if (count !== -1) decodeRecords(buf, at + BATCH_HEADER, count, context, firstOffset, firstTimestamp, records);
    } else if (count > 0) {
      const plain = await codec.decompress(buf.subarray(at + BATCH_HEADER, end));
      decodeRecords(plain, 0, count, context, firstOffset, firstTimestamp, records);
    }
    at = end;
  }
  // Where the next fetch goes on: past every complete batch, even those the cleaner left empty.
  if (at > 0) noteFetchEnd(records, lastEnd);
  return records;
}

function decodeRecords(buf: Buffer, start: number, count: number, context: BatchContext, firstOffset: bigint, firstTimestamp: bigint, out: KafkajsRecord[]): void {
  let pos = start;
  // Varints as kafkajs reads them (zigzag; 32-bit arithmetic for varint, as its decoder does).
  const varInt = (): number => {
    let result = 0;
    let shift = 0;
    let byte: number;
    do {
      byte = buf[pos++] as number;
      result += (byte & 0x7f) << shift;
      shift += 7;
    } while (byte >= 0x80);
    return (result >>> 1) ^ -(result & 1);
  };
  const bytes = (): Buffer | null => {
    const n = varInt();
    if (n === -1) return null;
    const b = buf.subarray(pos, pos + n);
    pos += n;
    return b;
  };
  const numeric = firstOffset < SAFE && firstOffset > -SAFE && firstTimestamp < SAFE && firstTimestamp > -SAFE;
  const baseOffset = Number(firstOffset);
  const baseTimestamp = Number(firstTimestamp);
  const appendTime = context.timestampType === LOG_APPEND_TIME && context.maxTimestamp ? context.maxTimestamp : null;
  for (let i = 0; i < count; i += 1) {
    const length = varInt();
    const end = pos + length;
    const attributes = buf.readInt8(pos);
    pos += 1;
    const timestampDelta = varLong();
    const offsetDelta = varInt();
    const key = bytes();
    const value = bytes();
    const headerCount = varInt();
    // Most records have none: they share one empty list.
    const headers: WireHeader[] = headerCount > 0 ? [] : NO_HEADERS;
    for (let h = 0; h < headerCount; h += 1) {
      const nameLength = varInt();
      const name = nameLength === -1 ? 'null' : buf.toString('utf8', pos, pos + nameLength);
      if (nameLength > 0) pos += nameLength;
      headers.push({ key: name, value: bytes() });
    }
    const timestamp = appendTime ?? (numeric && typeof timestampDelta === 'number' ? String(baseTimestamp + timestampDelta) : String(firstTimestamp + BigInt(timestampDelta)));
    const offset = numeric ? String(baseOffset + offsetDelta) : String(firstOffset + BigInt(offsetDelta));
    out.push({ magicByte: context.magicByte, attributes, timestamp, offset, key, value, headers, isControlRecord: context.isControlBatch, batchContext: context });
    pos = end;
  }

  function varLong(): number | bigint {
    const from = pos;
    let result = 0;
    let shift = 0;
    let byte: number;
    do {
      if (shift > 42) return varLongBig(from);
      byte = buf[pos++] as number;
      result += (byte & 0x7f) * 2 ** shift;
      shift += 7;
    } while (byte >= 0x80);
    return result % 2 === 0 ? result / 2 : -(result + 1) / 2;
  }

  function varLongBig(from: number): bigint {
    pos = from;
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
}
