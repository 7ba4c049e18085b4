import type { Admin } from 'kafkajs';
import { CkafkaError } from '../errors/errors.js';
import { resolveStart, type StartPosition, type Watermarks } from './offsets.js';

/**
 * The topic's partitions, checked without creating it: the admin client asks for metadata with
 * auto-creation off, and the topic list answers at once instead of retrying UNKNOWN_TOPIC.
 */
export async function topicPartitionIds(admin: Admin, topic: string): Promise<number[]> {
  const names = await admin.listTopics();
  if (!names.includes(topic)) {
    const near = names.filter((n) => n.toLowerCase() === topic.toLowerCase());
    throw new CkafkaError('broker', `topic '${topic}' does not exist`, {
      hint: near.length > 0 ? `Did you mean '${near[0]}'?` : 'Check the name (ckafka topic list) or create it (ckafka topic create).',
    });
  }
  const { topics } = await admin.fetchTopicMetadata({ topics: [topic] });
  const found = topics.find((t) => t.name === topic);
  const ids = (found?.partitions ?? []).map((p) => p.partitionId).sort((a, b) => a - b);
  if (ids.length === 0) throw new CkafkaError('broker', `topic '${topic}' has no partitions the broker will tell about`);
  return ids;
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
