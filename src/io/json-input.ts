import { isUtf8 } from 'node:buffer';
import type { Header, OutgoingRecord } from '../kafka/records.js';
import { JsonSyntaxError, parseJsonSafely } from '../config/json.js';
import { t } from '../i18n/index.js';

type Parsed = { record: OutgoingRecord } | { error: string };
type Encoding = 'utf8' | 'base64' | 'hex';

const ENCODINGS: Readonly<Record<string, Encoding>> = { utf8: 'utf8', 'utf-8': 'utf8', base64: 'base64', hex: 'hex' };
// Kafka timestamps are int64 ms; beyond 2^53 a JavaScript number is no longer exact.
const MAX_TIMESTAMP = Number.MAX_SAFE_INTEGER;
const MAX_PARTITION = 2_147_483_647;

/**
 * One JSON input line → a record, byte for byte, or the reason it cannot be one (the line is then
 * reported and not sent: a value is never changed to make it fit). Takes `value` or `payload`
 * (what `consume -o json` prints), `key`, `headers` (an object, or a list of [name, value] or
 * {"key", "value", "value_encoding"}; `headers_list` wins when present), `partition`,
 * `timestamp`, and `key_encoding`/`payload_encoding` (utf8, base64, hex) for binary data; other
 * fields are ignored. Header order and repeated names are kept as written; a null stays null.
 */
export function parseJsonRecord(line: string | Buffer, now: number): Parsed {
  if (typeof line !== 'string' && !isUtf8(line)) return { error: t.config.jsonLineNotUtf8 };
  let data: unknown;
  try {
    // The safe parser's message gives the column and reason without quoting the line (V8's
    // quotes it, and words it differently from one Node version to the next).
    data = parseJsonSafely(typeof line === 'string' ? line : line.toString('utf8'));
  } catch (error) {
    if (error instanceof JsonSyntaxError) return { error: t.config.jsonLineInvalid(error.column, error.reason) };
    throw error;
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return { error: t.config.jsonLineNotObject };
  const o = data as Record<string, unknown>;
  try {
    const valueField = Object.hasOwn(o, 'payload') ? 'payload' : 'value';
    if (!Object.hasOwn(o, valueField)) throw new Error(t.config.jsonLineNoValue);
    const record: OutgoingRecord = {
      key: bytesOf(o.key, encodingOf(o.key_encoding, '"key_encoding"'), 'key'),
      value: bytesOf(o[valueField], encodingOf(o.payload_encoding ?? o.value_encoding, '"payload_encoding"'), valueField),
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

/** `what` names the field for a message, quoted: "key_encoding". */
function encodingOf(value: unknown, what: string): Encoding {
  if (value === undefined || value === null) return 'utf8';
  const encoding = typeof value === 'string' && Object.hasOwn(ENCODINGS, value) ? ENCODINGS[value] : undefined;
  if (encoding === undefined) throw new Error(t.config.jsonLineBadEncoding(what));
  return encoding;
}

function bytesOf(value: unknown, encoding: Encoding, field: string): Buffer | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string') return decode(value, encoding, `"${field}"`);
  if (encoding !== 'utf8') throw new Error(t.config.jsonLineNotString(field, encoding));
  // A JSON object or number as value is sent as its JSON text.
  return Buffer.from(JSON.stringify(value));
}

/** The bytes a string stands for, or an error: never a best guess. */
export function decode(text: string, encoding: Encoding, what: string): Buffer {
  switch (encoding) {
    case 'utf8':
      if (hasLoneSurrogate(text)) throw new Error(t.config.jsonLineLoneSurrogate(what));
      return Buffer.from(text, 'utf8');
    case 'hex':
      if (!/^(?:[0-9a-fA-F]{2})*$/.test(text)) throw new Error(t.config.jsonLineNotHex(what));
      return Buffer.from(text, 'hex');
    case 'base64': {
      const bytes = decodeBase64(text);
      if (bytes === null) throw new Error(t.config.jsonLineNotBase64(what));
      return bytes;
    }
  }
}

/**
 * Base64 (standard or URL-safe alphabet, padding optional), or null when the text is not exactly
 * some bytes' encoding: Node's decoder skips characters it does not know and drops a dangling
 * one, so "x" would become no bytes and "!!!notbase64" six wrong ones.
 */
function decodeBase64(text: string): Buffer | null {
  if (!/^[A-Za-z0-9+/_-]*={0,2}$/.test(text)) return null;
  const body = text.replace(/=+$/, '');
  if (body.length % 4 === 1) return null;
  if (body.length !== text.length && text.length % 4 !== 0) return null;
  const bytes = Buffer.from(body, 'base64');
  // Bits left over in the last character must be zero, as an encoder writes them.
  const again = bytes.toString('base64').replace(/=+$/, '');
  return again === body.replace(/-/g, '+').replace(/_/g, '/') ? bytes : null;
}

function hasLoneSurrogate(text: string): boolean {
  return /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(text);
}

function headersOf(value: unknown): Header[] {
  if (value === undefined || value === null) return [];
  const one = (key: unknown, v: unknown, encoding: unknown = undefined): Header => {
    if (typeof key !== 'string') throw new Error(t.config.jsonLineHeaderNameNotString);
    if (hasLoneSurrogate(key)) throw new Error(t.config.jsonLineHeaderNameSurrogate);
    if (v !== null && typeof v !== 'string') throw new Error(t.config.jsonLineHeaderValue(key));
    return { key, value: v === null ? null : decode(v, encodingOf(encoding, t.config.jsonLineHeaderEncoding(key)), t.config.jsonLineHeader(key)) };
  };
  if (Array.isArray(value)) {
    return value.map((h: unknown) => {
      if (Array.isArray(h) && h.length === 2) return one(h[0], h[1]);
      if (typeof h === 'object' && h !== null && !Array.isArray(h) && Object.hasOwn(h, 'key')) {
        const entry = h as { key: unknown; value?: unknown; value_encoding?: unknown };
        return one(entry.key, Object.hasOwn(entry, 'value') ? entry.value : null, entry.value_encoding);
      }
      throw new Error(t.config.jsonLineHeaderEntry);
    });
  }
  // JSON.parse makes every name an own property, "__proto__" and "constructor" included.
  if (typeof value === 'object') return Object.entries(value as Record<string, unknown>).map(([k, v]) => one(k, v));
  throw new Error(t.config.jsonLineHeaders);
}

function partitionOf(value: unknown): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > MAX_PARTITION) {
    throw new Error(t.config.jsonLinePartition(MAX_PARTITION));
  }
  return value;
}

function timestampOf(value: unknown, now: number): number {
  // -1 is how consume prints a message without a timestamp (magic v0): it gets one now, as in Java.
  if (value === undefined || value === null || value === -1) return now;
  let n = Number.NaN;
  if (typeof value === 'number') n = Math.trunc(value);
  else if (typeof value === 'string') n = /^\d+$/.test(value) ? Number(value) : Date.parse(value);
  if (Number.isFinite(n) && n >= 0 && n <= MAX_TIMESTAMP) return n;
  throw new Error(t.config.jsonLineTimestamp);
}
