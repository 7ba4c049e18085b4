import { describe, expect, it, vi } from 'vitest';
import { createRequire } from 'node:module';
import type { Message } from 'kafkajs';
import { RecordBatchWriter, type EncodedBatch } from '../../../src/kafka/record-batch.js';
import { batchMessage, encodeProduceBody, framingSize, installBatchEncoder, requestHeadroom } from '../../../src/kafka/record-batch-request.js';

const require = createRequire(import.meta.url);
const Decoder = require('kafkajs/src/protocol/decoder.js') as new (buffer: Buffer) => {
  readInt16(): number; readInt32(): number; readString(): string | null; readBytes(): Buffer; canReadBytes(n: number): boolean;
};
const decodeBatch = require('kafkajs/src/protocol/recordBatch/v0/decoder.js') as (decoder: unknown) => Promise<{
  producerId: string; producerEpoch: number; firstSequence: number; inTransaction: boolean; records: { value: Buffer | null }[];
}>;
const produceRequests = require('kafkajs/src/protocol/requests/produce/index.js') as {
  protocol(o: { version: number }): (args: Record<string, unknown>) => {
    request: { apiKey: number; apiVersion: number; expectResponse(): boolean; encode(): Promise<{ buffer: Buffer }> };
    response: { decode: unknown; parse: unknown };
  };
};

const createRequest = require('kafkajs/src/protocol/request.js') as (o: {
  correlationId: number; clientId: string; request: { apiKey: number; apiVersion: number; encode(): Promise<unknown> };
}) => Promise<{ buffer: Buffer }>;

const topic = 'orders';

function batchOf(values: string[], headroom = framingSize(topic)): EncodedBatch {
  const writer = new RecordBatchWriter(64, headroom);
  for (const v of values) writer.add(null, Buffer.from(v), [], 1_764_000_000_000);
  return writer.finish();
}

/** Reads a Produce v3–v7 body back: what the broker will see. */
async function parseBody(body: Buffer) {
  const d = new Decoder(body);
  const transactionalId = d.readString();
  const acks = d.readInt16();
  const timeout = d.readInt32();
  const topics = [];
  for (let t = d.readInt32(); t > 0; t--) {
    const name = d.readString();
    const partitions = [];
    for (let p = d.readInt32(); p > 0; p--) {
      const partition = d.readInt32();
      const recordSet = d.readBytes();
      const batches = [];
      const rd = new Decoder(recordSet);
      while (rd.canReadBytes(61)) batches.push(await decodeBatch(rd));
      partitions.push({ partition, batches });
    }
    topics.push({ name, partitions });
  }
  expect(d.canReadBytes(1)).toBe(false);
  return { transactionalId, acks, timeout, topics };
}

const args = (messages: Message[], extra: Record<string, unknown> = {}) => ({
  acks: 1, timeout: 30000, compression: 0, producerId: -1, producerEpoch: 0,
  topicData: [{ topic, partitions: [{ partition: 2, firstSequence: 0, messages }] }],
  ...extra,
});

describe('encodeProduceBody', () => {
  it('frames one batch in its headroom, byte for byte as a copy would', async () => {
    const inPlace = encodeProduceBody(args([batchMessage(2, batchOf(['a', 'b']), () => [])]));
    const copied = encodeProduceBody(args([batchMessage(2, batchOf(['a', 'b'], 0), () => [])]));
    expect(inPlace.equals(copied)).toBe(true);
    const parsed = await parseBody(inPlace);
    expect(parsed).toMatchObject({ transactionalId: null, acks: 1, timeout: 30000 });
    expect(parsed.topics).toHaveLength(1);
    expect(parsed.topics[0]!.name).toBe(topic);
    expect(parsed.topics[0]!.partitions[0]!.partition).toBe(2);
    expect(parsed.topics[0]!.partitions[0]!.batches[0]!.records.map((r) => r.value!.toString())).toEqual(['a', 'b']);
  });

  it('writes the producer fields and the sequence of each batch, and a transactional id', async () => {
    const batches2 = [batchMessage(2, batchOf(['a', 'b', 'c']), () => []), batchMessage(2, batchOf(['d']), () => [])];
    const body = encodeProduceBody(args(batches2, { transactionalId: 'tx-1', producerId: 99, producerEpoch: 3 }));
    const parsed = await parseBody(body);
    expect(parsed.transactionalId).toBe('tx-1');
    const batches = parsed.topics[0]!.partitions[0]!.batches;
    expect(batches.map((b) => [b.producerId, b.firstSequence, b.inTransaction])).toEqual([['99', 0, true], ['99', 3, true]]);
  });
});

