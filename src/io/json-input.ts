import type { Header, OutgoingRecord } from '../kafka/records.js';

type Parsed = { record: OutgoingRecord } | { error: string };

const ENCODINGS = new Set(['utf8', 'utf-8', 'base64', 'hex']);

/**
 * One JSON input line → a record. Takes `value` or `payload` (what `consume -o json` prints),
 * `key`, `headers` (object or [{key, value}] list; `headers_list` wins when present), `partition`, `timestamp`, and
 * `key_encoding`/`payload_encoding` (utf8, base64, hex) for binary data; other fields are ignored.
 */
export function parseJsonRecord(text: string, now: number): Parsed {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { error: `invalid JSON: ${(error as Error).message}` };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { error: 'expected a JSON object with "value" (or "payload"), optional "key", "headers", "partition", "timestamp"' };
  }
  const o = data as Record<string, unknown>;
  try {
    const valueField = 'payload' in o ? 'payload' : 'value';
    if (!(valueField in o)) throw new Error('missing "value" (or "payload")');
    const record: OutgoingRecord = {
      key: bytesOf(o.key, encodingOf(o.key_encoding, 'key_encoding'), 'key'),
      value: bytesOf(o[valueField], encodingOf(o.payload_encoding ?? o.value_encoding, 'payload_encoding'), valueField),
      headers: headersOf(o.headers_list ?? o.headers),
      timestamp: timestampOf(o.timestamp, now),
    };
    const partition = partitionOf(o.partition);
    if (partition !== undefined) record.partition = partition;
    return { record };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

function encodingOf(value: unknown, field: string): BufferEncoding {
  if (value === undefined || value === null) return 'utf8';
  if (typeof value !== 'string' || !ENCODINGS.has(value)) throw new Error(`"${field}" must be utf8, base64 or hex`);
  return value === 'utf-8' ? 'utf8' : (value as BufferEncoding);
}

function bytesOf(value: unknown, encoding: BufferEncoding, field: string): Buffer | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string') {
    if (encoding === 'hex' && !/^([0-9a-fA-F]{2})*$/.test(value)) throw new Error(`"${field}" is not valid hex`);
    return Buffer.from(value, encoding);
  }
  // A JSON object or number as value is sent as its JSON text.
  return Buffer.from(JSON.stringify(value));
}

function headersOf(value: unknown): Header[] {
  if (value === undefined || value === null) return [];
  const one = (key: unknown, v: unknown): Header => {
    if (typeof key !== 'string') throw new Error('header names must be strings');
    if (v !== null && typeof v !== 'string') throw new Error(`header "${key}" must have a string value`);
    return { key, value: v === null ? null : Buffer.from(v) };
  };
  if (Array.isArray(value)) {
    return value.map((h: unknown) => {
      if (Array.isArray(h) && h.length === 2) return one(h[0], h[1]);
      if (typeof h === 'object' && h !== null && 'key' in h) return one((h as { key: unknown }).key, (h as { value?: unknown }).value ?? null);
      throw new Error('"headers" entries must be {"key": ..., "value": ...} or [name, value]');
    });
  }
  if (typeof value === 'object') return Object.entries(value as Record<string, unknown>).map(([k, v]) => one(k, v));
  throw new Error('"headers" must be an object or a list');
}

function partitionOf(value: unknown): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) throw new Error('"partition" must be a whole number ≥ 0');
  return value;
}

function timestampOf(value: unknown, now: number): number {
  if (value === undefined || value === null) return now;
  if (typeof value === 'number' && Number.isFinite(value) && value >= 0) return Math.trunc(value);
  if (typeof value === 'string') {
    const n = /^\d+$/.test(value) ? Number(value) : Date.parse(value);
    if (Number.isFinite(n)) return n;
  }
  throw new Error('"timestamp" must be milliseconds since the epoch or an ISO date');
}
