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
import type { ConsumedMessage } from '../../../src/kafka/records.js';
import { batchSpec, encodeBatch, response, type Written } from './fetch-fixtures.js';
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
const kafkajsV11 = require('kafkajs/src/protocol/requests/fetch/v11/response.js') as { decode(b: Buffer): Promise<Decoded> };
// The reference: kafkajs's own decoder, taken before ckafka's (if loaded) replaces it.
const kafkajsDecode = kafkajsV11.decode.bind(kafkajsV11);

type Decoded = { responses: { topicName: string; partitions: { partition: number; highWatermark: string; messages: KafkajsRecord[]; abortedTransactions: { producerId: string; firstOffset: string }[] }[] }[] };

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

describe('RecordBlock after its records are used up', () => {
  it('throws when read after takeValueLines or release, rather than read bytes that may be reused', async () => {
    const w = await encodeBatch({ control: 'no', producer: -1, transactional: false, codec: 0, appendTime: false, gapBefore: 0, records: [
      { key: null, value: Buffer.from('one'), headers: [], gap: 0, timestampDelta: 0 },
      { key: null, value: Buffer.from('two'), headers: [], gap: 0, timestampDelta: 1 },
    ] }, 0n, 1718000000000n);
    const decode = async () => blockOf((await decodeFetchBlocks(response(w.bytes, []))).responses[0]!.partitions[0]!.messages) as RecordBlock;
    const taken = await decode();
    const first = taken.at(0)!;
    expect(taken.takeValueLines(0x0a)?.toString()).toBe('one\ntwo\n');
    expect(() => first.value).toThrow(/internal/);
    expect(() => taken.offset(1)).toThrow(/internal/);
    const released = await decode();
    expect(released.at(1)!.value?.toString()).toBe('two');
    released.release();
    expect(() => released.at(0)!.key).toThrow(/internal/);
    // Its length stays: kafkajs reads it after the batch is written.
    expect(released.length).toBe(2);
  });
});
