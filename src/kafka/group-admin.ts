import type { Admin } from 'kafkajs';
import { createErrorFromCode } from 'kafkajs/src/protocol/error.js';
import { CkafkaError } from '../errors/errors.js';
import { t } from '../i18n/index.js';
import { clusterOf, type RawBroker } from './admin-cluster.js';
import { offsetDelete } from './admin-requests.js';
import { coordinatorWait, isCoordinatorError, withCoordinatorRetry } from './coordinator-retry.js';
import { committedOffsets, topicPartitionIds, topicWatermarks } from './topic-offsets.js';

/** An active member of a group, as a refusal lists it. */
export interface GroupMember {
  memberId: string;
  clientId: string;
  host: string;
}

/** The group's state and active members ('Dead' and none for a group the coordinator does not know). */
export async function groupMembers(admin: Admin, groupId: string): Promise<{ state: string; members: GroupMember[] }> {
  const { groups } = await admin.describeGroups([groupId]);
  const group = groups[0];
  return {
    state: group?.state ?? 'Dead',
    members: (group?.members ?? []).map((m) => ({ memberId: m.memberId, clientId: m.clientId, host: m.clientHost })),
  };
}

/**
 * Commits offsets for a group without joining it (generation −1, no member id), as
 * kafka-consumer-groups.sh does. The coordinator accepts that only while the group is Empty, so
 * a member that joined after our check makes the commit fail (UNKNOWN_MEMBER_ID,
 * REBALANCE_IN_PROGRESS) instead of moving its offsets under it.
 */
export async function commitGroupOffsets(admin: Admin, groupId: string, topic: string, offsets: Map<number, bigint>): Promise<void> {
  const partitions = [...offsets].map(([partition, offset]) => ({ partition, offset: offset.toString() }));
  try {
    // kafkajs's response parser throws the first partition error it finds.
    await atCoordinator(admin, groupId, (coordinator) => coordinator.offsetCommit({ groupId, groupGenerationId: -1, memberId: '', topics: [{ topic, partitions }] }));
  } catch (error) {
    const type = (error as { type?: string }).type;
    if (type === undefined || !ACTIVE.has(type)) throw error;
    throw new CkafkaError('broker', t.kafka.commitRefusedMemberJoined(groupId, type), {
      hint: t.kafka.commitRefusedMemberJoinedHint(groupId),
      cause: error,
    });
  }
}

// What the coordinator answers to a commit without a member id while the group has members.
const ACTIVE = new Set(['UNKNOWN_MEMBER_ID', 'ILLEGAL_GENERATION', 'REBALANCE_IN_PROGRESS']);

/** What became of one group of `group delete`. */
export interface GroupDeleteResult {
  groupId: string;
  deleted: boolean;
  /** Broker error type when not deleted: NON_EMPTY_GROUP, GROUP_ID_NOT_FOUND, … */
  error: string | null;
  message: string | null;
}

/** DeleteGroups, one group at a time at its coordinator, so each gets its own answer. */
export async function deleteGroup(admin: Admin, groupId: string): Promise<GroupDeleteResult> {
  const { results } = await atCoordinator(admin, groupId, async (coordinator) => {
    const answer = await coordinator.deleteGroups([groupId]);
    const moved = answer.results.find((x) => x.errorCode !== 0 && isCoordinatorError(createErrorFromCode(x.errorCode)));
    if (moved) throw createErrorFromCode(moved.errorCode);
    return answer;
  });
  const r = results.find((x) => x.groupId === groupId);
  if (!r || r.errorCode === 0) return { groupId, deleted: true, error: null, message: null };
  const error = createErrorFromCode(r.errorCode);
  return { groupId, deleted: false, error: error.type, message: error.message };
}

/**
 * OffsetDelete for every given partition of the topic. The coordinator refuses it while the group
 * has members subscribed to the topic (GROUP_SUBSCRIBED_TO_TOPIC): that is thrown, like any other
 * error, with nothing deleted.
 */
export async function deleteGroupOffsets(admin: Admin, groupId: string, topic: string, partitions: number[]): Promise<void> {
  const result = await atCoordinator(admin, groupId, async (coordinator) => {
    const answer = await offsetDelete(coordinator, groupId, topic, partitions);
    if (answer.error && isCoordinatorError(answer.error)) throw answer.error;
    return answer;
  });
  const error = result.error ?? result.partitions.find((p) => p.error)?.error ?? null;
  if (!error) return;
  const hint =
    error.type === 'GROUP_SUBSCRIBED_TO_TOPIC'
      ? t.kafka.deleteOffsetsSubscribedHint(topic, groupId)
      : error.type === 'GROUP_ID_NOT_FOUND'
        ? t.kafka.groupListHint
        : undefined;
  throw new CkafkaError('broker', t.kafka.deleteOffsetsRefused(groupId, topic, error.message, error.type), { hint, cause: error });
}

/** The cluster side of `group reset-offsets` over one admin client (see src/ops/reset-offsets.ts). */
export function groupOffsetsSeam(admin: Admin) {
  return {
    members: (groupId: string) => groupMembers(admin, groupId),
    partitionIds: (topic: string) => topicPartitionIds(admin, topic),
    watermarks: (topic: string) => topicWatermarks(admin, topic),
    committed: (groupId: string, topic: string) => committedOffsets(admin, groupId, topic),
    offsetsAtTime: async (topic: string, ms: number) =>
      new Map((await admin.fetchTopicOffsetsByTimestamp(topic, ms)).map((o) => [o.partition, BigInt(o.offset)])),
    commit: (groupId: string, topic: string, offsets: Map<number, bigint>) => commitGroupOffsets(admin, groupId, topic, offsets),
  };
}

/**
 * Sends a request of our own to the group's coordinator, asking again (src/kafka/coordinator-retry.ts)
 * while it is loading the group, has moved or is not elected yet, as kafkajs's admin does inside its own calls.
 */
async function atCoordinator<T>(admin: Admin, groupId: string, send: (coordinator: RawBroker) => Promise<T>): Promise<T> {
  return withCoordinatorRetry(
    async () => send(await clusterOf(admin).findGroupCoordinator({ groupId })),
    coordinatorWait(groupId, t.kafka.actionReachCoordinator(groupId)),
  );
}
