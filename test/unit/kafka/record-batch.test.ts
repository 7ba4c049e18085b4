import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { randomBytes } from 'node:crypto';
import { CompressionTypes } from 'kafkajs';
import { registerCodecs } from '../../../src/kafka/codecs/index.js';
import { crc32c, crc32cJs } from '../../../src/kafka/record-batch-crc32c.js';
import { wasmCrc32c } from '../../../src/kafka/crc32c-wasm.js';
import {
  BATCH_HEADER_SIZE, decodeRecords, RecordBatchWriter, sealBatch, sizeOfVarint, sizeOfVarlong, type EncodedBatch,
} from '../../../src/kafka/record-batch.js';
import type { Header } from '../../../src/kafka/records.js';

// kafkajs's own decoder and checksum are the reference: what we write must read back through them.
const require = createRequire(import.meta.url);
const Decoder = require('kafkajs/src/protocol/decoder.js') as new (buffer: Buffer) => unknown;
const decodeBatch = require('kafkajs/src/protocol/recordBatch/v0/decoder.js') as (decoder: unknown) => Promise<DecodedBatch>;
const kafkajsCrc32c = require('kafkajs/src/protocol/recordBatch/crc32C/index.js') as (buffer: Buffer) => number;
const KafkajsEncoder = require('kafkajs/src/protocol/encoder.js') as { sizeOfVarInt(v: number): number; sizeOfVarLong(v: number): number };
const { lookupCodec } = require('kafkajs/src/protocol/message/compression/index.js') as {
  lookupCodec(type: number): { compress(e: { buffer: Buffer }): Promise<Buffer> };
};

interface DecodedBatch {
  firstTimestamp: string;
  maxTimestamp: string;
  lastOffsetDelta: number;
  producerId: string;
  producerEpoch: number;
  firstSequence: number;
  inTransaction: boolean;
  records: { key: Buffer | null; value: Buffer | null; timestamp: string; offset: string; headers: Record<string, Buffer | Buffer[] | null> }[];
}

interface Sample {
  key: Buffer | null;
  value: Buffer | null;
  headers: Header[];
  timestamp: number;
}

const now = 1_764_000_000_000;
const sharedHeaders: Header[] = [{ key: 'source', value: Buffer.from('ci') }];
const samples: Sample[] = [
  { key: null, value: Buffer.from('Message 0'), headers: [], timestamp: now },
  { key: Buffer.from('k1'), value: Buffer.from('v1'), headers: sharedHeaders, timestamp: now + 1 },
  { key: Buffer.alloc(0), value: Buffer.alloc(0), headers: sharedHeaders, timestamp: now + 1 },
  { key: Buffer.from('tomb'), value: null, headers: [], timestamp: now },
  // Repeated names, a null value, a name that is not ASCII.
  {
    key: null, value: Buffer.from('h'), timestamp: now + 5,
    headers: [{ key: 'a', value: Buffer.from('1') }, { key: 'a', value: Buffer.from('2') }, { key: 'n', value: null }, { key: 'größe', value: Buffer.from('x') }],
  },
  // Earlier and much earlier than the first record (JSON input may carry any time): negative deltas, beyond 32 bits.
  { key: null, value: Buffer.from('old'), headers: [], timestamp: 1_700_000_000_000 },
  { key: null, value: Buffer.from('older'), headers: [], timestamp: now - 1000 },
  { key: randomBytes(300), value: randomBytes(70_000), headers: [], timestamp: now + 2 },
];

function write(records: Sample[], capacity?: number, headroom?: number): RecordBatchWriter {
  const writer = new RecordBatchWriter(capacity, headroom);
  for (const r of records) writer.add(r.key, r.value, r.headers, r.timestamp);
  return writer;
}

async function readBack(batch: EncodedBatch): Promise<DecodedBatch> {
  return decodeBatch(new Decoder(batch.bytes));
}

