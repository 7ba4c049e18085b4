import kafkajs, { AssignerProtocol, type Admin, type Kafka } from 'kafkajs';
import { CkafkaError } from '../errors/errors.js';
import { t } from '../i18n/index.js';
import { adminWithCluster } from './admin-cluster.js';
import { translateKafkaError } from './errors.js';
import { withCoordinatorRetry, type CoordinatorWait } from './coordinator-retry.js';
import { topicPartitions } from './topic-offsets.js';

// Node's ESM loader cannot see this name among kafkajs's CommonJS exports: take it from the default.
const { ConfigResourceTypes } = kafkajs;

/** Cluster facts as ckafka shows them (no kafkajs types past this module). */
export interface ClusterInfo {
  clusterId: string;
  controller: number | null;
  brokers: { nodeId: number; host: string; port: number }[];
}

export interface TopicSummary {
  name: string;
  partitions: number;
  replicationFactor: number;
  internal: boolean;
}

export interface PartitionInfo {
  partition: number;
  leader: number;
  replicas: number[];
  isr: number[];
  offline: number[];
  low: string;
  high: string;
}

export interface TopicDescription {
  name: string;
  partitions: PartitionInfo[];
  /** Every topic config with whether it is the broker's default. */
  configs: { name: string; value: string | null; isDefault: boolean; sensitive: boolean }[];
}

export interface GroupSummary {
  groupId: string;
  protocolType: string;
  state: string;
}

export interface GroupPartitionLag {
  topic: string;
  partition: number;
  /** Committed offset, or null when the group has none for this partition. */
  committed: string | null;
  end: string;
  /** end − committed; with no commit, the messages a new member would read from auto.offset.reset earliest. */
  lag: string;
  memberId: string | null;
  clientId: string | null;
  host: string | null;
}

export interface GroupDescription {
  groupId: string;
  state: string;
  protocol: string;
  members: { memberId: string; clientId: string; host: string; assignment: Record<string, number[]> }[];
  partitions: GroupPartitionLag[];
  totalLag: string;
}

/** An admin client that is connected, with errors translated; always close() it. */
export async function openAdmin(kafka: Kafka, brokers: string[]): Promise<Admin> {
  const admin = adminWithCluster(kafka);
  try {
    await admin.connect();
  } catch (error) {
    throw translateKafkaError(error, { action: t.kafka.actionConnect, brokers });
  }
  return admin;
}

export async function clusterInfo(admin: Admin): Promise<ClusterInfo> {
  const c = await admin.describeCluster();
  return { clusterId: c.clusterId, controller: c.controller, brokers: [...c.brokers].sort((a, b) => a.nodeId - b.nodeId) };
}

