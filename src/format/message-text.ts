import type { ChalkInstance } from 'chalk';
import type { ConsumedMessage, MessageList } from '../kafka/records.js';
import { RecordBlock, type FieldLocation } from '../kafka/record-block.js';
import { t } from '../i18n/index.js';
import { displayBytes, encodeBytes, type Encoding } from './bytes.js';
import { compileFormat } from './format-string.js';
import { messageJson } from './message-json.js';
import { phpMessageExport } from './php.js';

/** How `consume` prints messages: readable text, JSON lines, raw values or a kcat-style format. */
export type MessageFormat = { kind: 'text' } | { kind: 'json' } | { kind: 'raw' } | { kind: 'php' } | { kind: 'format'; format: string };

/**
 * Renders a whole fetched batch at once: one string or buffer, so it is written with one write().
 * A buffer may be the renderer's own, reused by its next call: write it before rendering again.
 */
export type BatchRenderer = (messages: MessageList) => string | Buffer;

/** The renderer for a format; colour (chalk) only affects the readable text. */
export function messageRenderer(format: MessageFormat, c: ChalkInstance, encoding: Encoding): BatchRenderer {
  switch (format.kind) {
    case 'text': {
      const time = isoTimes();
      // Without colour, a fetch's RecordBlock is written byte by byte: no string per message.
      if (c.level === 0 && encoding === 'utf8') {
        const text = new BlockText(c, time);
        return (messages) => (messages instanceof RecordBlock ? text.render(messages) : joined(messages, (m) => messageText(m, c, encoding, time)));
      }
      return (messages) => joined(messages, (m) => messageText(m, c, encoding, time));
    }
    case 'json':
      return (messages) => joined(messages, (m) => messageJsonLine(m, encoding));
    case 'raw':
      return rawRenderer(encoding);
    case 'php':
      return (messages) => {
        const parts: Buffer[] = [];
        for (const m of messages) parts.push(PHP_RECEIVED, phpMessageExport({ err: 0, topic: m.topic, timestamp: m.timestamp, partition: m.partition, value: m.value, key: m.key, offset: m.offset, headers: m.headers }), NEWLINE);
        return Buffer.concat(parts);
      };
    case 'format': {
      const one = compileFormat(format.format, encoding);
      return (messages) => {
        const parts: Buffer[] = [];
        for (const m of messages) parts.push(one(m));
        return Buffer.concat(parts);
      };
    }
  }
}

const PHP_RECEIVED = Buffer.from('**消费者**接收到消息：', 'utf8');
const NEWLINE = Buffer.from('\n');
/** Consumer.php's last line when ten seconds pass without a message (ckafka: its idle timeout). */
export const PHP_CONSUMER_TIMEOUT = '**消费者**等待超时\n';

/**
 * The readable default: a line with where the message is and its metadata, then its payload on a
 * line of its own (control characters and invalid UTF-8 escaped, so one message is two lines).
 */
export function messageText(m: ConsumedMessage, c: ChalkInstance, encoding: Encoding, isoTime = isoTimes()): string {
  const o = t.output;
  const key = m.key === null ? c.dim('-') : displayBytes(m.key, encoding);
  const headers =
    m.headers.length > 0
      ? `  ${o.fieldHeaders(m.headers.map((h) => (h.value === null ? h.key : `${h.key}=${displayBytes(h.value, encoding)}`)).join(','))}`
      : '';
  const time = isoTime(m.timestamp);
  const len = m.value?.length ?? 0;
  const payload = m.value === null ? c.dim('(null)') : displayBytes(m.value, encoding);
  return `${c.cyan(`${m.topic} [${m.partition}] @ ${m.offset}`)}  ${c.dim(time)}  ${o.fieldKey(key)}  ${o.fieldLen(len)}${headers}\n${payload}\n`;
}

/**
 * One JSON line, the same text as `JSON.stringify(messageJson(m))`, written out directly for the
 * common case (text keys and values, headers an object shows in order): JSON.stringify of a whole
 * object per message was most of the time of `-o json`. Anything else takes the general path.
 */
