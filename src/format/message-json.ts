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
  // No prototype: a header named __proto__ or constructor is a name like any other.
  const headers: Record<string, string | null> = Object.create(null) as Record<string, string | null>;
  for (const h of m.headers) headers[h.key] = h.value === null ? null : h.value.toString('utf8');
  out.headers = headers;
  // Kafka's headers are an ordered list: when the object cannot show it as it is (a repeated name;
  // names like "2" that JavaScript orders first), headers_list gives the list.
  if (!sameOrder(Object.keys(headers), m.headers)) {
    out.headers_list = m.headers.map((h) => [h.key, h.value === null ? null : h.value.toString('utf8')]);
  }
  return Object.assign(out, extra);
}

function sameOrder(keys: string[], headers: readonly Header[]): boolean {
  if (keys.length !== headers.length) return false;
  for (let i = 0; i < keys.length; i += 1) if (keys[i] !== headers[i]?.key) return false;
  return true;
}
