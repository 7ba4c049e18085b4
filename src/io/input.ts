import type { Header, InputError, OutgoingRecord } from '../kafka/records.js';
import { splitLines } from './lines.js';
import { parseJsonRecord } from './json-input.js';

/** One item of producer input: a record, or a line that could not become one. */
export type InputItem = { record: OutgoingRecord } | InputError;

/** Producer input comes in chunks (a read's worth of lines), so per-item overhead stays low. */
export type InputChunks = AsyncIterable<InputItem[]>;

/** How input lines become records. */
export interface LineOptions {
  /** -k: the same key for every message. */
  key?: Buffer;
  /** -K: split each line at the first delimiter into key and value. */
  keyDelimiter?: Buffer;
  /** -H: headers added to every message. */
  headers: Header[];
  /** -p: explicit partition. */
  partition?: number;
  /** --strip-cr: drop a "\r" at the end of each text line (files written on Windows). */
  stripCr?: boolean;
  /** --input json: JSON lines with key, value/payload, headers, partition, timestamp. */
  json?: boolean;
  now?: () => number;
}

/** The demo's generated messages: `Message 0` … `Message N-1`. */
export async function* generatedInput(count: number, options: LineOptions): InputChunks {
  const chunk = 1000;
  for (let start = 0; start < count; start += chunk) {
    const items: InputItem[] = [];
    const now = options.now?.() ?? Date.now();
    for (let i = start; i < Math.min(count, start + chunk); i++) {
      items.push({ record: textRecord(Buffer.from(`Message ${i}`), undefined, options, now) });
    }
    yield items;
  }
}

/** Messages given as command-line arguments, one message each. */
export async function* argumentInput(values: string[], options: LineOptions): InputChunks {
  const now = options.now?.() ?? Date.now();
  yield values.map((value, i) => lineItem(Buffer.from(value), i + 1, options, now));
}

/** One message per line of a stream (stdin or a file); blank lines are skipped. */
export async function* streamInput(stream: AsyncIterable<Buffer | string>, options: LineOptions): InputChunks {
  for await (const { first, lines } of splitLines(stream, 1024, options.stripCr === true)) {
    // One creation time per group of lines: they were read together.
    const now = options.now?.() ?? Date.now();
    const items: InputItem[] = [];
    for (let i = 0; i < lines.length; i++) {
      const bytes = lines[i]!;
      if (bytes.length > 0) items.push(lineItem(bytes, first + i, options, now));
    }
    if (items.length > 0) yield items;
  }
}

function lineItem(bytes: Buffer, line: number, options: LineOptions, now: number): InputItem {
  if (!options.json) return { record: textRecord(bytes, line, options, now) };
  const parsed = parseJsonRecord(bytes, now);
  if ('error' in parsed) return { line, error: parsed.error };
  const record = parsed.record;
  record.line = line;
  if (options.headers.length > 0) record.headers = [...record.headers, ...options.headers];
  if (record.partition === undefined && options.partition !== undefined) record.partition = options.partition;
  if (record.key === null && options.key) record.key = options.key;
  return { record };
}

function textRecord(bytes: Buffer, line: number | undefined, options: LineOptions, now: number): OutgoingRecord {
  let key: Buffer | null = options.key ?? null;
  let value = bytes;
  if (options.keyDelimiter) {
    const at = bytes.indexOf(options.keyDelimiter);
    if (at >= 0) {
      key = bytes.subarray(0, at);
      value = bytes.subarray(at + options.keyDelimiter.length);
    }
  }
  // Every field at once: one object shape, no property added later.
  return { key, value, headers: options.headers, timestamp: now, line, partition: options.partition };
}
