import kafkajs, { type Kafka, type PartitionMetadata } from 'kafkajs';
import { CkafkaError } from '../errors/errors.js';
import { t } from '../i18n/index.js';
import { causeChain } from './errors.js';
import { producerWithCluster } from './producer-cluster.js';

// Node's ESM loader does not see kafkajs's CommonJS named exports (see codecs/).
const { ConfigResourceTypes } = kafkajs;

/** Longest wait for a topic the broker has just created to have a leader for every partition. */
const LEADERS_WITHIN_MS = 15_000;
/** When the cluster's setting cannot be read: how long a topic may take to appear before it counts as refused. */
const APPEAR_WITHIN_MS = 5_000;

/**
 * Asks the brokers for `topic` with allow_auto_topic_creation set, as librdkafka's producer does
 * (allow.auto.create.topics=true): a cluster with auto.create.topics.enable creates it with its
 * default partitions and replicas. Resolves once every partition has a leader; rejects with the
 * broker's refusal (UNKNOWN_TOPIC_OR_PARTITION: the cluster creates no topics) as a clear error.
 */
export async function autoCreateTopic(kafka: Kafka, topic: string): Promise<PartitionMetadata[]> {
  const { producer, cluster } = producerWithCluster(kafka, { allowAutoTopicCreation: true, retry: { retries: 0 } });
  if (cluster === undefined) throw notCreated(topic, t.kafka.autoCreateUnavailable);
  const started = Date.now();
  const deadline = started + LEADERS_WITHIN_MS;
  let refusal: Promise<boolean> | undefined;
  try {
    await cluster.connect();
    for (;;) {
      try {
        await cluster.addTargetTopic(topic);
        const partitions = cluster.findTopicPartitionMetadata(topic);
        if (partitions.length > 0 && partitions.every((p) => p.leader >= 0)) return partitions;
      } catch (error) {
        const types = causeChain(error).map((e) => e.type);
        // A topic just created has no leader for a moment (ZooKeeper brokers say so); a KRaft
        // broker answers "unknown topic" while the controller creates it, and also when it will
        // not: its auto.create.topics.enable decides, else a few seconds of asking again.
        if (types.includes('UNKNOWN_TOPIC_OR_PARTITION')) {
          refusal ??= clusterRefuses(kafka);
          if ((await refusal) || Date.now() - started > APPEAR_WITHIN_MS) throw notCreated(topic);
        } else if (!types.includes('LEADER_NOT_AVAILABLE')) {
          throw error;
        }
      }
      if (Date.now() > deadline) throw new CkafkaError('broker', t.kafka.autoCreatedNoLeader(topic, LEADERS_WITHIN_MS / 1000), { hint: t.kafka.autoCreatedNoLeaderHint });
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  } finally {
    await producer.disconnect().catch(() => undefined);
  }
}

function notCreated(topic: string, why = t.kafka.autoCreateOff): CkafkaError {
  return new CkafkaError('broker', t.kafka.topicNotCreated(topic, why), {
    hint: t.kafka.topicNotCreatedHint(topic),
  });
}

/** True when a broker's auto.create.topics.enable is false; false when true or not readable (not authorised). */
async function clusterRefuses(kafka: Kafka): Promise<boolean> {
  const admin = kafka.admin();
  try {
    await admin.connect();
    const { brokers } = await admin.describeCluster();
    const [broker] = brokers;
    if (broker === undefined) return false;
    const { resources } = await admin.describeConfigs({
      resources: [{ type: ConfigResourceTypes.BROKER, name: String(broker.nodeId), configNames: ['auto.create.topics.enable'] }],
      includeSynonyms: false,
    });
    return resources[0]?.configEntries.find((e) => e.configName === 'auto.create.topics.enable')?.configValue === 'false';
  } catch {
    // Not allowed to read broker configs (as on many managed clusters): the wait decides.
    return false;
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}
