import type { ChalkInstance } from 'chalk';
import type { DeliveryReport, InputError } from '../kafka/records.js';
import { t } from '../i18n/index.js';
import { chunkReport, type DeliveryChunk, type ProduceSummary } from '../ops/produce.js';
import { displayBytes, type Encoding } from './bytes.js';
import { messageJson } from './message-json.js';
import { phpMessageExport } from './php.js';
import { displayWidth } from './width.js';

export type ReportFormat = 'text' | 'json' | 'php' | 'quiet';

/** Renders delivery reports (stdout) and input errors (stderr) in the chosen format. */
export function deliveryRenderer(format: ReportFormat, c: ChalkInstance, encoding: Encoding) {
  const words = statusWords();
  return {
    report(r: DeliveryReport): string | Buffer {
      if (format === 'quiet') return '';
      if (format === 'json') return `${JSON.stringify(reportJson(r, encoding))}\n`;
      if (format === 'php') return reportPhp(r);
      return reportText(r, c, encoding, words);
    },
    /** The reports of one produce request, one line per message ('' when quiet, without looking at them). */
    chunk(chunk: DeliveryChunk): string | Buffer {
      if (format === 'quiet') return '';
      if (format === 'php') {
        const parts: Buffer[] = [];
        for (let i = 0; i < chunk.count; i++) parts.push(reportPhp(chunkReport(chunk, i)));
        return Buffer.concat(parts);
      }
      let text = '';
      for (let i = 0; i < chunk.count; i++) text += this.report(chunkReport(chunk, i)) as string;
      return text;
    },
    inputError(e: InputError, cErr: ChalkInstance): string {
      if (format === 'json') return `${JSON.stringify({ error: { kind: 'input', line: e.line, message: e.error } })}\n`;
      return `${t.output.inputErrorNotSent(cErr.yellow(t.output.inputErrorAt(e.line)), e.error)}\n`;
    },
  };
}

function reportJson(r: DeliveryReport, encoding: Encoding): Record<string, unknown> {
  const extra: Record<string, unknown> = { status: r.status };
  if (r.record.line !== undefined) extra.line = r.record.line;
  const fields = {
    topic: r.topic,
    partition: r.partition,
    offset: r.status === 'delivered' ? r.offset : null,
    timestamp: r.timestamp,
    key: r.record.key,
    value: r.record.value,
    headers: r.record.headers,
  };
  const out = messageJson(fields, encoding, extra);
  if (r.status === 'failed' || r.status === 'not-sent') {
    out.err = -1;
    out.errstr = r.error;
  }
  return out;
}

const PHP_REPORT = Buffer.from('**Producer**发送消息：message=', 'utf8');
const NEWLINE = Buffer.from('\n');

/**
 * The demo's delivery-report line: `**Producer**发送消息：message=` and var_export of the message.
 * A failed message carries librdkafka's error code and no offset (-1001), as its callback gets it.
 */
function reportPhp(r: DeliveryReport): Buffer {
  const offset = r.status === 'delivered' ? r.offset : -1001;
  const err = r.status === 'failed' ? librdkafkaError(r.errorKind) : r.status === 'not-sent' ? PURGED : 0;
  const dump = phpMessageExport({ err, topic: r.topic, timestamp: r.timestamp, partition: r.partition ?? -1, value: r.record.value, key: r.record.key, offset, headers: r.record.headers });
  return Buffer.concat([PHP_REPORT, dump, NEWLINE]);
}

/** RD_KAFKA_RESP_ERR__PURGE_QUEUE: the message was still queued when the producer stopped. */
const PURGED = -152;

/**
 * librdkafka's code for a failure of this kind: a network failure is -192 (_MSG_TIMED_OUT, what
 * the demo's callback gets when the broker went away), anything else -1 (unknown).
 */
function librdkafkaError(kind: string): number {
  return kind === 'unreachable' ? -192 : -1;
}

/** The demo's last line, once every message has its report. */
export const PHP_PRODUCER_DONE = '**Producer**消息发送成功\n';

/** The demo's error callback line (note the space before the newline, as Producer.php prints it). */
export function phpProducerError(err: number, reason: string): string {
  return `**Producer**发送消息错误：err=${err} reason=${reason} \n`;
}

/** The status words of the text reports, each padded to the widest and two spaces more, so the topics line up. */
function statusWords(): Record<DeliveryReport['status'], { word: string; pad: string }> {
  const o = t.output;
  const words = { delivered: o.reportDelivered, sent: o.reportSent, failed: o.reportFailed, 'not-sent': o.reportNotSent };
  const widest = Math.max(...Object.values(words).map(displayWidth));
  const entry = (word: string) => ({ word, pad: ' '.repeat(widest - displayWidth(word) + 2) });
  return { delivered: entry(words.delivered), sent: entry(words.sent), failed: entry(words.failed), 'not-sent': entry(words['not-sent']) };
}

