/** A Kafka header; repeated names are allowed and kept in order. */
export interface Header {
  key: string;
  value: Buffer | null;
}

/** A message to send, as read from the input. */
export interface OutgoingRecord {
  key: Buffer | null;
  value: Buffer | null;
  headers: Header[];
  /** Explicit partition; otherwise the partitioner chooses. */
  partition?: number;
  /** Creation time in ms; set when the record is read if the input gives none. */
  timestamp: number;
  /** 1-based line of the input it came from, when it came from a line. */
  line?: number;
}

/** What happened to one message: exactly one report per message. */
export type DeliveryReport =
  | ({ status: 'delivered'; topic: string; partition: number; offset: string } & Sent)
  | ({ status: 'sent'; topic: string; partition: number } & Sent)
  | ({ status: 'failed'; topic: string; partition: number | null; error: string; errorKind: string } & Sent)
  | ({ status: 'not-sent'; topic: string; partition: number | null; error: string } & Sent);

interface Sent {
  record: OutgoingRecord;
  /** The timestamp the broker kept (LogAppendTime topics) or the creation time. */
  timestamp: number;
}

/** An input line that could not become a message. */
export interface InputError {
  line: number;
  error: string;
}

/** A message read from Kafka. */
export interface ConsumedMessage {
  topic: string;
  partition: number;
  offset: string;
  timestamp: number;
  key: Buffer | null;
  value: Buffer | null;
  headers: Header[];
}

/**
 * Consumed messages in offset order: an array, or a fetch's records read where they are
 * (src/kafka/record-block.ts), which makes a message object only when one is asked for.
 */
export interface MessageList extends Iterable<ConsumedMessage> {
  readonly length: number;
  /** As Array.prototype.at (a negative index counts from the end). */
  at(index: number): ConsumedMessage | undefined;
  /** As Array.prototype.slice. */
  slice(start?: number, end?: number): MessageList;
}

/** Size of a record as the broker counts it, near enough to refuse oversized ones before sending. */
export function recordSize(record: OutgoingRecord): number {
  let size = (record.key?.length ?? 0) + (record.value?.length ?? 0) + 20;
  for (const h of record.headers) size += Buffer.byteLength(h.key) + (h.value?.length ?? 0) + 4;
  return size;
}
