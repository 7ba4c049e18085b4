import { Partitioners, type Admin, type Kafka, type Message, type PartitionerArgs } from 'kafkajs';
import type { ProducerSettings } from '../config/types.js';
import { CkafkaError } from '../errors/errors.js';
import type { OutgoingRecord } from './records.js';
import { compressionType } from './codecs/index.js';
import { causeChain, translateKafkaError } from './errors.js';

export interface SendResult {
  /** Offset of the first record, or null when acks=0 (the broker does not answer). */
  baseOffset: string | null;
  /** Broker time for LogAppendTime topics, else null. */
  logAppendTime: number | null;
}

/** A producer bound to one topic whose partitions are known, sending one partition's records per call. */
export interface TopicProducer {
  readonly topic: string;
  readonly partitions: number[];
  choosePartition(record: OutgoingRecord): number;
  /** All-or-nothing: one call is one produce request for one partition. */
  send(partition: number, records: OutgoingRecord[]): Promise<SendResult>;
  close(): Promise<void>;
}

/** Connects, checks the topic exists (never auto-creates it) and learns its partitions. */
export async function openTopicProducer(kafka: Kafka, topic: string, settings: ProducerSettings): Promise<TopicProducer> {
  const producer = kafka.producer({
    allowAutoTopicCreation: false,
    idempotent: settings.idempotent,
    retry: { retries: settings.retries },
    createPartitioner: Partitioners.DefaultPartitioner,
    // Several sends stay in flight; with idempotence kafkajs needs at most 5 per connection.
    ...(settings.idempotent ? { maxInFlightRequests: 5 } : {}),
  });
  const admin = kafka.admin();
  let partitionMetadata: PartitionerArgs['partitionMetadata'];
  try {
    await Promise.all([producer.connect(), admin.connect()]);
    partitionMetadata = await topicPartitions(admin, topic);
  } catch (error) {
    await Promise.allSettled([producer.disconnect(), admin.disconnect()]);
    throw translateKafkaError(error, { action: `produce to '${topic}'` });
  } finally {
    void admin.disconnect().catch(() => undefined);
  }
  const partitioner = Partitioners.DefaultPartitioner();
  const compression = compressionType(settings.compression);
  return {
    topic,
    partitions: partitionMetadata.map((p) => p.partitionId).sort((a, b) => a - b),
    choosePartition(record) {
      const message: Message = { key: record.key, value: record.value };
      return partitioner({ topic, partitionMetadata, message });
    },
    async send(partition, records) {
      const messages: Message[] = records.map((r) => ({
        key: r.key,
        value: r.value,
        partition,
        timestamp: String(r.timestamp),
        headers: headersOf(r),
      }));
      const [meta] = await producer.send({ topic, messages, acks: settings.acks, timeout: settings.timeoutMs, compression });
      if (!meta || settings.acks === 0) return { baseOffset: null, logAppendTime: null };
      const appendTime = Number(meta.logAppendTime ?? -1);
      return { baseOffset: meta.baseOffset ?? meta.offset ?? null, logAppendTime: appendTime >= 0 ? appendTime : null };
    },
    async close() {
      await producer.disconnect();
    },
  };
}

/** The topic's partitions; a missing topic is our own clear error, and it is never auto-created. */
export async function topicPartitions(admin: Admin, topic: string): Promise<PartitionerArgs['partitionMetadata']> {
  const missing = () =>
    new CkafkaError('broker', `topic '${topic}' does not exist`, { hint: 'Check the name (ckafka topic list) or create it (ckafka topic create).' });
  try {
    const { topics } = await admin.fetchTopicMetadata({ topics: [topic] });
    const found = topics.find((t) => t.name === topic);
    if (!found || found.partitions.length === 0) throw missing();
    return found.partitions;
  } catch (error) {
    if (causeChain(error).some((e) => e.type === 'UNKNOWN_TOPIC_OR_PARTITION')) throw missing();
    throw error;
  }
}

function headersOf(record: OutgoingRecord): Message['headers'] {
  if (record.headers.length === 0) return undefined;
  const headers: Record<string, Buffer | Buffer[]> = {};
  for (const { key, value } of record.headers) {
    const v = value ?? Buffer.alloc(0);
    const existing = headers[key];
    headers[key] = existing === undefined ? v : Array.isArray(existing) ? [...existing, v] : [existing, v];
  }
  return headers;
}
