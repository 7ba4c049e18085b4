import kafkajs, { CompressionTypes, Partitioners, type Kafka, type Message, type PartitionerArgs, type PartitionMetadata, type Producer } from 'kafkajs';
import type { ProducerSettings } from '../config/types.js';
import { CkafkaError } from '../errors/errors.js';
import { t } from '../i18n/index.js';
import type { Header, OutgoingRecord } from './records.js';
import { compressionType } from './codecs/index.js';
import { translateKafkaError } from './errors.js';
import { isMissingTopic, knownTopic, topicPartitions } from './topic-offsets.js';
import { autoCreateTopic } from './auto-create.js';
import { producerWithCluster, type ProducerCluster } from './producer-cluster.js';
import { decodeRecords, RecordBatchWriter, type EncodedBatch } from './record-batch.js';
import { batchMessage, installBatchEncoder, requestHeadroom } from './record-batch-request.js';
import { BufferPool } from './buffer-pool.js';
import { BatchFailed, IdempotentSender } from './idempotent-sender.js';
import { clusterTransport } from './idempotent-transport.js';

// Node's ESM loader does not see `CompressionCodecs` among kafkajs's named exports (see codecs/).
const { CompressionCodecs } = kafkajs;

export interface SendResult {
  /** Offset of the first record, or null when acks=0 (the broker does not answer). */
  baseOffset: string | null;
  /** Broker time for LogAppendTime topics, else null. */
  logAppendTime: number | null;
}

/** Records of one partition on their way to becoming one produce request. */
export interface ProduceBatch {
  readonly partition: number;
  readonly count: number;
  add(record: OutgoingRecord): void;
  /** Adds a record whose value is `bytes[start, end)` and whose other fields are given (bulk text input). */
  addSpan(key: Buffer | null, bytes: Uint8Array, start: number, end: number, headers: Header[], timestamp: number): void;
}

/** A producer bound to one topic whose partitions are known, sending one partition's batch per request. */
export interface TopicProducer {
  readonly topic: string;
  readonly partitions: number[];
  /** Most records per batch. */
  readonly maxBatchMessages: number;
  /** The partitioner's choice for a record with this key (each call without a key takes the next partition). */
  choosePartition(record: Pick<OutgoingRecord, 'key'>): number;
  /** Why this producer cannot send the record exactly as it is (then it is refused, not changed); undefined: it can. */
  unsendable?(record: OutgoingRecord): string | undefined;
  /** An empty batch; `expectedBytes` sizes its buffer. Records are encoded as they are added. */
  batch(partition: number, expectedBytes?: number): ProduceBatch;
  /** All-or-nothing: one call is one produce request for the batch's partition. */
  send(batch: ProduceBatch): Promise<SendResult>;
  close(): Promise<void>;
}

export interface TopicProducerEvents {
  /** The topic was missing and the cluster created it (allow.auto.create.topics, auto.create.topics.enable). */
  onTopicCreated?(topic: string, partitions: number): void;
  /** Backoff of the idempotent path's resends (retry.backoff.ms, reconnect.backoff.max.ms); default 100, 3000 ms. */
  resendBackoff?: { initialRetryTime: number; maxRetryTime: number };
}

/**
 * Connects and learns the topic's partitions. A missing topic is created by the cluster when
 * allow.auto.create.topics is on (librdkafka's producer default) and the brokers allow it.
 */
