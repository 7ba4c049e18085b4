import type { ErrorKind } from '../errors/errors.js';
import type { ProduceBatch, TopicProducer } from '../kafka/producer.js';
import { recordSize, type DeliveryReport, type InputError, type OutgoingRecord } from '../kafka/records.js';
import { translateKafkaError } from '../kafka/errors.js';
import { blockRecord, type InputChunks, type InputItem, type LineBlock } from '../io/input.js';
import { Pull } from '../io/pull.js';
import { monotonicMs } from '../io/clock.js';
import { t } from '../i18n/index.js';

export interface BatchLimits {
  /** Messages per produce request (the producer may lower it: see TopicProducer.maxBatchMessages). */
  maxMessages: number;
  /** Bytes per produce request, under the broker's default 1 MB batch limit (kafkajs does not split). */
  maxBytes: number;
  /** How long a partly filled batch waits for more input. */
  lingerMs: number;
  /** Produce requests in flight at once. */
  maxInFlight: number;
}

// 480 KB: requests stay under 512 KB, the power of two kafkajs's encoder rounds its two copies
// of each request up to (768 KB batches cost ~30 MB more peak memory, no more speed, here).
export const DEFAULT_LIMITS: BatchLimits = { maxMessages: 50_000, maxBytes: 480 * 1024, lingerMs: 5, maxInFlight: 8 };

/** What happened to the messages of one produce request (one partition, in input order). */
export interface DeliveryChunk {
  status: DeliveryReport['status'];
  topic: string;
  /** null only for messages refused before a partition was known. */
  partition: number | null;
  /** How many messages. */
  count: number;
  /** The messages in order, unless the request said `keepRecords: false`. */
  records: OutgoingRecord[] | null;
  /** status 'delivered': the offset of the first message; message i is at baseOffset + i. */
  baseOffset: bigint | null;
  /** The broker's time for every record of a LogAppendTime topic; null: each record's own timestamp. */
  logAppendTime: number | null;
  /** status 'failed' and 'not-sent'. */
  error?: string;
  errorKind?: ErrorKind;
}

export interface ProduceRequest {
  producer: TopicProducer;
  input: InputChunks;
  /** Largest message accepted (message.max.bytes). */
  messageMaxBytes: number;
  acks: -1 | 0 | 1;
  signal: AbortSignal;
  /** Called once per produce request with the fate of its messages (the cheap way for millions). */
  onChunk?(chunk: DeliveryChunk): void;
  /** Called once per message (after onChunk): exactly one report per message. Implies keepRecords. */
  onReport?(report: DeliveryReport): void;
  /**
   * false: chunks carry counts only (records: null), so a message is garbage as soon as it is
   * encoded; for counting runs (-q) of millions of messages. Default true.
   */
  keepRecords?: boolean;
  onInputError(error: InputError): void;
  /**
   * The input ends by itself soon after the signal, with what it had already read (readUntilAborted):
   * on Ctrl-C those lines are reported not-sent too. Leave it unset for generated input.
   */
  inputEndsOnAbort?: boolean;
  limits?: Partial<BatchLimits>;
}

export interface ProduceSummary {
  topic: string;
  delivered: number;
  /** Sent with acks=0: the broker does not confirm them. */
  unacknowledged: number;
  failed: number;
  notSent: number;
  inputErrors: number;
  interrupted: boolean;
  elapsedMs: number;
  /** Kinds of the failures, to choose the exit code. */
  failureKinds: ErrorKind[];
  /** Why the first failed message failed, and whether every failure said the same (for the summary line). */
  firstError?: { error: string; allSame: boolean };
  /**
   * The input stopped with this error (a file that failed part-way): what was read before it was
   * sent and reported as usual, and the caller reports the error itself.
   */
  inputFailure?: unknown;
}

/** The report of `chunk.records[i]` (a chunk with its records). */
export function chunkReport(chunk: DeliveryChunk, i: number): DeliveryReport {
  const { topic, partition } = chunk;
  const record = chunk.records?.[i];
  if (!record) throw new Error(`no record ${i} in this chunk (keepRecords: false?)`);
  const timestamp = chunk.logAppendTime ?? record.timestamp;
  switch (chunk.status) {
    case 'delivered':
      return { status: 'delivered', topic, partition: partition!, record, timestamp, offset: offsetAt(chunk.baseOffset!, i) };
    case 'sent':
      return { status: 'sent', topic, partition: partition!, record, timestamp };
    case 'failed':
      return { status: 'failed', topic, partition, record, timestamp, error: chunk.error ?? '', errorKind: chunk.errorKind ?? 'broker' };
    case 'not-sent':
      return { status: 'not-sent', topic, partition, record, timestamp, error: chunk.error ?? '' };
  }
}