function reportText(r: DeliveryReport, c: ChalkInstance, encoding: Encoding, words: ReturnType<typeof statusWords>): string {
  const o = t.output;
  const where = r.partition === null ? r.topic : `${r.topic} [${r.partition}]`;
  const key = o.fieldKey(r.record.key === null ? c.dim('-') : displayBytes(r.record.key, encoding));
  const headers = r.record.headers.length > 0
    ? `  ${o.fieldHeaders(r.record.headers.map((h) => `${h.key}=${h.value === null ? '' : displayBytes(h.value, encoding)}`).join(','))}`
    : '';
  const len = o.fieldLen(r.record.value?.length ?? 0);
  const start = r.record.value === null ? '' : `  ${c.dim(payloadStart(r.record.value, encoding))}`;
  const time = new Date(r.timestamp).toISOString();
  const line = r.record.line !== undefined ? `  ${o.reportLine(r.record.line)}` : '';
  const { word, pad } = words[r.status];
  switch (r.status) {
    case 'delivered':
      return `${c.green(word)}${pad}${where} @ ${r.offset}  ${c.dim(time)}  ${key}  ${len}${start}${headers}\n`;
    case 'sent':
      return `${c.cyan(word)}${pad}${where}  ${c.dim(time)}  ${key}  ${len}${start}${headers}  ${o.reportNotAcknowledged}\n`;
    case 'failed':
      return `${c.red(word)}${pad}${where}${line}  ${key}  ${len}${start}  ${c.red(r.error)}\n`;
    case 'not-sent':
      return `${c.yellow(word)}${pad}${where}${line}  ${key}  ${len}${start}  ${r.error}\n`;
  }
}

const PREVIEW_CHARS = 32;

/** The start of a payload, quoted, so a person sees which message went where (as the demo's report does). */
export function payloadStart(value: Buffer, encoding: Encoding): string {
  // Enough bytes for PREVIEW_CHARS characters (at most 4 bytes each, or 4 shown per escaped byte).
  const head = value.length > PREVIEW_CHARS * 4 ? value.subarray(0, PREVIEW_CHARS * 4) : value;
  const chars = [...displayBytes(head, encoding)];
  const more = chars.length > PREVIEW_CHARS || head.length < value.length;
  return JSON.stringify(chars.slice(0, PREVIEW_CHARS).join('')) + (more ? '…' : '');
}

/** The closing line, on stderr: what was delivered, what failed, how fast. */
export function summaryText(s: ProduceSummary, c: ChalkInstance): string {
  const o = t.output;
  const total = s.delivered + s.unacknowledged + s.failed + s.notSent;
  const secs = s.elapsedMs / 1000;
  const rate = secs > 0 && total > 1000 ? o.ratePerSecond(thousands(Math.round(total / secs))) : '';
  const parts = [o.produceDelivered(s.delivered, total, s.topic)];
  if (s.unacknowledged) parts.push(o.produceUnacknowledged(s.unacknowledged));
  // Why, on stderr too: the reports with the reasons are data on stdout (or not printed, -q).
  const why = s.firstError === undefined ? '' : s.firstError.allSame ? o.produceFailedBecause(s.firstError.error) : o.produceFailedFirst(s.firstError.error);
  if (s.failed) parts.push(`${c.red(o.produceFailed(s.failed))}${why}`);
  if (s.notSent) parts.push(c.yellow(o.produceNotSent(s.notSent)));
  if (s.inputErrors) parts.push(c.yellow(o.produceInputInvalid(s.inputErrors)));
  const ok = s.failed === 0 && s.notSent === 0 && s.inputErrors === 0 && !s.interrupted && s.inputFailure === undefined;
  const head = ok ? c.green(o.produceDone) : c.red(s.interrupted ? o.produceInterrupted : o.produceIncomplete);
  return `${o.produceSummary(head, parts.join(o.summarySeparator), secs.toFixed(2), rate)}\n`;
}

/** 1234567 → "1,234,567" (toLocaleString loads ICU's number formats first: ~12 ms). */
function thousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** The summary as one JSON object (stderr in JSON mode). */
export function summaryJson(s: ProduceSummary): string {
  const { failureKinds: _k, elapsedMs, inputFailure: _f, firstError: _e, ...rest } = s;
  return `${JSON.stringify({ summary: { ...rest, elapsed_ms: Math.round(elapsedMs) } })}\n`;
}
