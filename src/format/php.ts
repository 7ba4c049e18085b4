import type { Header } from '../kafka/records.js';

/** The fields of php-rdkafka 6.0's RdKafka\Message, as its delivery report and consumer see them. */
export interface PhpMessage {
  /** librdkafka's error code: 0, a broker error code (> 0) or a local one (< 0). */
  err: number;
  topic: string;
  /** Creation or log-append time in ms; -1 when the record has none (magic v0). */
  timestamp: number;
  partition: number;
  value: Buffer | null;
  key: Buffer | null;
  /** The offset, or -1001 (RD_KAFKA_OFFSET_INVALID) when there is none. */
  offset: string | number;
  headers: readonly Header[];
}

/**
 * `var_export($message, true)` of an RdKafka\Message as PHP 8.2 prints it, byte for byte (see
 * SPEC.md Appendix A): the three-space property indent, `'headers' => ` with its trailing space,
 * the array two spaces in, `'opaque' => NULL` and `))`. Bytes are PHP's: a string is printed as
 * it is, except `'` and `\` escaped and NUL as `' . "\0" . '`.
 */
export function phpMessageExport(m: PhpMessage): Buffer {
  const parts: (string | Buffer)[] = ['\\RdKafka\\Message::__set_state(array(\n'];
  const property = (name: string, value: string | Buffer) => parts.push(`   '${name}' => `, value, ',\n');
  property('err', String(m.err));
  property('topic_name', phpString(Buffer.from(m.topic, 'utf8')));
  property('timestamp', String(m.timestamp));
  property('partition', String(m.partition));
  // php-rdkafka sets payload only when librdkafka has one, and key only when it is not empty.
  property('payload', m.value === null ? 'NULL' : phpString(m.value));
  property('len', String(m.value?.length ?? 0));
  property('key', m.key === null || m.key.length === 0 ? 'NULL' : phpString(m.key));
  property('offset', String(m.offset));
  parts.push(`   'headers' => \n  array (\n`);
  for (const [name, value] of phpHeaders(m.headers)) parts.push(`    ${phpKey(name)} => `, phpString(value), ',\n');
  parts.push('  ),\n');
  property('opaque', 'NULL');
  parts.push('))');
  return Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : p)));
}

/**
 * Headers as php-rdkafka hands them to PHP: an associative array, so a repeated name keeps its
 * first position and its last value; a null value is an empty string (it copies `size` bytes).
 */
export function phpHeaders(headers: readonly Header[]): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  // The name is a C string there: it ends at the first NUL.
  for (const h of headers) out.set(h.key.split('\0', 1)[0] ?? '', h.value ?? Buffer.alloc(0));
  return out;
}

const QUOTE = 0x27;
const BACKSLASH = 0x5c;
const NUL_BREAK = Buffer.from(`' . "\\0" . '`, 'latin1');

/** A PHP single-quoted string literal of raw bytes, as var_export writes it. */
export function phpString(bytes: Buffer): Buffer {
  let plain = true;
  for (const b of bytes) {
    if (b === QUOTE || b === BACKSLASH || b === 0) {
      plain = false;
      break;
    }
  }
  if (plain) return Buffer.concat([Buffer.from("'"), bytes, Buffer.from("'")]);
  const out: Buffer[] = [Buffer.from("'")];
  let start = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b !== QUOTE && b !== BACKSLASH && b !== 0) continue;
    out.push(bytes.subarray(start, i));
    out.push(b === 0 ? NUL_BREAK : Buffer.from([BACKSLASH, b]));
    start = i + 1;
  }
  out.push(bytes.subarray(start), Buffer.from("'"));
  return Buffer.concat(out);
}

// PHP turns a key that is a canonical decimal integer within PHP_INT range into an integer key.
const INT_KEY = /^(0|-?[1-9][0-9]{0,18})$/;
const PHP_INT_MAX = 9223372036854775807n;

/** An array key as var_export prints it: an integer bare, anything else quoted. */
export function phpKey(name: string): string | Buffer {
  if (INT_KEY.test(name)) {
    const n = BigInt(name);
    if (n <= PHP_INT_MAX && n >= -PHP_INT_MAX - 1n) return name;
  }
  return phpString(Buffer.from(name, 'utf8'));
}
