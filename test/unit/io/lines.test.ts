import { describe, expect, it } from 'vitest';
import { splitLineSpans, type LineSpans } from '../../../src/io/lines.js';

async function* reads(...parts: (string | Buffer)[]): AsyncGenerator<Buffer | string> {
  for (const p of parts) yield p;
}

const linesOf = (g: LineSpans): Buffer[] => Array.from({ length: g.count }, (_, i) => g.data.subarray(g.starts[i], g.ends[i]));

async function collect(stream: AsyncIterable<Buffer | string>, stripCr = false): Promise<{ groups: LineSpans[]; lines: [number, string][] }> {
  const groups: LineSpans[] = [];
  for await (const g of splitLineSpans(stream, stripCr)) groups.push(g);
  const lines = groups.flatMap((g) => linesOf(g).map((l, i): [number, string] => [g.first + i, l.toString()]));
  return { groups, lines };
}

describe('splitLineSpans', () => {
  it('splits across reads, keeps every byte but \\n (a \\r too), blank lines for numbering and a last line without newline', async () => {
    const { lines } = await collect(reads('one\r\ntw', 'o\n\nth', 'r', 'ee\r', '\nlast'));
    expect(lines).toEqual([[1, 'one\r'], [2, 'two'], [3, ''], [4, 'three\r'], [5, 'last']]);
  });

  it('with stripCr drops one \\r before each \\n, also across reads and at the end', async () => {
    const { lines } = await collect(reads('one\r\ntw', 'o\n\r\nth', 'r', 'ee\r', '\nx\r\r\nlast\r'), true);
    expect(lines).toEqual([[1, 'one'], [2, 'two'], [3, ''], [4, 'three'], [5, 'x\r'], [6, 'last']]);
  });

  it('gives the lines of each read at once, numbered on, a line across reads on its own', async () => {
    const text = Array.from({ length: 3000 }, (_, i) => `l${i}`).join('\n');
    const { groups, lines } = await collect(reads(text.slice(0, 10_000), text.slice(10_000)));
    const inFirst = text.slice(0, 10_000).split('\n').length - 1;
    // The first read's complete lines; the one it cuts; the second read's; its last, unterminated line.
    expect(groups.map((g) => g.count)).toEqual([inFirst, 1, 3000 - inFirst - 2, 1]);
    expect(lines.map(([n]) => n)).toEqual(Array.from({ length: 3000 }, (_, i) => i + 1));
    expect(lines.map(([, l]) => l)).toEqual(text.split('\n'));
  });

  it('copies only a line split between reads: other lines are views of the read', async () => {
    const first = Buffer.from('a\nbc');
    const { groups } = await collect(reads(first, Buffer.from('d\n')));
    expect(groups[0]!.data).toBe(first);
    expect(linesOf(groups[1]!)[0]!.toString()).toBe('bcd');
  });

  it('handles an empty stream and a lone \\r', async () => {
    expect((await collect(reads())).lines).toEqual([]);
    expect((await collect(reads('\r'))).lines).toEqual([[1, '\r']]);
    expect((await collect(reads('\r'), true)).lines).toEqual([[1, '']]);
  });
});
