import type { ChalkInstance } from 'chalk';
import type { DeliveryReport, InputError } from '../kafka/records.js';
import { chunkReport, type DeliveryChunk, type ProduceSummary } from '../ops/produce.js';
import { displayBytes, type Encoding } from './bytes.js';
import { messageJson } from './message-json.js';

export type ReportFormat = 'text' | 'json' | 'quiet';

/** Renders delivery reports (stdout) and input errors (stderr) in the chosen format. */
export function deliveryRenderer(format: ReportFormat, c: ChalkInstance, encoding: Encoding) {
  return {
    report(r: DeliveryReport): string {
      if (format === 'quiet') return '';
      if (format === 'json') return `${JSON.stringify(reportJson(r, encoding))}\n`;
      return reportText(r, c, encoding);
    },
    /** The reports of one produce request, one line per message ('' when quiet, without looking at them). */
    chunk(chunk: DeliveryChunk): string {
      if (format === 'quiet') return '';
      let text = '';
      for (let i = 0; i < chunk.count; i++) text += this.report(chunkReport(chunk, i));
      return text;
    },
    inputError(e: InputError, cErr: ChalkInstance): string {
      if (format === 'json') return `${JSON.stringify({ error: { kind: 'input', line: e.line, message: e.error } })}\n`;
      return `${cErr.yellow(`line ${e.line}:`)} ${e.error} (not sent)\n`;
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

function reportText(r: DeliveryReport, c: ChalkInstance, encoding: Encoding): string {
  const where = r.partition === null ? r.topic : `${r.topic} [${r.partition}]`;
  const key = r.record.key === null ? c.dim('-') : displayBytes(r.record.key, encoding);
  const headers = r.record.headers.length > 0
    ? `  headers ${r.record.headers.map((h) => `${h.key}=${h.value === null ? '' : displayBytes(h.value, encoding)}`).join(',')}`
    : '';
  const len = r.record.value?.length ?? 0;
  const time = new Date(r.timestamp).toISOString();
  const line = r.record.line !== undefined ? `  line ${r.record.line}` : '';
  switch (r.status) {
    case 'delivered':
      return `${c.green('delivered')}  ${where} @ ${r.offset}  ${c.dim(time)}  key ${key}  len ${len}${headers}\n`;
    case 'sent':
      return `${c.cyan('sent')}       ${where}  ${c.dim(time)}  key ${key}  len ${len}${headers}  (acks=0: not acknowledged)\n`;
    case 'failed':
      return `${c.red('failed')}     ${where}${line}  key ${key}  len ${len}  ${c.red(r.error)}\n`;
    case 'not-sent':
      return `${c.yellow('not sent')}   ${where}${line}  key ${key}  len ${len}  ${r.error}\n`;
  }
}

/** The closing line, on stderr: what was delivered, what failed, how fast. */
export function summaryText(s: ProduceSummary, c: ChalkInstance): string {
  const total = s.delivered + s.unacknowledged + s.failed + s.notSent;
  const secs = s.elapsedMs / 1000;
  const rate = secs > 0 && total > 1000 ? `, ${thousands(Math.round(total / secs))} msg/s` : '';
  const parts = [`${s.delivered} of ${total} delivered to '${s.topic}'`];
  if (s.unacknowledged) parts.push(`${s.unacknowledged} sent without acknowledgement (acks=0)`);
  if (s.failed) parts.push(c.red(`${s.failed} failed`));
  if (s.notSent) parts.push(c.yellow(`${s.notSent} not sent`));
  if (s.inputErrors) parts.push(c.yellow(`${s.inputErrors} input line${s.inputErrors === 1 ? '' : 's'} invalid`));
  const ok = s.failed === 0 && s.notSent === 0 && s.inputErrors === 0 && !s.interrupted;
  const head = ok ? c.green('done:') : c.red(s.interrupted ? 'interrupted:' : 'incomplete:');
  return `${head} ${parts.join('; ')} in ${secs.toFixed(2)} s${rate}\n`;
}

/** 1234567 → "1,234,567" (toLocaleString loads ICU's number formats first: ~12 ms). */
function thousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** The summary as one JSON object (stderr in JSON mode). */
export function summaryJson(s: ProduceSummary): string {
  const { failureKinds: _k, elapsedMs, ...rest } = s;
  return `${JSON.stringify({ summary: { ...rest, elapsed_ms: Math.round(elapsedMs) } })}\n`;
}
