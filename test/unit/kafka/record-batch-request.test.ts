import { describe, expect, it, vi } from 'vitest';
import { createRequire } from 'node:module';
import type { Message } from 'kafkajs';
import { RecordBatchWriter, type EncodedBatch } from '../../../src/kafka/record-batch.js';
import { batchMessage, encodeProduceBody, framingSize, installBatchEncoder } from '../../../src/kafka/record-batch-request.js';

const require = createRequire(import.meta.url);
const Decoder = require('kafkajs/src/protocol/decoder.js') as new (buffer: Buffer) => {
  readInt16(): number; readInt32(): number; readString(): string | null; readBytes(): Buffer; canReadBytes(n: number): boolean;
};
const decodeBatch = require('kafkajs/src/protocol/recordBatch/v0/decoder.js') as (decoder: unknown) => Promise<{
  producerId: string; firstSequence: number; inTransaction: boolean; records: { value: Buffer | null }[];
}>;
const produceRequests = require('kafkajs/src/protocol/requests/produce/index.js') as {
  protocol(o: { version: number }): (args: Record<string, unknown>) => {
    request: { apiKey: number; apiVersion: number; expectResponse(): boolean; encode(): Promise<{ buffer: Buffer }> };
    response: { decode: unknown; parse: unknown };
  };
};

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