describe('installBatchEncoder', () => {
  installBatchEncoder();
  installBatchEncoder(); // once only, however often it is called

  it('writes requests made of our batches itself, keeping kafkajs\'s request fields and response', async () => {
    const made = produceRequests.protocol({ version: 7 })(args([batchMessage(2, batchOf(['x']), () => [])]));
    expect(made.request).toMatchObject({ apiKey: 0, apiVersion: 7 });
    expect(made.request.expectResponse()).toBe(true);
    expect(typeof made.response.decode).toBe('function');
    const body = (await made.request.encode()).buffer;
    expect((await parseBody(body)).topics[0]!.partitions[0]!.batches[0]!.records[0]!.value!.toString()).toBe('x');
  });

  it('leaves requests of plain messages to kafkajs', async () => {
    const made = produceRequests.protocol({ version: 7 })(args([{ value: 'plain', partition: 2 }]));
    const body = (await made.request.encode()).buffer;
    expect((await parseBody(body)).topics[0]!.partitions[0]!.batches[0]!.records[0]!.value!.toString()).toBe('plain');
  });

  it('gives brokers before 0.11 (Produce v2) the plain messages', async () => {
    const plain = vi.fn((): Message[] => [{ value: 'old broker', partition: 2 }]);
    const made = produceRequests.protocol({ version: 2 })(args([batchMessage(2, batchOf(['old broker']), plain)]));
    expect(made.request.apiVersion).toBe(2);
    const body = (await made.request.encode()).buffer;
    expect(plain).toHaveBeenCalled();
    expect(body.includes(Buffer.from('old broker'))).toBe(true);
  });
});

describe('whole requests framed in the batch\'s memory', () => {
  installBatchEncoder();
  const request = async (batch: EncodedBatch, clientId = 'ckafka', extra: Record<string, unknown> = {}) => {
    const made = produceRequests.protocol({ version: 7 })(args([batchMessage(2, batch, () => [])], extra));
    return (await createRequest({ correlationId: 42, clientId, request: made.request })).buffer;
  };

  it('writes the bytes kafkajs\'s copies would, from the batch\'s own buffer', async () => {
    for (const clientId of ['ckafka', '', 'c'.repeat(256), 'long-'.repeat(60)]) {
      const batch = batchOf(['a', 'bb', 'ccc'], requestHeadroom(topic));
      const framed = await request(batch, clientId);
      const copied = await request(batchOf(['a', 'bb', 'ccc'], 0), clientId);
      expect(framed.equals(copied)).toBe(true);
      // size, api key 0, version 7, correlation id, client id, then the body.
      expect(framed.readInt32BE(0)).toBe(framed.length - 4);
      expect([framed.readInt16BE(4), framed.readInt16BE(6), framed.readInt32BE(8)]).toEqual([0, 7, 42]);
      const inPlace = Buffer.byteLength(clientId) <= 256;
      expect(framed.buffer === batch.bytes.buffer).toBe(inPlace);
      if (inPlace) expect(framed.byteOffset + framed.length).toBe(batch.bytes.byteOffset + batch.bytes.length);
    }
  });

  it('sends a batch again from a copy, leaving the bytes of the first request as they were', async () => {
    const batch = batchOf(['x', 'y'], requestHeadroom(topic));
    const first = await request(batch, 'ckafka', { producerId: 7, producerEpoch: 1 });
    const kept = Buffer.from(first);
    const second = await request(batch, 'ckafka', { producerId: 7, producerEpoch: 2 });
    expect(first.equals(kept)).toBe(true);
    expect(second.buffer === batch.bytes.buffer).toBe(false);
    expect(batch.sent).toBe(2);
    const headerSize = 4 + 2 + 2 + 4 + 2 + 'ckafka'.length;
    const batchIn = async (r: Buffer) => (await parseBody(r.subarray(headerSize))).topics[0]!.partitions[0]!.batches[0]!;
    expect(await batchIn(first)).toMatchObject({ producerId: '7', producerEpoch: 1 });
    expect(await batchIn(second)).toMatchObject({ producerId: '7', producerEpoch: 2 });
    expect((await batchIn(second)).records.map((r) => r.value!.toString())).toEqual(['x', 'y']);
  });

  it('leaves other encoders to kafkajs\'s own copy', async () => {
    const Encoder = require('kafkajs/src/protocol/encoder.js') as new () => { writeInt32(v: number): unknown; writeEncoder(e: unknown): { buffer: Buffer }; buf: Buffer };
    const inner = new Encoder();
    inner.writeInt32(5);
    const outer = new Encoder();
    outer.writeInt32(1);
    const out = outer.writeEncoder(inner).buffer;
    expect([...out]).toEqual([0, 0, 0, 1, 0, 0, 0, 5]);
    expect(out.buffer === inner.buf.buffer).toBe(false);
  });
});
