import type { Kafka, Message, PartitionMetadata, Producer, ProducerConfig } from 'kafkajs';

/** The part of kafkajs's internal Cluster (2.2.4) behind a producer that ckafka uses. */
export interface ProducerCluster {
  connect(): Promise<void>;
  /** Adds the topic to the cluster's metadata, reading it from the broker (never auto-creating it here). */
  addTargetTopic(topic: string): Promise<void>;
  findTopicPartitionMetadata(topic: string): PartitionMetadata[];
  /** Used by the idempotent path (idempotent-transport.ts). */
  refreshMetadata(): Promise<void>;
  /** `{ [leaderNodeId]: partitions }`. */
  findLeaderForPartitions(topic: string, partitions: number[]): Record<string, number[]>;
  findBroker(query: { nodeId: number }): Promise<ClusterBroker>;
  findControllerBroker(): Promise<ClusterBroker>;
}

/** The part of kafkajs's internal Broker (2.2.4) the idempotent path uses. */
export interface ClusterBroker {
  produce(request: {
    topicData: { topic: string; partitions: { partition: number; firstSequence: number; messages: Message[] }[] }[];
    producerId: bigint;
    producerEpoch: number;
    acks: number;
    timeout: number;
    compression: number;
  }): Promise<{ topics: { topicName: string; partitions: { partition: number; errorCode: number; baseOffset: string; logAppendTime: string }[] }[] }>;
  initProducerId(request: { transactionTimeout: number }): Promise<{ producerId: string | number; producerEpoch: number }>;
}

const CREATE_CLUSTER = 'private:Kafka:createCluster';

/**
 * `kafka.producer(config)` with the cluster kafkajs made for it, so that the topic's partitions
 * can be read over the producer's own connection, and the producer's first send needs no
 * metadata request of its own. kafkajs keeps that cluster private (built by the function under
 * Kafka's `private:Kafka:createCluster` symbol); without it, `cluster` is undefined.
 */
export function producerWithCluster(kafka: Kafka, config: ProducerConfig): { producer: Producer; cluster?: ProducerCluster } {
  const holder = kafka as unknown as Record<symbol, unknown>;
  const key = Object.getOwnPropertySymbols(kafka).find((s) => s.description === CREATE_CLUSTER);
  const create = key === undefined ? undefined : holder[key];
  if (key === undefined || typeof create !== 'function') return { producer: kafka.producer(config) };
  let made: unknown;
  holder[key] = (options: unknown) => (made = (create as (o: unknown) => unknown)(options));
  let producer: Producer;
  try {
    producer = kafka.producer(config);
  } finally {
    holder[key] = create;
  }
  return isProducerCluster(made) ? { producer, cluster: made } : { producer };
}

function isProducerCluster(value: unknown): value is ProducerCluster {
  const c = value as Partial<Record<keyof ProducerCluster, unknown>> | undefined;
  return (
    typeof c?.connect === 'function' &&
    typeof c.addTargetTopic === 'function' &&
    typeof c.findTopicPartitionMetadata === 'function' &&
    typeof c.refreshMetadata === 'function' &&
    typeof c.findLeaderForPartitions === 'function' &&
    typeof c.findBroker === 'function' &&
    typeof c.findControllerBroker === 'function'
  );
}
