import { describe, expect, it } from 'vitest';
import { splitLines, type Lines } from '../../../src/io/lines.js';

async function* reads(...parts: (string | Buffer)[]): AsyncGenerator<Buffer | string> {
  for (const p of parts) yield p;
}

async function collect(stream: AsyncIterable<Buffer | string>, group?: number, stripCr = false): Promise<{ groups: Lines[]; lines: [number, string][] }> {
  const groups: Lines[] = [];
  for await (const g of splitLines(stream, group, stripCr)) groups.push(g);
  const lines = groups.flatMap((g) => g.lines.map((l, i): [number, string] => [g.first + i, l.toString()]));
  return { groups, lines };
}

describe('splitLines', () => {
  it('splits across reads, keeps every byte but \\n (a \\r too), blank lines for numbering and a last line without newline', async () => {
    const { lines } = await collect(reads('one\r\ntw', 'o\n\nth', 'r', 'ee\r', '\nlast'));
    expect(lines).toEqual([[1, 'one\r'], [2, 'two'], [3, ''], [4, 'three\r'], [5, 'last']]);
  });

  it('with stripCr drops one \\r before each \\n, also across reads and at the end', async () => {
    const { lines } = await collect(reads('one\r\ntw', 'o\n\r\nth', 'r', 'ee\r', '\nx\r\r\nlast\r'), undefined, true);
    expect(lines).toEqual([[1, 'one'], [2, 'two'], [3, ''], [4, 'three'], [5, 'x\r'], [6, 'last']]);
  });

  it('gives groups of at most `group` lines, numbered on', async () => {
    const text = Array.from({ length: 10 }, (_, i) => `l${i}`).join('\n');
    const { groups, lines } = await collect(reads(text), 3);
    expect(groups.map((g) => g.lines.length)).toEqual([3, 3, 3, 1]);
    expect(lines.map(([n]) => n)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('copies only a line split between reads: other lines are views of the read', async () => {
    const first = Buffer.from('a\nbc');
    const { groups } = await collect(reads(first, Buffer.from('d\n')));
    expect(groups[0]!.lines[0]!.buffer).toBe(first.buffer);
    expect(groups[1]!.lines[0]!.toString()).toBe('bcd');
  });

  it('handles an empty stream and a lone \\r', async () => {
    expect((await collect(reads())).lines).toEqual([]);
    expect((await collect(reads('\r'))).lines).toEqual([[1, '\r']]);
    expect((await collect(reads('\r'), undefined, true)).lines).toEqual([[1, '']]);
  });
});