export function messageJsonLine(m: ConsumedMessage, encoding: Encoding): string {
  const timestamp = m.timestamp;
  if (encoding !== 'utf8' || !Number.isFinite(timestamp)) return `${JSON.stringify(messageJson(m, encoding))}\n`;
  const value = m.value;
  const key = m.key;
  const payload = value === null ? null : encodeBytes(value, 'utf8');
  const keyText = key === null ? null : encodeBytes(key, 'utf8');
  const headers = m.headers;
  if (payload?.encoding === 'base64' || keyText?.encoding === 'base64') return `${JSON.stringify(messageJson(m, encoding))}\n`;
  let headersJson = '{}';
  if (headers.length > 0) {
    const only = messageJson({ ...fieldsOf(m), key: null, value: null }, encoding);
    // Headers the object cannot show in order (repeats, "2" before "b") add headers_list.
    if (only.headers_list !== undefined) return `${JSON.stringify(messageJson(m, encoding))}\n`;
    headersJson = JSON.stringify(only.headers);
  }
  return (
    `{"err":0,"topic_name":${JSON.stringify(m.topic)},"timestamp":${timestamp},"partition":${m.partition},` +
    `"payload":${payload === null ? 'null' : JSON.stringify(payload.text)},"len":${value?.length ?? 0},` +
    `"key":${keyText === null ? 'null' : JSON.stringify(keyText.text)},"offset":${Number(m.offset)},"headers":${headersJson}}\n`
  );
}

const fieldsOf = (m: ConsumedMessage): ConsumedMessage => ({
  topic: m.topic, partition: m.partition, offset: m.offset, timestamp: m.timestamp, key: m.key, value: m.value, headers: m.headers,
});

/** Formats timestamps; messages of a batch often share their millisecond, so each distinct one is formatted once. */
function isoTimes(): (ms: number) => string {
  let lastTime = Number.NaN;
  let lastIso = '';
  return (ms) => {
    if (ms !== lastTime) {
      lastTime = ms;
      lastIso = ms >= 0 ? new Date(ms).toISOString() : t.output.noTimestamp;
    }
    return lastIso;
  };
}

/** Each message's text, one after the other. */
function joined(messages: MessageList, text: (m: ConsumedMessage) => string): string {
  let out = '';
  for (const m of messages) out += text(m);
  return out;
}

/** Values only, one per line: the bytes as they are (utf8), or base64/hex when asked. */
function rawRenderer(encoding: Encoding): BatchRenderer {
  if (encoding !== 'utf8') {
    return (messages) => joined(messages, (m) => `${m.value === null ? '' : m.value.toString(encoding)}\n`);
  }
  return (messages) => {
    // One allocation and a copy per value: this is the hot path of `-o raw`. The values of a
    // fetch's RecordBlock are copied from the fetched bytes, without a message object each.
    if (messages instanceof RecordBlock) return rawBlock(messages);
    let size = messages.length;
    for (const m of messages) size += m.value?.length ?? 0;
    const out = Buffer.allocUnsafe(size);
    let at = 0;
    for (const m of messages) {
      if (m.value !== null) at += m.value.copy(out, at);
      out[at++] = 0x0a;
    }
    return out;
  };
}

function rawBlock(block: RecordBlock): Buffer {
  // Rendered once, after everything else read the records: their values can move in place.
  const inPlace = block.takeValueLines(0x0a);
  if (inPlace !== null) return inPlace;
  const n = block.length;
  let size = n;
  for (let i = 0; i < n; i += 1) size += block.valueLength(i);
  const out = Buffer.allocUnsafe(size);
  let at = 0;
  for (let i = 0; i < n; i += 1) {
    at += block.copyValue(i, out, at);
    out[at++] = 0x0a;
  }
  return out;
}

/**
 * messageText without colour, for a RecordBlock, as bytes: a key and a payload of printable
 * ASCII (what displayBytes shows as it is) are copied from the fetched bytes as they are
 * checked; a message with anything else (other bytes, headers) takes messageText. The buffer is
 * reused: what render returns is valid until its next call.
 */
class BlockText {
  private out = Buffer.allocUnsafe(64 * 1024);
  private readonly key: FieldLocation = { bytes: Buffer.alloc(0), at: 0, size: -1 };
  private readonly value: FieldLocation = { bytes: Buffer.alloc(0), at: 0, size: -1 };
  private lastTime = Number.NaN;
  /** `  <time>  key ` for the last timestamp seen: messages of a fetch often share their millisecond. */
  private timeKey = Buffer.alloc(0);
  /** Reads four bytes at a time from the fetched bytes (one view per buffer, not per value). */
  private view = new DataView(new ArrayBuffer(0)) as DataView<ArrayBufferLike>;

  constructor(
    private readonly c: ChalkInstance,
    private readonly time: (ms: number) => string,
  ) {}