/** `base + i` as a decimal string (number arithmetic while it is exact). */
export function offsetAt(base: bigint, i: number): string {
  return base < 0x1fffffffffffffn - 0x7fffffffn ? String(Number(base) + i) : (base + BigInt(i)).toString();
}

/** Streams the input to the topic in batches, one produce request per partition batch; every message is reported once. */
export async function produce(request: ProduceRequest): Promise<ProduceSummary> {
  const limits = { ...DEFAULT_LIMITS, ...request.limits };
  const { producer, signal } = request;
  const keepRecords = request.keepRecords !== false || request.onReport !== undefined;
  const maxMessages = Math.min(limits.maxMessages, producer.maxBatchMessages);
  const started = monotonicMs();
  const summary: ProduceSummary = {
    topic: producer.topic, delivered: 0, unacknowledged: 0, failed: 0, notSent: 0, inputErrors: 0,
    interrupted: false, elapsedMs: 0, failureKinds: [],
  };
  const known = new Set(producer.partitions);
  const open = new Map<number, Pending>();
  const inFlight = new Set<Promise<void>>();
  // The buffer size a new batch starts with: the largest batch so far, so it rarely grows.
  let expectedBytes = 16 * 1024;
  const settle = (chunk: DeliveryChunk) => {
    const n = chunk.count;
    if (chunk.status === 'delivered') summary.delivered += n;
    else if (chunk.status === 'sent') summary.unacknowledged += n;
    else if (chunk.status === 'failed') summary.failed += n;
    else summary.notSent += n;
    if (chunk.errorKind) summary.failureKinds.push(chunk.errorKind);
    if (chunk.status === 'failed' && chunk.error !== undefined) {
      const first = summary.firstError;
      if (first === undefined) summary.firstError = { error: chunk.error, allSame: true };
      else if (first.error !== chunk.error) first.allSame = false;
    }
    request.onChunk?.(chunk);
    if (request.onReport) for (let i = 0; i < n; i++) request.onReport(chunkReport(chunk, i));
  };

  const flush = (pending: Pending) => {
    open.delete(pending.batch.partition);
    expectedBytes = Math.max(expectedBytes, pending.bytes);
    const p = sendChunk(producer, pending, request.acks).then(settle).finally(() => inFlight.delete(p));
    inFlight.add(p);
  };
  const flushAll = () => {
    for (const pending of [...open.values()]) flush(pending);
  };
  const refuse = (record: OutgoingRecord, partition: number, error: string, errorKind: ErrorKind = 'broker') =>
    settle({
      status: 'failed', topic: producer.topic, partition, count: 1, records: keepRecords ? [record] : null,
      baseOffset: null, logAppendTime: null, error, errorKind,
    });

  const notSent = (record: OutgoingRecord) =>
    settle({
      status: 'not-sent', topic: producer.topic, partition: record.partition ?? producer.choosePartition(record), count: 1,
      records: keepRecords ? [record] : null, baseOffset: null, logAppendTime: null, error: t.output.notSentInterrupted,
    });

  const accept = (item: InputItem) => {
    if ('lines' in item) return acceptLines(item.lines);
    if ('error' in item) {
      summary.inputErrors += 1;
      request.onInputError(item);
      return;
    }
    const record = item.record;
    acceptRecord(record, record.partition ?? producer.choosePartition(record));
  };

  const acceptRecord = (record: OutgoingRecord, partition: number) => {
    const size = recordSize(record);
    if (size > request.messageMaxBytes) {
      return refuse(record, partition, t.output.messageTooLarge(size, request.messageMaxBytes));
    }
    const unsendable = producer.unsendable?.(record);
    if (unsendable !== undefined) return refuse(record, partition, unsendable, 'usage');
    if (!known.has(partition)) {
      return refuse(record, partition, t.output.noSuchPartition(partition, producer.topic, producer.partitions.join(',')));
    }
    const pending = pendingFor(partition, size);
    pending.batch.add(record);
    pending.records?.push(record);
    added(pending, size);
  };

  // Text lines alike but for their values, as acceptRecord would take them one by one, without
  // making a record of a line unless a report needs it or it is refused.
  const acceptLines = (block: LineBlock) => {
    const { key, headers, timestamp, spans } = block;
    const { starts, ends, count } = spans;
    const bytes = new Uint8Array(spans.data.buffer, spans.data.byteOffset, spans.data.length);
    const fixed = recordSize({ key, value: null, headers, timestamp });
    const checked = producer.unsendable !== undefined;
    for (let i = 0; i < count; i++) {
      const start = starts[i]!;
      const end = ends[i]!;
      if (end === start) continue; // a blank line is no message
      const size = fixed + end - start;
      const partition = block.partition ?? producer.choosePartition(block);
      if (checked || size > request.messageMaxBytes || !known.has(partition)) {
        acceptRecord(blockRecord(block, i), partition);
        continue;
      }
      const pending = pendingFor(partition, size);
      pending.batch.addSpan(key, bytes, start, end, headers, timestamp);
      pending.records?.push(blockRecord(block, i));
      added(pending, size);
    }
  };

  /** The partition's open batch, with room for `size` more bytes. */
  const pendingFor = (partition: number, size: number): Pending => {
    let pending = open.get(partition);
    if (pending && pending.bytes + size > limits.maxBytes) {
      flush(pending);
      pending = undefined;
    }
    if (!pending) {
      pending = { batch: producer.batch(partition, Math.min(expectedBytes, limits.maxBytes)), records: keepRecords ? [] : null, bytes: 0 };
      open.set(partition, pending);
    }
    return pending;
  };

  const added = (pending: Pending, size: number) => {
    pending.bytes += size;
    if (pending.batch.count >= maxMessages || pending.bytes >= limits.maxBytes) flush(pending);
  };

  const pull = new Pull(request.input[Symbol.asyncIterator](), signal);
  try {
    for (;;) {
      // Wait for more input, but send what is buffered if the input pauses (an interactive pipe).
      let next: Awaited<ReturnType<typeof pull.next>>;
      try {
        next = await pull.next(open.size > 0 ? limits.lingerMs : undefined);
      } catch (error) {
        // Not thrown from here: the requests in flight and the batches already read still end
        // in reports, as they would at the end of the input.
        summary.inputFailure = error;
        break;
      }
      if (next === 'aborted') {
        summary.interrupted = true;
        break;
      }
      if (next === 'idle') {
        flushAll();
        continue;
      }
      if (next.done) break;
      for (const item of next.value) accept(item);
      // Back-pressure: never more than maxInFlight requests, so memory stays bounded.
      while (inFlight.size >= limits.maxInFlight) await Promise.race(inFlight);
    }
    if (summary.interrupted) {
      // Ctrl-C: what is in flight is awaited and reported; what was only buffered is not sent.
      for (const { batch, records } of open.values()) {
        settle({
          status: 'not-sent', topic: producer.topic, partition: batch.partition, count: batch.count, records,
          baseOffset: null, logAppendTime: null, error: t.output.notSentInterrupted,
        });
      }
      open.clear();
      // Lines read from the pipe before the signal, not yet batched: each is reported as not sent.
      if (request.inputEndsOnAbort) {
        for await (const items of pull.rest()) {
          for (const item of items) {
            if ('error' in item) accept(item);
            else if ('record' in item) notSent(item.record);
            else for (let i = 0; i < item.lines.spans.count; i++) if (item.lines.spans.ends[i]! > item.lines.spans.starts[i]!) notSent(blockRecord(item.lines, i));
          }
        }
      }
    } else {
      flushAll();
    }
    await Promise.all(inFlight);
  } finally {
    // Input left behind on Ctrl-C: every line read was reported already; closing it can only fail harmlessly.
    if (summary.interrupted) void pull.close().catch(() => undefined);
  }
  summary.elapsedMs = monotonicMs() - started;
  return summary;
}

/** A partition's batch being filled. */
interface Pending {
  batch: ProduceBatch;
  records: OutgoingRecord[] | null;
  /** Estimated size (recordSize), against the limits. */
  bytes: number;
}

/** One produce request; never rejects: a failure is a chunk with status 'failed'. */
async function sendChunk(producer: TopicProducer, { batch, records }: Pending, acks: -1 | 0 | 1): Promise<DeliveryChunk> {
  const { topic } = producer;
  const { partition, count } = batch;
  try {
    const result = await producer.send(batch);
    if (acks === 0 || result.baseOffset === null) {
      return { status: 'sent', topic, partition, count, records, baseOffset: null, logAppendTime: null };
    }
    // One request per partition, so the i-th record's offset is the base offset plus i.
    return { status: 'delivered', topic, partition, count, records, baseOffset: BigInt(result.baseOffset), logAppendTime: result.logAppendTime };
  } catch (error) {
    const err = translateKafkaError(error, { action: t.output.produceTo(topic, partition) });
    return { status: 'failed', topic, partition, count, records, baseOffset: null, logAppendTime: null, error: err.message, errorKind: err.kind };
  }
}
