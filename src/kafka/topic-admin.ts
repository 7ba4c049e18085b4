import kafkajs, { type Admin } from 'kafkajs';
import { CkafkaError } from '../errors/errors.js';
import { t } from '../i18n/index.js';
import { clusterOf } from './admin-cluster.js';
import { incrementalAlterTopicConfigs, type ConfigChange } from './admin-requests.js';
import { missingTopic, topicPartitionIds } from './topic-offsets.js';

const { ConfigResourceTypes } = kafkajs;

/** Which topics of the list exist, and which do not. */
export async function splitKnownTopics(admin: Admin, topics: string[]): Promise<{ known: string[]; unknown: string[]; names: string[] }> {
  const names = await admin.listTopics();
  const set = new Set(names);
  return { known: topics.filter((x) => set.has(x)), unknown: topics.filter((x) => !set.has(x)), names };
}

/** Deletes existing topics (the controller answers once they are gone from its metadata). */
export async function deleteTopics(admin: Admin, topics: string[]): Promise<void> {
  if (topics.length > 0) await admin.deleteTopics({ topics, timeout: 30_000 });
}

/** Raises the topic's partition count; Kafka cannot lower it, so a smaller count is refused before any request. */
export async function addPartitions(admin: Admin, topic: string, count: number): Promise<{ before: number; after: number }> {
  const before = (await topicPartitionIds(admin, topic)).length;
  if (count < before) {
    throw new CkafkaError('broker', t.kafka.partitionDecrease(topic, before, count), {
      hint: t.kafka.partitionDecreaseHint,
    });
  }
  if (count > before) await admin.createPartitions({ topicPartitions: [{ topic, count }], timeout: 30_000 });
  return { before, after: count };
}

/** Where a config's value comes from (Kafka's ConfigSource, in words). */
export type ConfigSource = 'dynamic' | 'dynamic-broker' | 'dynamic-broker-default' | 'static-broker' | 'default' | 'unknown';

const SOURCES: Record<number, ConfigSource> = {
  1: 'dynamic',
  2: 'dynamic-broker',
  3: 'dynamic-broker-default',
  4: 'static-broker',
  5: 'default',
};

export interface TopicConfigEntry {
  name: string;
  /** null for a sensitive value (the broker does not send it). */
  value: string | null;
  source: ConfigSource;
  sensitive: boolean;
  readOnly: boolean;
}

/** Every config of the topic with its source: dynamic (set on the topic), a broker setting, or the default. */
export async function topicConfigs(admin: Admin, topic: string): Promise<TopicConfigEntry[]> {
  const names = await admin.listTopics();
  if (!names.includes(topic)) throw missingTopic(topic, names);
  const { resources } = await admin.describeConfigs({ resources: [{ type: ConfigResourceTypes.TOPIC, name: topic }], includeSynonyms: false });
  return (resources[0]?.configEntries ?? [])
    .map((e) => ({
      name: e.configName,
      value: e.isSensitive ? null : e.configValue,
      source: SOURCES[Number(e.configSource)] ?? (e.isDefault ? 'default' : 'unknown'),
      sensitive: e.isSensitive,
      readOnly: e.readOnly,
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** Sets and deletes topic configs with IncrementalAlterConfigs: every other value stays as it is. */
export async function alterTopicConfigs(admin: Admin, topic: string, changes: ConfigChange[]): Promise<void> {
  const names = await admin.listTopics();
  if (!names.includes(topic)) throw missingTopic(topic, names);
  const controller = await clusterOf(admin).findControllerBroker();
  const { error, message } = await incrementalAlterTopicConfigs(controller, topic, changes);
  if (error) {
    throw new CkafkaError('broker', t.kafka.configChangeRefused(topic, message ?? error.message, error.type), {
      hint: t.kafka.configChangeRefusedHint(topic),
      cause: error,
    });
  }
}
