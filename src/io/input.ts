import type { Header, InputError, OutgoingRecord } from '../kafka/records.js';
import { splitLineSpans, type LineSpans } from './lines.js';
import { parseJsonRecord } from './json-input.js';

/** One item of producer input: a record, text lines that become records alike, or a line that could not become one. */
export type InputItem = { record: OutgoingRecord } | { lines: LineBlock } | InputError;

/**
 * Text lines that become records all alike but for their values (no -K, not JSON): offsets into
 * one read, with no object per line, for bulk input. A blank line (an empty span) is no message.
 */
export interface LineBlock {
  spans: LineSpans;
  key: Buffer | null;
  headers: Header[];
  partition: number | undefined;
  timestamp: number;
}

/** The record of line `i` of a block (for a report, or a refusal). */
export function blockRecord(block: LineBlock, i: number): OutgoingRecord {
  const { spans } = block;
  const value = spans.data.subarray(spans.starts[i], spans.ends[i]);
  return { key: block.key, value, headers: block.headers, timestamp: block.timestamp, line: spans.first + i, partition: block.partition };
}

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

/**
 * One message per line of a stream (stdin or a file); blank lines are skipped. Plain text lines
 * come as LineBlocks; lines split by -K or parsed as JSON as records, up to 1024 per chunk.
 */
export async function* streamInput(stream: AsyncIterable<Buffer | string>, options: LineOptions): InputChunks {
  const alike = !options.json && options.keyDelimiter === undefined;
  for await (const spans of splitLineSpans(stream, options.stripCr === true)) {
    // One creation time per read: its lines were read together.
    const now = options.now?.() ?? Date.now();
    if (alike) {
      yield [{ lines: { spans, key: options.key ?? null, headers: options.headers, partition: options.partition, timestamp: now } }];
      continue;
    }
    const { data, starts, ends, first, count } = spans;
    // Groups well below a read keep the objects made per line short-lived.
    for (let from = 0; from < count; from += 1024) {
      const items: InputItem[] = [];
      for (let i = from; i < Math.min(count, from + 1024); i++) {
        if (ends[i]! > starts[i]!) items.push(lineItem(data.subarray(starts[i], ends[i]), first + i, options, now));
      }
      if (items.length > 0) yield items;
    }
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