function expectSamples(decoded: DecodedBatch, records: Sample[]): void {
  expect(decoded.records).toHaveLength(records.length);
  decoded.records.forEach((r, i) => {
    const want = records[i]!;
    expect(r.offset).toBe(String(i));
    expect(r.timestamp).toBe(String(want.timestamp));
    expect(r.key).toEqual(want.key);
    expect(r.value).toEqual(want.value);
    const headers: Record<string, Buffer | Buffer[] | null> = {};
    for (const h of want.headers) {
      const existing = headers[h.key];
      headers[h.key] = existing === undefined ? h.value : Array.isArray(existing) ? [...existing, h.value!] : [existing!, h.value!];
    }
    expect(r.headers).toEqual(headers);
  });
}

const storedCrc = (bytes: Buffer) => bytes.readUInt32BE(17);

describe('crc32c', () => {
  it('agrees with kafkajs on every length and alignment', () => {
    const data = randomBytes(4096 + 64);
    for (const start of [0, 1, 2, 3, 5]) {
      for (const length of [0, 1, 3, 4, 15, 16, 17, 31, 64, 100, 1000, 4096]) {
        const slice = data.subarray(start, start + length);
        expect(crc32c(slice)).toBe(kafkajsCrc32c(slice));
        expect(crc32c(data, start, start + length)).toBe(kafkajsCrc32c(slice));
      }
    }
  });

  it('gives the standard check value', () => {
    expect(crc32c(Buffer.from('123456789'))).toBe(0xe3069283);
    expect(crc32cJs(Buffer.from('123456789'))).toBe(0xe3069283);
  });

  it('in WebAssembly gives what the JavaScript version gives, on every length and alignment, across its window', () => {
    const wasm = wasmCrc32c(tablesOf(new Int32Array(16 * 256)));
    expect(wasm).not.toBeNull();
    const data = randomBytes(600_000);
    for (const start of [0, 1, 2, 3, 7]) {
      for (const length of [0, 1, 15, 16, 17, 511, 512, 513, 4099, 245_759, 245_760, 245_761, 500_000]) {
        expect(wasm!(data, start, start + length)).toBe(crc32cJs(data, start, start + length));
      }
    }
    expect(crc32c(data, 3, 500_003)).toBe(kafkajsCrc32c(data.subarray(3, 500_003)));
  });

  it('runs without WebAssembly (node --jitless)', () => {
    const script = `import('${new URL('../../../src/kafka/record-batch-crc32c.ts', import.meta.url).href}').then((m) => console.log(m.crc32c(Buffer.alloc(100000, 7))))`;
    const out = execFileSync(process.execPath, ['--jitless', '--import', 'tsx', '-e', script], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    expect(Number(out.trim())).toBe(crc32cJs(Buffer.alloc(100000, 7)));
  });
});

/** CRC-32C's slicing-by-16 tables, as record-batch-crc32c.ts makes them. */
function tablesOf(table: Int32Array): Int32Array {
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0x82f63b78 : c >>> 1;
    table[n] = c;
  }
  for (let n = 0; n < 256; n++) {
    for (let t = 1; t < 16; t++) {
      const prev = table[(t - 1) * 256 + n]!;
      table[t * 256 + n] = (prev >>> 8) ^ table[prev & 0xff]!;
    }
  }
  return table;
}

describe('varints', () => {
  it('are as long as kafkajs says', () => {
    for (const v of [0, 1, -1, 63, -64, 64, -65, 8191, 8192, 2 ** 20, -(2 ** 20), 2 ** 30 - 1, -(2 ** 30), 2 ** 31 - 1, -(2 ** 31)]) {
      expect(sizeOfVarint(v)).toBe(KafkajsEncoder.sizeOfVarInt(v));
    }
    for (const v of [0, -1, 2 ** 31, -(2 ** 31) - 1, 64_000_000_000, -64_000_000_000, 2 ** 48, -(2 ** 48), Number.MAX_SAFE_INTEGER >> 2]) {
      expect(sizeOfVarlong(v)).toBe(KafkajsEncoder.sizeOfVarLong(v));
    }
  });
});

