import Decoder from 'kafkajs/src/protocol/decoder.js';
import fetchV11 from 'kafkajs/src/protocol/requests/fetch/v11/response.js';
import kafkajsDecodeMessages from 'kafkajs/src/protocol/requests/fetch/v4/decodeMessages.js';
import fetchV4 from 'kafkajs/src/protocol/requests/fetch/v4/response.js';
import fetchV5 from 'kafkajs/src/protocol/requests/fetch/v5/response.js';
import fetchV6 from 'kafkajs/src/protocol/requests/fetch/v6/response.js';
import fetchV7 from 'kafkajs/src/protocol/requests/fetch/v7/response.js';
import fetchV8 from 'kafkajs/src/protocol/requests/fetch/v8/response.js';
import fetchV9 from 'kafkajs/src/protocol/requests/fetch/v9/response.js';
import fetchV10 from 'kafkajs/src/protocol/requests/fetch/v10/response.js';
import { dropAborted, type AbortedTransaction } from './aborted-filter.js';
import { fetchEnd, noteFetchEnd } from './fetch-position.js';
import { applyBlockBatches } from './block-batch.js';
import { noteBlock, RecordBlock, scanRecordBatches, type BatchContext } from './record-block.js';
import { ResponseLease } from './response-socket.js';

/*
 * kafkajs 2.2.4 turns every fetched record into objects through a Decoder per record, Long
 * (BigInt) arithmetic from strings, and an exception per fetch for the partial batch at its end.
 * This decodes Fetch v11 responses (what kafkajs speaks with Kafka 2.1 and later, CKafka's 2.4,
 * 2.8 and 3.2 included) itself. For ckafka's consumer the records stay in the response's bytes
 * (record-block.ts) and kafkajs gets a batch that hands them on (block-batch.ts); the rest of
 * kafkajs (offsets, groups, retries) is unchanged. decodeFetchResponse gives the very objects
 * kafkajs builds instead. Older record formats (magic 0 and 1) still go through kafkajs's own
 * decoder, and so does any response this one fails on. Tested against kafkajs's decoder:
 * test/unit/kafka/fetch-decoder.test.ts, test/unit/kafka/record-block.property.test.ts.
 */

const MAGIC_OFFSET = 16;

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

let applied = false;

/**
 * Makes kafkajs decode Fetch v11 responses with `decodeFetchBlocks` (and hand on the blocks, see
 * block-batch.ts), and leave out aborted transactions' records itself (see aborted-filter.ts)
 * from every Fetch version that has them (v4 and later); once per process.
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
  // Blocks only when kafkajs's consumer hands them on; else its own objects.
  const decode = applyBlockBatches() ? decodeFetchBlocks : decodeFetchResponse;
  fetchV11.decode = async (rawData: Buffer) => {
    let response;
    try {
      response = await decode(rawData);
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
  return decodeResponse(rawData, false);
}

/**
 * Decodes a Fetch v11 response for ckafka's consumer: each partition's records in magic 2 stay
 * in the response's bytes as a RecordBlock (see blockOf in record-block.ts), without control records and aborted
 * transactions' records; its `messages` is an empty list kafkajs has nothing to do with. Older
 * formats are decoded by kafkajs, as by decodeFetchResponse.
 */
export async function decodeFetchBlocks(rawData: Buffer) {
  return decodeResponse(rawData, true);
}

async function decodeResponse(rawData: Buffer, asBlocks: boolean) {
  // The blocks hold the response's buffer until each is released; decoding holds it too.
  const lease = asBlocks ? ResponseLease.of(rawData) : null;
  lease?.hold();
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
      const partition = {
        partition: decoder.readInt32(),
        errorCode: decoder.readInt16(),
        highWatermark: decoder.readInt64().toString(),
        lastStableOffset: decoder.readInt64().toString(),
        lastStartOffset: decoder.readInt64().toString(),
        abortedTransactions: decoder.readArray((d) => ({ producerId: d.readInt64().toString(), firstOffset: d.readInt64().toString() })),
        preferredReadReplica: decoder.readInt32(),
        messages: [] as unknown[],
      };
      const batches = recordBatches(decoder);
      if (batches === null) {
        partition.messages = await kafkajsDecodeMessages(decoder);
        // kafkajs's records point into the buffer for as long as they live.
        if (partition.messages.length > 0) lease?.pin();
      } else if (!asBlocks) {
        partition.messages = await decodeRecordBatches(batches);
      } else {
        const store = await scanRecordBatches(batches, { visible: true, aborted: partition.abortedTransactions });
        store.lease = lease;
        lease?.hold();
        noteBlock(partition.messages, new RecordBlock(topicName ?? '', partition.partition, store, 0, store.count));
        if (store.end !== undefined) noteFetchEnd(partition.messages, store.end);
        // Left out by the scan already.
        partition.abortedTransactions = [];
      }
      partitions.push(partition);
    }
    responses.push({ topicName, partitions });
  }
  // Not on a failure: kafkajs's decoder reads the buffer next, and its records keep it.
  lease?.letGo();
  return { throttleTime: 0, clientSideThrottleTime, errorCode, sessionId, responses };
}

/**
 * A partition's record batches in magic 2 (the decoder moves past them), or null for kafkajs's
 * decoder: none, a truncated first batch, or the old message format.
 */
function recordBatches(decoder: KafkajsDecoder): Buffer | null {
  const at = decoder.offset;
  const buffer = decoder.buffer;
  if (buffer.length - at < 4) return null;
  const size = buffer.readInt32BE(at);
  if (size > 0 && size <= MAGIC_OFFSET && decoder.canReadBytes(4 + size)) {
    // The start of a batch cut off by the response's size limit, too short to hold a magic byte
    // (kafkajs reads past its end and throws a RangeError, failing the whole fetch): no record.
    decoder.offset = at + 4 + size;
    return EMPTY;
  }
  if (size <= 0 || !decoder.canReadBytes(4 + size) || size <= MAGIC_OFFSET || buffer.readInt8(at + 4 + MAGIC_OFFSET) !== 2) {
    // Empty, truncated, or the old message format: kafkajs's path.
    return null;
  }
  decoder.offset = at + 4 + size;
  return buffer.subarray(at + 4, at + 4 + size);
}

const EMPTY = Buffer.alloc(0);

/** The records of consecutive RecordBatches (magic 2) as kafkajs's objects; a partial batch at the end is left out. */
export async function decodeRecordBatches(buf: Buffer): Promise<KafkajsRecord[]> {
  const store = await scanRecordBatches(buf, { visible: false });
  const records: KafkajsRecord[] = [];
  for (let i = 0; i < store.count; i += 1) records.push(store.kafkajsRecord(i));
  // Where the next fetch goes on: past every complete batch, even those the cleaner left empty.
  if (store.end !== undefined) noteFetchEnd(records, store.end);
  return records;
}
