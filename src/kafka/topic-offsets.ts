import type { Admin, PartitionMetadata } from 'kafkajs';
import { CkafkaError } from '../errors/errors.js';
import { t } from '../i18n/index.js';
import { causeChain } from './errors.js';
import { resolveStart, type EndPosition, type StartPosition, type Watermarks } from './offsets.js';

const missingTopics = new WeakSet<CkafkaError>();

/** The error for a topic that does not exist; given the topic list, it suggests a name differing only in case. */
export function missingTopic(topic: string, names: readonly string[] = []): CkafkaError {
  const near = names.find((n) => n.toLowerCase() === topic.toLowerCase());
  const error = new CkafkaError('broker', t.kafka.topicNotFound(topic), {
    hint: near !== undefined ? t.kafka.didYouMean(near) : t.kafka.topicNotFoundHint,
  });
  missingTopics.add(error);
  return error;
}

/** Whether `error` says the topic does not exist (missingTopic), as opposed to any other failure. */
export const isMissingTopic = (error: unknown): boolean => error instanceof CkafkaError && missingTopics.has(error);

/** Reads a topic's partitions; no answer, no partitions or UNKNOWN_TOPIC_OR_PARTITION is missingTopic. */
export async function knownTopic(topic: string, read: () => Promise<PartitionMetadata[] | undefined>): Promise<PartitionMetadata[]> {
  try {
    const partitions = await read();
    if (!partitions || partitions.length === 0) throw missingTopic(topic);
    return partitions;
  } catch (error) {
    if (causeChain(error).some((e) => e.type === 'UNKNOWN_TOPIC_OR_PARTITION')) throw missingTopic(topic);
    throw error;
  }
}

/**
 * The topic's partitions over an admin client, never creating the topic: the topic list answers at
 * once (where a metadata request for a missing topic is retried) and gives the did-you-mean hint.
 */
export async function topicPartitions(admin: Admin, topic: string): Promise<PartitionMetadata[]> {
  const names = await admin.listTopics();
  if (!names.includes(topic)) throw missingTopic(topic, names);
  return knownTopic(topic, async () => {
    const { topics } = await admin.fetchTopicMetadata({ topics: [topic] });
    return topics.find((x) => x.name === topic)?.partitions;
  });
}

/** The topic's partition ids, in order. */
export async function topicPartitionIds(admin: Admin, topic: string): Promise<number[]> {
  return (await topicPartitions(admin, topic)).map((p) => p.partitionId).sort((a, b) => a - b);
}

/** Low and high watermark of every partition of the topic. */
export async function topicWatermarks(admin: Admin, topic: string): Promise<Map<number, Watermarks>> {
  const offsets = await admin.fetchTopicOffsets(topic);
  return new Map(offsets.map((o) => [o.partition, { low: BigInt(o.low), high: BigInt(o.high) }]));
}

/** Where `--from` starts in each of the given partitions (a timestamp asks the broker). */
export async function startOffsets(
  admin: Admin,
  topic: string,
  position: StartPosition,
  watermarks: Map<number, Watermarks>,
  partitions: readonly number[],
): Promise<Map<number, bigint>> {
  const out = new Map<number, bigint>();
  if (position.kind === 'timestamp') {
    // The first offset whose timestamp is at or after the time; the end when there is none.
    const byTime = await admin.fetchTopicOffsetsByTimestamp(topic, position.ms);
    for (const { partition, offset } of byTime) if (partitions.includes(partition)) out.set(partition, BigInt(offset));
    return out;
  }
  for (const p of partitions) {
    const w = watermarks.get(p);
    if (w) out.set(p, resolveStart(position, w));
  }
  return out;
}

/**
 * Where `--until` stops in each of the given partitions: the offset itself, or for a time the first
 * offset whose timestamp is at or after it. A partition with no such message yet is left out: it
 * stops at the first one that arrives (the reader checks the timestamps).
 */
export async function untilOffsets(
  admin: Admin,
  topic: string,
  position: EndPosition,
  watermarks: Map<number, Watermarks>,
  partitions: readonly number[],
): Promise<Map<number, bigint>> {
  const out = new Map<number, bigint>();
  if (position.kind === 'offset') {
    for (const p of partitions) out.set(p, position.offset);
    return out;
  }
  // kafkajs answers the high watermark where the broker found no message (-1): not a position yet.
  const byTime = await admin.fetchTopicOffsetsByTimestamp(topic, position.ms);
  for (const { partition, offset } of byTime) {
    const at = BigInt(offset);
    const high = watermarks.get(partition)?.high;
    if (partitions.includes(partition) && high !== undefined && at < high) out.set(partition, at);
  }
  return out;
}

/** The group's committed offsets for the topic; partitions without one are left out. */
export async function committedOffsets(admin: Admin, groupId: string, topic: string): Promise<Map<number, bigint>> {
  const [entry] = await admin.fetchOffsets({ groupId, topics: [topic] });
  const out = new Map<number, bigint>();
  for (const { partition, offset } of entry?.partitions ?? []) {
    const n = BigInt(offset);
    if (n >= 0n) out.set(partition, n);
  }
  return out;
}