export async function openTopicProducer(kafka: Kafka, topic: string, settings: ProducerSettings, events: TopicProducerEvents = {}): Promise<TopicProducer> {
  const { producer, cluster } = producerWithCluster(kafka, {
    allowAutoTopicCreation: false,
    // The idempotent producer is ours (idempotent-sender.ts), not kafkajs's: kafkajs's sequence
    // numbers count its messages, and ours carry whole batches.
    idempotent: false,
    retry: { retries: settings.retries },
    // Every message we send names its partition (choosePartition); kafkajs's default partitioner
    // would first draw random bytes for each topic, and load Node's crypto (~1.5 ms) to do it.
    createPartitioner: () => ({ message }) => {
      if (message.partition === undefined) throw new Error('ckafka: a message without a partition reached kafkajs');
      return message.partition;
    },
  });
  let partitionMetadata: PartitionerArgs['partitionMetadata'];
  let sender: IdempotentSender | null = null;
  const compression = compressionType(settings.compression);
  const read = () => (cluster !== undefined ? partitionsOverProducer(producer, cluster, topic) : partitionsOverAdmin(kafka, producer, topic));
  try {
    try {
      partitionMetadata = await read();
    } catch (error) {
      if (!settings.autoCreateTopics || !isMissingTopic(error)) throw error;
      await autoCreateTopic(kafka, topic);
      partitionMetadata = await read();
      events.onTopicCreated?.(topic, partitionMetadata.length);
    }
    if (settings.idempotent) {
      if (cluster === undefined) throw new Error('this kafkajs does not expose its cluster: no idempotent producer');
      const transport = clusterTransport(cluster, topic, { timeoutMs: settings.timeoutMs, compression });
      const backoff = events.resendBackoff ?? { initialRetryTime: 100, maxRetryTime: 3000 };
      sender = new IdempotentSender(transport, await transport.newProducerId(), { retries: settings.retries, initialRetryTime: backoff.initialRetryTime, maxRetryTime: backoff.maxRetryTime });
    }
  } catch (error) {
    await producer.disconnect().catch(() => undefined);
    throw translateKafkaError(error, { action: t.kafka.actionProduce(topic) });
  }
  installBatchEncoder();
  const headroom = requestHeadroom(topic);
  const pool = new BufferPool(BATCH_BUFFERS_KEPT);
  return {
    topic,
    partitions: partitionMetadata.map((p) => p.partitionId).sort((a, b) => a - b),
    maxBatchMessages: 100_000,
    choosePartition: partitionChooser(topic, partitionMetadata),
    batch: (partition, expectedBytes) => new EncodingBatch(partition, expectedBytes, headroom, pool),
    async send(batch) {
      const encoding = batch as EncodingBatch;
      const encoded = await encoding.encode(compression);
      let result: SendResult;
      if (sender !== null) result = await sendIdempotent(sender, topic, encoding.partition, encoded);
      else {
        const [meta] = await producer.send({ topic, messages: [encoding.message(encoded)], acks: settings.acks, timeout: settings.timeoutMs, compression });
        const appendTime = Number(meta?.logAppendTime ?? -1);
        result = !meta || settings.acks === 0
          ? { baseOffset: null, logAppendTime: null }
          : { baseOffset: meta.baseOffset ?? meta.offset ?? null, logAppendTime: appendTime >= 0 ? appendTime : null };
      }
      // Answered, so the broker read the whole request: its memory can take the next batch. Not
      // with acks=0 (no answer: the socket may still be sending it), nor after a resend (see EncodedBatch.sent).
      if (settings.acks !== 0 && encoded.sent === 1) encoding.release();
      return result;
    },
    async close() {
      await producer.disconnect();
    },
  };
}

/** One batch through the idempotent sender; a batch it gave up on says whether it may have been written. */
async function sendIdempotent(sender: IdempotentSender, topic: string, partition: number, batch: EncodedBatch): Promise<SendResult> {
  try {
    return await sender.send(partition, batch);
  } catch (error) {
    if (!(error instanceof BatchFailed)) throw error;
    const failure = translateKafkaError(error.cause, { action: t.kafka.actionProducePartition(topic, partition) });
    const tries = t.kafka.attempts(error.attempts);
    const message = error.unknown
      ? t.kafka.outcomeUnknown(failure.message, tries)
      : t.kafka.notWritten(failure.message, tries);
    throw new CkafkaError(failure.kind, message, { hint: failure.hint, cause: error.cause });
  }
}

/**
 * kafkajs's DefaultPartitioner (murmur2 of the key, Java-compatible), except that a message
 * without a key takes the next partition with a leader without the list kafkajs builds per message.
 */
function partitionChooser(topic: string, partitionMetadata: PartitionerArgs['partitionMetadata']): (record: Pick<OutgoingRecord, 'key'>) => number {
  const keyed = Partitioners.DefaultPartitioner();
  const available = partitionMetadata.filter((p) => p.leader >= 0).map((p) => p.partitionId);
  // Where the round robin starts: any partition, not a secret (no crypto to load for it).
  let counter = Math.floor(Math.random() * 0x1_0000_0000) | 0;
  return (record) => {
    // murmur2 of the key alone: the value plays no part.
    if (record.key !== null) return keyed({ topic, partitionMetadata, message: { key: record.key, value: null } });
    counter = (counter + 1) | 0;
    const i = counter & 0x7fffffff;
    return available.length > 0 ? available[i % available.length]! : i % partitionMetadata.length;
  };
}

/**
 * Free batch buffers kept for the next batches: with at most 8 requests in flight and one open
 * batch per partition, a few more than that are what a steady run gives back between two takes.
 */
const BATCH_BUFFERS_KEPT = 12;

/** Our path: each record goes straight into the batch's buffer (see record-batch.ts). */
class EncodingBatch implements ProduceBatch {
  private readonly writer: RecordBatchWriter;