describe('RecordBatchWriter', () => {
  it('writes a batch kafkajs decodes record for record, with a valid CRC once sealed', async () => {
    const batch = write(samples, 16).finish();
    sealBatch(batch.bytes, { producerId: -1n, producerEpoch: -1, baseSequence: -1, transactional: false });
    const decoded = await readBack(batch);
    expectSamples(decoded, samples);
    expect(decoded.firstTimestamp).toBe(String(now));
    expect(decoded.maxTimestamp).toBe(String(now + 5));
    expect(decoded.lastOffsetDelta).toBe(samples.length - 1);
    expect(batch.count).toBe(samples.length);
    expect(storedCrc(batch.bytes)).toBe(kafkajsCrc32c(batch.bytes.subarray(21)));
    expect(batch.bytes.readInt32BE(8)).toBe(batch.bytes.length - 12);
    expect(batch.bytes[16]).toBe(2);
  });

  it('grows from a small buffer and keeps the headroom free', () => {
    const batch = write(samples, 1, 40).finish();
    expect(batch.headroom).toBe(40);
    expect(batch.bytes.byteOffset - 40).toBeGreaterThanOrEqual(0);
    expect(decodeRecords(batch)).toEqual(samples);
  });

  it('reads back its own records (the path for brokers before 0.11)', () => {
    expect(decodeRecords(write(samples).finish())).toEqual(samples);
  });

  it('seals producer fields and the transactional flag, recomputing the CRC', async () => {
    const batch = write(samples.slice(0, 3)).finish();
    sealBatch(batch.bytes, { producerId: 4242n, producerEpoch: 7, baseSequence: 100, transactional: true });
    const decoded = await readBack(batch);
    expect(decoded).toMatchObject({ producerId: '4242', producerEpoch: 7, firstSequence: 100, inTransaction: true });
    expect(storedCrc(batch.bytes)).toBe(kafkajsCrc32c(batch.bytes.subarray(21)));
    sealBatch(batch.bytes, { producerId: -1n, producerEpoch: 0, baseSequence: 0, transactional: false });
    expect(await readBack(batch)).toMatchObject({ producerId: '-1', inTransaction: false });
  });

  it('refuses to finish an empty batch', () => {
    expect(() => new RecordBatchWriter().finish()).toThrow(/empty/);
  });

  it.each([
    ['gzip', CompressionTypes.GZIP],
    ['snappy', CompressionTypes.Snappy],
    ['lz4', CompressionTypes.LZ4],
    ['zstd', CompressionTypes.ZSTD],
  ])('compresses with %s into a batch kafkajs decompresses', async (_name, codec) => {
    registerCodecs();
    const writer = write(samples);
    const compressed = await lookupCodec(codec).compress({ buffer: writer.records() });
    const batch = writer.finish(codec, compressed);
    sealBatch(batch.bytes, { producerId: -1n, producerEpoch: 0, baseSequence: 0, transactional: false });
    expect(batch.bytes.readInt16BE(21) & 0x07).toBe(codec);
    expect(batch.bytes.length).toBe(BATCH_HEADER_SIZE + compressed.length);
    expect(storedCrc(batch.bytes)).toBe(kafkajsCrc32c(batch.bytes.subarray(21)));
    expectSamples(await readBack(batch), samples);
    expect(decodeRecords(batch)).toEqual(samples);
  });
});

describe('RecordBatchWriter headers', () => {
  it('sees a change to a headers array it has encoded before', () => {
    const headers: Header[] = [{ key: 'a', value: Buffer.from('1') }];
    const writer = new RecordBatchWriter();
    writer.add(null, Buffer.from('x'), headers, now);
    headers[0] = { key: 'a', value: Buffer.from('2') };
    headers.push({ key: 'b', value: null });
    writer.add(null, Buffer.from('y'), headers, now);
    expect(decodeRecords(writer.finish()).map((r) => r.headers)).toEqual([
      [{ key: 'a', value: Buffer.from('1') }],
      [{ key: 'a', value: Buffer.from('2') }, { key: 'b', value: null }],
    ]);
  });
});
