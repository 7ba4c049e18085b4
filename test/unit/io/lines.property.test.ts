import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { splitLineSpans } from '../../../src/io/lines.js';

// The line splitter against the obvious definition (split the whole input at "\n"), whatever
// the bytes and wherever the reads happen to end.

/** The input cut into reads at the given offsets (duplicates and out-of-range ones ignored). */
function cut(bytes: Uint8Array, at: number[]): Buffer[] {
  const points = [...new Set(at.map((n) => n % (bytes.length + 1)))].sort((a, b) => a - b);
  const reads: Buffer[] = [];
  let from = 0;
  for (const p of [...points, bytes.length]) {
    if (p > from) reads.push(Buffer.from(bytes.subarray(from, p)));
    from = Math.max(from, p);
  }
  return reads;
}

async function* of(reads: Buffer[]): AsyncGenerator<Buffer> {
  yield* reads;
}

/** The lines as the definition has them: split at "\n"; a last line without one counts unless empty. */
function expected(bytes: Uint8Array, stripCr: boolean): string[] {
  const text = Buffer.from(bytes).toString('latin1');
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  return stripCr ? lines.map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l)) : lines;
}

async function split(reads: Buffer[], stripCr: boolean): Promise<{ lines: string[]; numbers: number[] }> {
  const lines: string[] = [];
  const numbers: number[] = [];
  for await (const g of splitLineSpans(of(reads), stripCr)) {
    expect(g.count).toBeGreaterThan(0);
    expect([g.starts.length, g.ends.length]).toEqual([g.count, g.count]);
    // Each group's lines lie in one read or (one line across reads) in a copy of its own.
    expect(reads.some((r) => r.buffer === g.data.buffer) || g.count === 1).toBe(true);
    for (let i = 0; i < g.count; i++) {
      lines.push(g.data.subarray(g.starts[i], g.ends[i]).toString('latin1'));
      numbers.push(g.first + i);
    }
  }
  return { lines, numbers };
}

// Bytes rich in the ones that matter ("\n", "\r") next to any other byte.
const bytes = fc.array(fc.oneof(fc.constantFrom(10, 13, 13, 10), fc.integer({ min: 0, max: 255 })), { maxLength: 400 }).map((a) => Uint8Array.from(a));

describe('splitLineSpans (property)', () => {
  it('gives the same lines, byte for byte and numbered 1, 2, 3 …, however the input is cut into reads', async () => {
    await fc.assert(
      fc.asyncProperty(bytes, fc.array(fc.nat(), { maxLength: 20 }), fc.boolean(), async (input, at, stripCr) => {
        const { lines, numbers } = await split(cut(input, at), stripCr);
        expect(lines).toEqual(expected(input, stripCr));
        expect(numbers).toEqual(lines.map((_, i) => i + 1));
      }),
      { numRuns: 500 },
    );
  });

  it('keeps lines that began in an earlier read intact when the reader reuses its buffer', async () => {
    // A stream may hand out the same memory again once a read is consumed.
    await fc.assert(
      fc.asyncProperty(bytes, fc.integer({ min: 1, max: 16 }), async (input, size) => {
        const shared = Buffer.alloc(size);
        async function* reuse(): AsyncGenerator<Buffer> {
          for (let i = 0; i < input.length; i += size) {
            const n = Math.min(size, input.length - i);
            shared.set(input.subarray(i, i + n));
            yield shared.subarray(0, n);
          }
        }
        const lines: string[] = [];
        // Each group is used before the next read, as streamInput does.
        for await (const g of splitLineSpans(reuse())) {
          for (let i = 0; i < g.count; i++) lines.push(g.data.subarray(g.starts[i], g.ends[i]).toString('latin1'));
        }
        expect(lines).toEqual(expected(input, false));
      }),
      { numRuns: 300 },
    );
  });
});