  render(block: RecordBlock): Buffer {
    const n = block.length;
    const where = Buffer.from(`${block.topic} [${block.partition}] @ `);
    const key = this.key;
    const value = this.value;
    let at = 0;
    for (let i = 0; i < n; i += 1) {
      const offset = block.offsetNumber(i);
      block.locate(i, 'key', key);
      block.locate(i, 'value', value);
      // Besides the key and value: where (topic and partition), up to 16 digits of offset, 24
      // of time, 10 of length and 24 more.
      const most = where.length + 80 + (key.size > 0 ? key.size : 0) + (value.size > 0 ? value.size : 0);
      if (at + most > this.out.length) this.grow(at, at + most);
      const out = this.out;
      const start = at;
      if (offset >= 0 && !block.hasHeaders(i)) {
        at = bytesOf(out, at, where);
        at = digits(out, at, offset);
        const timeKey = this.timeKeyOf(block.timestamp(i));
        out.set(timeKey, at);
        at += timeKey.length;
        at = key.size === -1 ? latin1(out, at, '-') : this.printable(out, at, key);
        if (at >= 0) {
          at = latin1(out, at, '  len ');
          at = digits(out, at, value.size > 0 ? value.size : 0);
          out[at++] = 0x0a;
          at = value.size === -1 ? latin1(out, at, '(null)') : this.printable(out, at, value);
          if (at >= 0) {
            out[at++] = 0x0a;
            continue;
          }
        }
      }
      const text = Buffer.from(messageText(block.at(i) as ConsumedMessage, this.c, 'utf8', this.time));
      if (start + text.length > this.out.length) this.grow(start, start + text.length);
      at = start + text.copy(this.out, start);
    }
    return this.out.subarray(0, at);
  }

  /**
   * Copies the bytes if each is printable ASCII (0x20 to 0x7e); else -1. Four bytes are checked
   * at a time: a byte below 0x20 leaves its high bit set in (w - 0x20202020) & ~w, one above 0x7e
   * in (w + 0x01010101) | w (borrows and carries only run from a byte that is flagged itself,
   * so the order the four are read in does not matter).
   */
  private printable(out: Buffer, at: number, f: FieldLocation): number {
    const bytes = f.bytes;
    const from = bytes.byteOffset + f.at;
    const size = f.size;
    let k = 0;
    if (size >= 16) {
      if (this.view.buffer !== bytes.buffer) this.view = new DataView(bytes.buffer);
      const view = this.view;
      // Sixteen bytes a round, one test of the flags per round.
      let flags = 0;
      for (; k + 16 <= size; k += 16) {
        const a = view.getInt32(from + k, true);
        const b = view.getInt32(from + k + 4, true);
        const c = view.getInt32(from + k + 8, true);
        const d = view.getInt32(from + k + 12, true);
        flags |= ((a - 0x20202020) & ~a) | (a + 0x01010101) | a | ((b - 0x20202020) & ~b) | (b + 0x01010101) | b;
        flags |= ((c - 0x20202020) & ~c) | (c + 0x01010101) | c | ((d - 0x20202020) & ~d) | (d + 0x01010101) | d;
        if (flags & 0x80808080) return -1;
      }
      out.set(new Uint8Array(bytes.buffer, from, k), at);
    }
    for (; k < size; k += 1) {
      const b = bytes[f.at + k] as number;
      if (b < 0x20 || b > 0x7e) return -1;
      out[at + k] = b;
    }
    return at + size;
  }

  private timeKeyOf(ms: number): Buffer {
    if (ms !== this.lastTime) {
      this.lastTime = ms;
      this.timeKey = Buffer.from(`  ${this.time(ms)}  key `, 'latin1');
    }
    return this.timeKey;
  }

  private grow(keep: number, needed: number): void {
    const bigger = Buffer.allocUnsafe(Math.max(this.out.length * 2, needed));
    this.out.copy(bigger, 0, 0, keep);
    this.out = bigger;
  }
}

/** Writes a non-negative integer in decimal; returns the position after it. */
function digits(out: Buffer, at: number, n: number): number {
  if (n < 10) {
    out[at] = 0x30 + n;
    return at + 1;
  }
  if (n > 0x7fffffff) return latin1(out, at, String(n));
  let length = 1;
  for (let x = n; x >= 10; x = (x / 10) | 0) length += 1;
  let x = n;
  for (let k = at + length - 1; k >= at; k -= 1) {
    const tenth = (x / 10) | 0;
    out[k] = 0x30 + x - tenth * 10;
    x = tenth;
  }
  return at + length;
}

/** Writes text of code points below 256 (ASCII here) one byte each. */
function latin1(out: Buffer, at: number, text: string): number {
  for (let k = 0; k < text.length; k += 1) out[at + k] = text.charCodeAt(k);
  return at + text.length;
}

function bytesOf(out: Buffer, at: number, bytes: Buffer): number {
  for (let k = 0; k < bytes.length; k += 1) out[at + k] = bytes[k] as number;
  return at + bytes.length;
}
