import type { ChalkInstance } from 'chalk';
import { displayWidth, padEndWidth, padStartWidth } from './width.js';

/**
 * Left-aligned columns (numbers right-aligned), a bold header, two spaces between columns.
 * Widths are terminal columns, not string lengths: a Chinese heading or topic name takes two
 * columns per character, and colour codes none, so the columns line up in either language.
 */
export function table(headers: string[], rows: (string | number)[][], c: ChalkInstance): string {
  const cells = rows.map((r) => r.map(String));
  const isNumber = (v: string | number | undefined) => typeof v === 'number' || /^-?\d+$/.test(String(v));
  // A '-' (no value) keeps a column of numbers right-aligned.
  const numeric = headers.map((_, i) => rows.some((r) => isNumber(r[i])) && rows.every((r) => isNumber(r[i]) || r[i] === '-'));
  const widths = headers.map((h, i) => Math.max(displayWidth(h), ...cells.map((r) => displayWidth(r[i] ?? ''))));
  const line = (r: string[]) =>
    r.map((v, i) => (numeric[i] ? padStartWidth(v, widths[i]!) : padEndWidth(v, widths[i]!))).join('  ').trimEnd();
  return [c.bold(line(headers)), ...cells.map(line)].join('\n') + '\n';
}
