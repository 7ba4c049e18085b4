import type { Admin, PartitionMetadata } from 'kafkajs';
import { CkafkaError } from '../errors/errors.js';
import { t } from '../i18n/index.js';
import { causeChain } from './errors.js';

export interface CreateTopicRequest {
  topic: string;
  partitions: number;
  /** -1: the broker's default.replication.factor. */
  replicationFactor: number;
  configs: Record<string, string>;
}

export interface TopicWait {
  /** Give up waiting for the new topic's leaders at this time (ms since the epoch). */
  deadline: number;
  signal?: AbortSignal;
}

/** How long `topic create` waits for the new topic's metadata to reach the brokers. */
export const TOPIC_WAIT_MS = 30_000;

// Answers a broker gives for a topic the controller created but whose metadata has not reached it yet.
const NOT_YET = new Set(['UNKNOWN_TOPIC_OR_PARTITION', 'LEADER_NOT_AVAILABLE']);

/**
 * Creates the topic, then waits (within `wait`) until the metadata shows a leader for every
 * partition; an existing topic is an error, not a silent success. kafkajs's own wait
 * (waitForLeaders) asks one broker once and fails on UNKNOWN_TOPIC_OR_PARTITION while the new
 * topic's metadata is still on its way to that broker (3 brokers: 5 of 8 creates failed), so a
 * created topic was reported as an error.
 */
export async function createTopic(admin: Admin, request: CreateTopicRequest, wait: TopicWait): Promise<void> {
  let created: boolean;
  try {
    created = await admin.createTopics({
      waitForLeaders: false,
      topics: [{
        topic: request.topic,
        numPartitions: request.partitions,
        replicationFactor: request.replicationFactor,
        configEntries: Object.entries(request.configs).map(([name, value]) => ({ name, value })),
      }],
    });
  } catch (error) {
    if (causeChain(error).some((e) => e.type === 'TOPIC_ALREADY_EXISTS')) throw alreadyExists(request.topic);
    throw error;
  }
  if (!created) throw alreadyExists(request.topic);
  await waitForLeaders(admin, request, wait);
}

async function waitForLeaders(admin: Admin, request: CreateTopicRequest, wait: TopicWait): Promise<void> {
  let last: string;
  for (let backoff = 50; ; backoff = Math.min(backoff * 2, 500)) {
    wait.signal?.throwIfAborted();
    try {
      const { topics } = await admin.fetchTopicMetadata({ topics: [request.topic] });
      const partitions = topics.find((x) => x.name === request.topic)?.partitions ?? [];
      if (led(partitions, request.partitions)) return;
      last = t.kafka.partitionsWithLeader(partitions.filter((p) => p.leader >= 0).length, request.partitions);
    } catch (error) {
      const type = causeChain(error).map((e) => e.type ?? '').find((x) => NOT_YET.has(x));
      if (type === undefined) throw error;
      last = type;
    }
    if (Date.now() + backoff > wait.deadline) {
      throw new CkafkaError('broker', t.kafka.topicMetadataIncomplete(request.topic, last), {
        hint: t.kafka.topicMetadataIncompleteHint(request.topic),
      });
    }
    await new Promise((resolve) => setTimeout(resolve, backoff));
  }
}

/** Every partition the request asked for is in the metadata with a leader. */
function led(partitions: PartitionMetadata[], count: number): boolean {
  return partitions.length >= count && partitions.every((p) => p.leader >= 0 && (p.partitionErrorCode ?? 0) === 0);
}

const alreadyExists = (topic: string) =>
  new CkafkaError('broker', t.kafka.topicExists(topic), { hint: t.kafka.topicExistsHint(topic) });
