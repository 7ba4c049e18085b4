import type { IHeaders, KafkaMessage } from 'kafkajs';
import type { ConsumedMessage, Header } from './records.js';

/** kafkajs's message as our record: offsets stay strings, timestamps become numbers. */
export function consumedMessage(topic: string, partition: number, m: KafkaMessage): ConsumedMessage {
  return {
    topic,
    partition,
    offset: m.offset,
    timestamp: Number(m.timestamp),
    key: m.key ?? null,
    value: m.value ?? null,
    headers: m.headers === undefined ? NO_HEADERS : headerList(m.headers),
  };
}

const NO_HEADERS: Header[] = [];

function headerList(headers: IHeaders): Header[] {
  let any = false;
  for (const _ in headers) {
    any = true;
    break;
  }
  // Most messages have none: share one empty list rather than allocate one per message.
  if (!any) return NO_HEADERS;
  const out: Header[] = [];
  for (const key of Object.keys(headers)) {
    const value = headers[key];
    const values = Array.isArray(value) ? value : [value];
    for (const v of values) out.push({ key, value: v === undefined || v === null ? null : Buffer.isBuffer(v) ? v : Buffer.from(v) });
  }
  return out;
}