export async function listTopics(admin: Admin): Promise<TopicSummary[]> {
  const { topics } = await admin.fetchTopicMetadata();
  return topics
    .map((t) => ({
      name: t.name,
      partitions: t.partitions.length,
      replicationFactor: t.partitions[0]?.replicas.length ?? 0,
      internal: t.name.startsWith('__'),
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

export async function describeTopic(admin: Admin, topic: string): Promise<TopicDescription> {
  const partitions = await topicPartitions(admin, topic);
  const [offsets, configs] = await Promise.all([
    admin.fetchTopicOffsets(topic),
    admin.describeConfigs({ resources: [{ type: ConfigResourceTypes.TOPIC, name: topic }], includeSynonyms: false }),
  ]);
  const byPartition = new Map(offsets.map((o) => [o.partition, o]));
  return {
    name: topic,
    partitions: partitions
      .map((p) => ({
        partition: p.partitionId,
        leader: p.leader,
        replicas: p.replicas,
        isr: p.isr,
        offline: p.offlineReplicas ?? [],
        low: byPartition.get(p.partitionId)?.low ?? '-1',
        high: byPartition.get(p.partitionId)?.high ?? '-1',
      }))
      .sort((a, b) => a.partition - b.partition),
    configs: (configs.resources[0]?.configEntries ?? [])
      .map((e) => ({ name: e.configName, value: e.isSensitive ? null : e.configValue, isDefault: e.isDefault, sensitive: e.isSensitive }))
      .sort((a, b) => a.name.localeCompare(b.name)),
  };
}

/** Every consumer group with its state; waits (within `wait`) for coordinators that are loading. */
export async function listGroups(admin: Admin, wait: CoordinatorWait): Promise<GroupSummary[]> {
  const { groups } = await withCoordinatorRetry(() => admin.listGroups(), wait);
  if (groups.length === 0) return [];
  const described = await withCoordinatorRetry(() => admin.describeGroups(groups.map((g) => g.groupId)), wait);
  const states = new Map(described.groups.map((g) => [g.groupId, g.state]));
  return groups
    .map((g) => ({ groupId: g.groupId, protocolType: g.protocolType, state: states.get(g.groupId) ?? 'Unknown' }))
    .sort((a, b) => a.groupId.localeCompare(b.groupId));
}

/**
 * State, members and, per partition, committed offset, end offset and lag: CKafka's Consumer Group
 * page. Waits (within `wait`) for a coordinator that is not ready: a new cluster's first group.
 */
export async function describeGroup(admin: Admin, groupId: string, wait: CoordinatorWait): Promise<GroupDescription> {
  // One after the other: kafkajs retries each on its own, and a sibling left running when the
  // other fails would keep the process alive after the error.
  const { groups } = await withCoordinatorRetry(() => admin.describeGroups([groupId]), wait);
  const committedByTopic = await withCoordinatorRetry(() => admin.fetchOffsets({ groupId }), wait);
  const group = groups[0];
  if (!group || (group.state === 'Dead' && committedByTopic.length === 0)) {
    throw new CkafkaError('broker', t.kafka.groupNotFound(groupId), { hint: t.kafka.groupListHint });
  }
  const members = group.members.map((m) => ({
    memberId: m.memberId,
    clientId: m.clientId,
    host: m.clientHost,
    assignment: decodeAssignment(m.memberAssignment),
  }));
  const owner = new Map<string, (typeof members)[number]>();
  for (const m of members) for (const [t, ps] of Object.entries(m.assignment)) for (const p of ps) owner.set(`${t}/${p}`, m);
  const topics = new Set([...committedByTopic.map((t) => t.topic), ...members.flatMap((m) => Object.keys(m.assignment))]);
  const partitions: GroupPartitionLag[] = [];
  for (const topic of [...topics].sort()) {
    const ends = await admin.fetchTopicOffsets(topic);
    const committed = new Map((committedByTopic.find((t) => t.topic === topic)?.partitions ?? []).map((p) => [p.partition, p.offset]));
    for (const end of ends.sort((a, b) => a.partition - b.partition)) {
      const c = committed.get(end.partition);
      const has = c !== undefined && BigInt(c) >= 0n;
      const m = owner.get(`${topic}/${end.partition}`);
      if (!has && !m && !committed.has(end.partition)) continue;
      const lag = has ? BigInt(end.high) - BigInt(c) : BigInt(end.high) - BigInt(end.low);
      partitions.push({
        topic, partition: end.partition, committed: has ? c : null, end: end.high, lag: (lag < 0n ? 0n : lag).toString(),
        memberId: m?.memberId ?? null, clientId: m?.clientId ?? null, host: m?.host ?? null,
      });
    }
  }
  const totalLag = partitions.reduce((sum, p) => sum + BigInt(p.lag), 0n).toString();
  return { groupId, state: group.state, protocol: group.protocol, members, partitions, totalLag };
}

function decodeAssignment(buffer: Buffer): Record<string, number[]> {
  if (!buffer || buffer.length === 0) return {};
  try {
    return AssignerProtocol.MemberAssignment.decode(buffer)?.assignment ?? {};
  } catch {
    return {};
  }
}
