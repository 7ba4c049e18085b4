import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Chalk } from 'chalk';
import { table } from '../../../src/format/table.js';
import { displayWidth, padEndWidth, padStartWidth } from '../../../src/format/width.js';

// Tables line up in a terminal whatever their cells hold: Chinese headings and names take two
// columns a character, colour codes none. Measured here with the same notion of width the table
// uses, checked first against what terminals do for known characters.

const plain = new Chalk({ level: 0 });
const coloured = new Chalk({ level: 1 });
// eslint-disable-next-line no-control-regex
const stripAnsi = (s: string) => s.replace(/\u001b\[[0-9;]*m/g, '');

describe('displayWidth', () => {
  it.each([
    ['', 0],
    ['orders', 6],
    ['主题', 4],
    ['消费分组 g', 10],
    ['（全部为默认值）', 16],
    ['ＡＢＣ', 6],
    ['ｱｲ', 2], // halfwidth katakana
    ['한국어', 6],
    ['é', 1],
    ['e\u0301', 1], // e and a combining acute accent
    ['\u001b[31mred\u001b[39m', 3],
    ['\u001b[1m分区\u001b[22m', 4],
    ['😀', 2],
    ['𠀀', 2], // CJK extension B, outside the BMP
    ['a\u200db', 2], // zero width joiner
  ])('%j takes %i columns', (text, width) => {
    expect(displayWidth(text)).toBe(width);
  });

  it('pads to a number of columns, not characters', () => {
    expect(padEndWidth('主题', 6)).toBe('主题  ');
    expect(padStartWidth('主题', 6)).toBe('  主题');
    expect(padEndWidth('orders', 4)).toBe('orders');
  });
});

/** Cell text without spaces or digits only (so that it is not taken for a number), often Chinese. */
const word = fc
  .array(fc.constantFrom('a', 'Z', '-', '_', '.', '主', '题', '分', '区', '消', '费', '（', '）', '：', 'ｱ', 'é', '😀', '한'), { minLength: 1, maxLength: 10 })
  .map((chars) => chars.join(''));

/** A column of text or of numbers (right-aligned, '-' allowed), with its heading. */
const column = fc.record({ heading: word, numeric: fc.boolean() });

const tableInput = fc
  .tuple(fc.array(column, { minLength: 1, maxLength: 6 }), fc.nat(8))
  .chain(([columns, rowCount]) =>
    fc.tuple(
      fc.constant(columns),
      fc.array(
        fc.tuple(...columns.map((col) => (col.numeric ? fc.oneof(fc.integer({ min: -99999, max: 999999 }), fc.constant('-')) : word))),
        { minLength: rowCount, maxLength: rowCount },
      ),
      fc.boolean(),
    ),
  );

/** Where each space-separated cell of a line starts and ends, in terminal columns. */
function cellSpans(line: string): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  let at = 0;
  for (const part of line.split(/( +)/)) {
    const width = displayWidth(part);
    if (part !== '' && !part.startsWith(' ')) spans.push({ start: at, end: at + width });
    at += width;
  }
  return spans;
}

describe('table', () => {
  it('lines every cell up under its heading: text from the left, numbers from the right', () => {
    fc.assert(
      fc.property(tableInput, ([columns, rows, colour]) => {
        const c = colour ? coloured : plain;
        // Coloured cells: colour codes must not count as columns.
        const cells = rows.map((row) => row.map((v, i) => (colour && !columns[i]!.numeric && i % 2 === 0 ? c.red(String(v)) : v)));
        const out = table(columns.map((col) => col.heading), cells, c);
        const lines = stripAnsi(out).split('\n');
        expect(lines.pop()).toBe('');
        expect(lines).toHaveLength(rows.length + 1);
        const heading = cellSpans(lines[0]!);
        expect(heading).toHaveLength(columns.length);
        // A column of numbers is right-aligned when it has at least one (not only '-').
        const numeric = columns.map((col, i) => col.numeric && rows.some((row) => typeof row[i] === 'number'));
        for (const line of lines.slice(1)) {
          const spans = cellSpans(line);
          expect(spans).toHaveLength(columns.length);
          spans.forEach((span, i) => {
            if (numeric[i]) expect(span.end, `column ${i} of ${JSON.stringify(line)}`).toBe(heading[i]!.end);
            else expect(span.start, `column ${i} of ${JSON.stringify(line)}`).toBe(heading[i]!.start);
          });
        }
        // Every line, padded to the width of its columns, is as wide as the heading's: only the
        // last column's trailing spaces are trimmed.
        const widths = columns.map((_, i) => Math.max(...lines.map((l) => cellSpans(l)[i]!.end - cellSpans(l)[i]!.start)));
        const full = widths.reduce((a, b) => a + b, 0) + 2 * (columns.length - 1);
        for (const line of lines) {
          const last = cellSpans(line).at(-1)!;
          const trailing = numeric.at(-1) ? 0 : widths.at(-1)! - (last.end - last.start);
          expect(displayWidth(line) + trailing).toBe(full);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('pads Chinese headings and names by their width', () => {
    const out = table(['主题', '分区数'], [['orders', 3], ['订单', 12]], plain);
    expect(out).toBe(['主题    分区数', 'orders       3', '订单        12', ''].join('\n'));
  });

  it('renders English tables as before', () => {
    expect(table(['TOPIC', 'PARTITIONS'], [['orders', 3], ['a', '-']], plain)).toBe('TOPIC   PARTITIONS\norders           3\na                -\n');
  });
});
