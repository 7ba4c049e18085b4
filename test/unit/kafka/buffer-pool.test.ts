import { describe, expect, it } from 'vitest';
import { BufferPool } from '../../../src/kafka/buffer-pool.js';
import { decodeRecords, RecordBatchWriter } from '../../../src/kafka/record-batch.js';

describe('BufferPool', () => {
  it('gives back the buffers it was given, at most `keep` of them', () => {
    const pool = new BufferPool(2);
    const [a, b, c] = [pool.take(100), pool.take(100), pool.take(100)];
    expect(new Set([a, b, c]).size).toBe(3);
    for (const x of [a, b, c]) pool.give(x);
    expect(pool.held).toBe(2);
    const again = new Set([pool.take(100), pool.take(100)]);
    expect(again.has(a) && again.has(b)).toBe(true);
    const next = pool.take(100);
    expect(next === a || next === b || next === c).toBe(false);
  });

  it('keeps only buffers as large as the largest asked for', () => {
    const pool = new BufferPool(4);
    const small = pool.take(100);
    const large = pool.take(1000);
    expect(large.length).toBeGreaterThanOrEqual(1000);
    pool.give(small);
    expect(pool.held).toBe(0);
    pool.give(large);
    expect(pool.take(10)).toBe(large);
  });

  it('lends its memory to record batches, which write the same bytes again', () => {
    const pool = new BufferPool(4);
    const write = (values: string[]) => {
      const writer = new RecordBatchWriter(64, 30, pool);
      for (const v of values) writer.add(null, Buffer.from(v), [], 1000);
      return writer;
    };
    const first = write(['one', 'two']);
    const firstBatch = first.finish();
    const bytes = Buffer.from(firstBatch.bytes);
    first.release();
    const again = write(['one', 'two']);
    const batch = again.finish();
    expect(batch.bytes.buffer).toBe(firstBatch.bytes.buffer);
    expect(batch.bytes.equals(bytes)).toBe(true);
    // A batch that outgrows its buffer takes a larger one and leaves the small one behind.
    const grown = write(Array.from({ length: 100 }, (_, i) => `value ${i}`));
    expect(decodeRecords(grown.finish()).map((r) => r.value!.toString())).toEqual(Array.from({ length: 100 }, (_, i) => `value ${i}`));
    grown.release();
    expect(pool.held).toBe(1);
  });
});