  constructor(
    readonly partition: number,
    expectedBytes = 64 * 1024,
    headroom = 0,
    pool?: BufferPool,
  ) {
    this.writer = new RecordBatchWriter(expectedBytes, headroom, pool);
  }

  /** The batch was sent and answered: its buffer goes back to the pool. */
  release(): void {
    this.writer.release();
  }

  get count(): number {
    return this.writer.count;
  }

  add(record: OutgoingRecord): void {
    this.writer.add(record.key, record.value, record.headers, record.timestamp);
  }

  addSpan(key: Buffer | null, bytes: Uint8Array, start: number, end: number, headers: Header[], timestamp: number): void {
    this.writer.addSpan(key, bytes, start, end, headers, timestamp);
  }

  /** The finished batch, compressed with kafkajs's codec table (ours are registered there). */
  async encode(compression: CompressionTypes): Promise<EncodedBatch> {
    if (compression === CompressionTypes.None) return this.writer.finish();
    const codecs = CompressionCodecs as unknown as Record<number, (() => { compress(e: { buffer: Buffer }): Promise<Buffer> }) | undefined>;
    const codec = codecs[compression];
    if (!codec) throw new CkafkaError('usage', t.kafka.compressionUnavailable(String(CompressionTypes[compression])));
    return this.writer.finish(compression, await codec().compress({ buffer: this.writer.records() }));
  }

  /** The one kafkajs message that carries the whole (encoded) batch. */
  message(batch: EncodedBatch): Message {
    const partition = this.partition;
    return batchMessage(partition, batch, () =>
      decodeRecords(batch).map((r) => toMessage(partition, r)),
    );
  }
}

function toMessage(partition: number, r: Pick<OutgoingRecord, 'key' | 'value' | 'headers' | 'timestamp'>): Message {
  return { key: r.key, value: r.value, partition, timestamp: String(r.timestamp), headers: kafkajsHeaders(r.headers).headers };
}

/**
 * One connection, one metadata request: the producer's cluster (allowAutoTopicCreation off)
 * reads the topic, and that metadata is what the first send uses.
 */
async function partitionsOverProducer(producer: Producer, cluster: ProducerCluster, topic: string): Promise<PartitionMetadata[]> {
  const [, partitions] = await Promise.all([
    producer.connect(),
    knownTopic(topic, async () => {
      await cluster.connect();
      await cluster.addTargetTopic(topic);
      return cluster.findTopicPartitionMetadata(topic);
    }),
  ]);
  return partitions;
}

/** Without the producer's cluster (another kafkajs): an admin client of its own reads the topic. */
async function partitionsOverAdmin(kafka: Kafka, producer: Producer, topic: string): Promise<PartitionMetadata[]> {
  const admin = kafka.admin();
  try {
    await Promise.all([producer.connect(), admin.connect()]);
    return await topicPartitions(admin, topic);
  } finally {
    void admin.disconnect().catch(() => undefined);
  }
}

type KafkajsHeaders = Record<string, Buffer | Buffer[]>;
const converted = new WeakMap<readonly Header[], { headers: KafkajsHeaders | undefined; error: string | undefined }>();

/**
 * Headers as kafkajs's own encoder takes them (plain messages, only for a broker before 0.11,
 * which cannot store headers at all): an object of name → value(s).
 * Built without a prototype, so `__proto__`, `constructor` or `toString` are names like any other.
 * What an object cannot say is refused with the reason, never sent changed: a null value (kafkajs
 * cannot encode one), or an order the object would change (a name repeated with another between,
 * integer-like names, which objects list first). The -H list of a run is converted once.
 */
export function kafkajsHeaders(list: readonly Header[]): { headers: KafkajsHeaders | undefined; error: string | undefined } {
  if (list.length === 0) return { headers: undefined, error: undefined };
  const known = converted.get(list);
  if (known) return known;
  const headers = Object.create(null) as KafkajsHeaders;
  let error: string | undefined;
  for (const { key, value } of list) {
    if (value === null) {
      error = t.kafka.headerNullValue(key);
      break;
    }
    const existing = headers[key];
    const next = existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value];
    Object.defineProperty(headers, key, { value: next, enumerable: true, writable: true, configurable: true });
  }
  if (error === undefined) {
    const order = Object.keys(headers).flatMap((k) => (Array.isArray(headers[k]) ? (headers[k] as Buffer[]).map(() => k) : [k]));
    if (order.some((k, i) => k !== list[i]!.key)) {
      error = t.kafka.headerOrder;
    }
  }
  const result = error === undefined ? { headers, error } : { headers: undefined, error };
  converted.set(list, result);
  return result;
}
