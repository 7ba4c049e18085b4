import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Chalk } from 'chalk';
import { registerCodecs } from '../../../src/kafka/codecs/index.js';
import { decodeFetchBlocks } from '../../../src/kafka/fetch-decoder.js';
import { blockOf, type RecordBlock } from '../../../src/kafka/record-block.js';
import { messageRenderer, messageText } from '../../../src/format/message-text.js';
import { bytes, encodeBatch, response, type BatchSpec } from '../kafka/fetch-fixtures.js';
import type { Header } from '../../../src/kafka/records.js';

/*
 * The readable text of a fetch's RecordBlock, written byte by byte, is messageText's for each of
 * its messages: printable keys and values (copied as they are), others (escaped), null ones,
 * headers, offsets beyond 2^53, timestamps before 1970 ("no timestamp"); also when the renderer
 * reuses its buffer for the next block.
 */

const plain = new Chalk({ level: 0 });
const printable = fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 120 }).map((s) => Buffer.from(s));
// Printable but for one byte at the edge of the range, anywhere (the check reads four bytes at a time).
const almost = fc.tuple(printable.filter((b) => b.length > 0), fc.nat(), fc.constantFrom(0x00, 0x1f, 0x20, 0x7e, 0x7f, 0x80, 0xff)).map(([b, at, byte]) => {
  const copy = Buffer.from(b);
  copy[at % copy.length] = byte;
  return copy;
});
const field = fc.oneof({ weight: 3, arbitrary: printable }, { weight: 2, arbitrary: almost }, { weight: 1, arbitrary: bytes }, { weight: 1, arbitrary: fc.constantFrom(Buffer.from('é 中文'), Buffer.from('a\nb')) });
const record = fc.record({
  key: fc.oneof(fc.constant(null), field),
  value: fc.oneof(fc.constant(null), field),
  headers: fc.oneof({ weight: 4, arbitrary: fc.constant<Header[]>([]) }, { weight: 1, arbitrary: fc.array(fc.record<Header>({ key: fc.constantFrom('a', 'trace'), value: fc.oneof(fc.constant(null), printable) }), { minLength: 1, maxLength: 2 }) }),
  gap: fc.constant(0),
  timestampDelta: fc.integer({ min: -3000, max: 3000 }),
});

beforeAll(() => registerCodecs());

describe('readable text of a RecordBlock', () => {
  it('is messageText of each message, byte for byte', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(record, { minLength: 1, maxLength: 30 }),
        fc.constantFrom(0n, 123456789n, 2n ** 60n),
        fc.constantFrom(1718000000000n, 1000n, -1n),
        async (records, firstOffset, firstTimestamp) => {
          const spec: BatchSpec = { control: 'no', producer: -1, transactional: false, codec: 0, appendTime: false, gapBefore: 0, records };
          const w = await encodeBatch(spec, firstOffset, firstTimestamp);
          const decoded = await decodeFetchBlocks(response(w.bytes, []));
          const block = blockOf(decoded.responses[0]!.partitions[0]!.messages) as RecordBlock;
          const expected = [...block].map((m) => messageText(m, plain, 'utf8')).join('');
          const render = messageRenderer({ kind: 'text' }, plain, 'utf8');
          expect(Buffer.from(render(block)).toString('base64')).toBe(Buffer.from(expected).toString('base64'));
          // Again with the same renderer (its buffer is reused, grown when short), then half of it.
          expect(Buffer.from(render(block)).toString('base64')).toBe(Buffer.from(expected).toString('base64'));
          const half = block.slice(Math.floor(block.length / 2));
          expect(Buffer.from(render(half)).toString('base64')).toBe(Buffer.from([...half].map((m) => messageText(m, plain, 'utf8')).join('')).toString('base64'));
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('readable text of a RecordBlock, every byte value', () => {
  it('copies a value only when every byte is printable, wherever the one byte that may not be is', async () => {
    const records = [];
    for (let byte = 0; byte < 256; byte += 1) {
      for (const at of [0, 1, 2, 3, 17, 18, 19]) {
        const value = Buffer.alloc(20, 0x41);
        value[at] = byte;
        records.push({ key: null, value, headers: [], gap: 0, timestampDelta: 0 });
      }
    }
    const spec: BatchSpec = { control: 'no', producer: -1, transactional: false, codec: 0, appendTime: false, gapBefore: 0, records };
    const w = await encodeBatch(spec, 0n, 1718000000000n);
    const block = blockOf((await decodeFetchBlocks(response(w.bytes, []))).responses[0]!.partitions[0]!.messages) as RecordBlock;
    const expected = [...block].map((m) => messageText(m, plain, 'utf8')).join('');
    expect(Buffer.from(messageRenderer({ kind: 'text' }, plain, 'utf8')(block)).toString()).toBe(expected);
  });
});
