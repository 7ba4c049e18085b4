import type { ChalkInstance } from 'chalk';

/** Left-aligned columns (numbers right-aligned), a bold header, two spaces between columns. */
export function table(headers: string[], rows: (string | number)[][], c: ChalkInstance): string {
  const cells = rows.map((r) => r.map(String));
  const isNumber = (v: string | number | undefined) => typeof v === 'number' || /^-?\d+$/.test(String(v));
  // A '-' (no value) keeps a column of numbers right-aligned.
  const numeric = headers.map((_, i) => rows.some((r) => isNumber(r[i])) && rows.every((r) => isNumber(r[i]) || r[i] === '-'));
  const widths = headers.map((h, i) => Math.max(h.length, ...cells.map((r) => r[i]?.length ?? 0)));
  const line = (r: string[]) =>
    r.map((v, i) => (numeric[i] ? v.padStart(widths[i]!) : v.padEnd(widths[i]!))).join('  ').trimEnd();
  return [c.bold(line(headers)), ...cells.map(line)].join('\n') + '\n';
}
