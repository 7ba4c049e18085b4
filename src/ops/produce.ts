import type { ErrorKind } from '../errors/errors.js';
import type { TopicProducer } from '../kafka/producer.js';
import { recordSize, type DeliveryReport, type InputError, type OutgoingRecord } from '../kafka/records.js';
import { translateKafkaError } from '../kafka/errors.js';
import type { InputChunks, InputItem } from '../io/input.js';
import { Pull } from '../io/pull.js';

export interface BatchLimits {
  /** Messages per produce request (kafkajs groups messages in O(n²), so keep it moderate). */
  maxMessages: number;
  /** Bytes per produce request, under the broker's default 1 MB batch limit. */
  maxBytes: number;
  /** How long a partly filled batch waits for more input. */
  lingerMs: number;
  /** Produce requests in flight at once. */
  maxInFlight: number;
}

export const DEFAULT_LIMITS: BatchLimits = { maxMessages: 2000, maxBytes: 512 * 1024, lingerMs: 5, maxInFlight: 8 };

export interface ProduceRequest {
  producer: TopicProducer;
  input: InputChunks;
  /** Largest message accepted (message.max.bytes). */
  messageMaxBytes: number;
  acks: -1 | 0 | 1;
  signal: AbortSignal;
  onReport(report: DeliveryReport): void;
  onInputError(error: InputError): void;
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
}

/** Streams the input to the topic in batches, with one report per message. */
export async function produce(request: ProduceRequest): Promise<ProduceSummary> {
  const limits = { ...DEFAULT_LIMITS, ...request.limits };
  const { producer, signal } = request;
  const started = performance.now();
  const summary: ProduceSummary = {
    topic: producer.topic, delivered: 0, unacknowledged: 0, failed: 0, notSent: 0, inputErrors: 0,
    interrupted: false, elapsedMs: 0, failureKinds: [],
  };
  const buffers = new Map<number, { records: OutgoingRecord[]; bytes: number }>();
  const inFlight = new Set<Promise<void>>();
  const report = (r: DeliveryReport) => {
    if (r.status === 'delivered') summary.delivered += 1;
    else if (r.status === 'sent') summary.unacknowledged += 1;
    else if (r.status === 'failed') summary.failed += 1;
    else summary.notSent += 1;
    request.onReport(r);
  };

  const dispatch = (partition: number, records: OutgoingRecord[]) => {
    const p = sendChunk(producer, partition, records, request.acks, report, summary).finally(() => inFlight.delete(p));
    inFlight.add(p);
  };
  const flush = (partition: number) => {
    const buffer = buffers.get(partition);
    if (!buffer || buffer.records.length === 0) return;
    buffers.delete(partition);
    dispatch(partition, buffer.records);
  };
  const flushAll = () => {
    for (const partition of [...buffers.keys()]) flush(partition);
  };

  const accept = (item: InputItem) => {
    if ('error' in item) {
      summary.inputErrors += 1;
      request.onInputError(item);
      return;
    }
    const record = item.record;
    const size = recordSize(record);
    const partition = record.partition ?? producer.choosePartition(record);
    const refuse = (error: string) => {
      summary.failureKinds.push('broker');
      report({ status: 'failed', topic: producer.topic, partition, record, timestamp: record.timestamp, error, errorKind: 'broker' });
    };
    if (size > request.messageMaxBytes) {
      return refuse(`message of ${size} bytes is over the limit of ${request.messageMaxBytes} bytes (message.max.bytes); not sent`);
    }
    if (!producer.partitions.includes(partition)) {
      return refuse(`partition ${partition} does not exist in topic '${producer.topic}' (partitions ${producer.partitions.join(',')})`);
    }
    let buffer = buffers.get(partition);
    if (!buffer) buffers.set(partition, (buffer = { records: [], bytes: 0 }));
    buffer.records.push(record);
    buffer.bytes += size;
    if (buffer.records.length >= limits.maxMessages || buffer.bytes >= limits.maxBytes) flush(partition);
  };

  const pull = new Pull(request.input[Symbol.asyncIterator](), signal);
  try {
    for (;;) {
      // Wait for more input, but send what is buffered if the input pauses (an interactive pipe).
      const next = await pull.next(buffers.size > 0 ? limits.lingerMs : undefined);
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
      for (const [partition, buffer] of buffers) {
        for (const record of buffer.records) {
          report({ status: 'not-sent', topic: producer.topic, partition, record, timestamp: record.timestamp, error: 'interrupted before sending' });
        }
      }
      buffers.clear();
    } else {
      flushAll();
    }
    await Promise.all(inFlight);
  } finally {
    if (summary.interrupted) void pull.close().catch(() => undefined);
  }
  summary.elapsedMs = performance.now() - started;
  return summary;
}

async function sendChunk(
  producer: TopicProducer,
  partition: number,
  records: OutgoingRecord[],
  acks: -1 | 0 | 1,
  report: (r: DeliveryReport) => void,
  summary: ProduceSummary,
): Promise<void> {
  const topic = producer.topic;
  try {
    const result = await producer.send(partition, records);
    if (acks === 0 || result.baseOffset === null) {
      for (const record of records) report({ status: 'sent', topic, partition, record, timestamp: record.timestamp });
      return;
    }
    // One request per partition, so the i-th record's offset is the base offset plus i.
    const base = BigInt(result.baseOffset);
    records.forEach((record, i) => {
      report({
        status: 'delivered', topic, partition, record,
        offset: (base + BigInt(i)).toString(),
        timestamp: result.logAppendTime ?? record.timestamp,
      });
    });
  } catch (error) {
    const err = translateKafkaError(error, { action: `produce to ${topic}[${partition}]` });
    summary.failureKinds.push(err.kind);
    for (const record of records) {
      report({ status: 'failed', topic, partition, record, timestamp: record.timestamp, error: err.message, errorKind: err.kind });
    }
  }
}
