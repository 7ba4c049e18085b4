import type { Header } from '../kafka/records.js';
import { encodeBytes, type Encoding } from './bytes.js';

export interface MessageFields {
  topic: string;
  partition: number | null;
  offset: string | null;
  timestamp: number;
  key: Buffer | null;
  value: Buffer | null;
  headers: Header[];
}

/**
 * A message with the field names of php-rdkafka's RdKafka\Message (err, topic_name, timestamp,
 * partition, payload, len, key, offset, headers), so scripts written for the demo keep working.
 * Bytes that are not valid UTF-8 are given in base64 with `payload_encoding`/`key_encoding`, so
 * `produce --input json` restores them exactly; a repeated header name adds `headers_list`.
 */
export function messageJson(m: MessageFields, encoding: Encoding, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const out: Record<string, unknown> = {
    err: 0,
    topic_name: m.topic,
    timestamp: m.timestamp,
    partition: m.partition ?? -1,
    payload: null,
    len: m.value?.length ?? 0,
    key: null,
    offset: m.offset === null ? -1 : Number(m.offset),
    headers: {},
  };
  if (m.value) {
    const v = encodeBytes(m.value, encoding);
    out.payload = v.text;
    if (v.encoding !== 'utf8') out.payload_encoding = v.encoding;
  }
  if (m.key) {
    const k = encodeBytes(m.key, encoding);
    out.key = k.text;
    if (k.encoding !== 'utf8') out.key_encoding = k.encoding;
  }
  const headers: Record<string, string | null> = {};
  for (const h of m.headers) headers[h.key] = h.value === null ? null : h.value.toString('utf8');
  out.headers = headers;
  if (Object.keys(headers).length !== m.headers.length) {
    out.headers_list = m.headers.map((h) => [h.key, h.value === null ? null : h.value.toString('utf8')]);
  }
  return Object.assign(out, extra);
}
