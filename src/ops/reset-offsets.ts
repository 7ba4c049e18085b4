import { CkafkaError } from '../errors/errors.js';
import type { StartPosition, Watermarks } from '../kafka/offsets.js';
import { t } from '../i18n/index.js';

/** Where `group reset-offsets` moves the committed offsets: a position (`--to`) or a shift (`--shift-by`). */
export type ResetTarget = { kind: 'to'; position: StartPosition } | { kind: 'shift'; by: bigint };

export interface ResetRequest {
  groupId: string;
  topic: string;
  target: ResetTarget;
  /** Only these partitions; all of the topic's when undefined. */
  partitions?: number[];
  execute: boolean;
}

/** One partition of the plan: where the group is, where it will be, and whether the range bounded it. */
export interface ResetRow {
  partition: number;
  /** The committed offset now, or null when the group has none for this partition. */
  current: bigint | null;
  new: bigint;
  /** The position asked for lay before the first kept offset ('low') or after the end ('high'). */
  clamped: 'low' | 'high' | null;
  /** Messages the group will have left to read: end − new. */
  lagAfter: bigint;
  low: bigint;
  high: bigint;
}

export interface ResetResult {
  groupId: string;
  topic: string;
  executed: boolean;
  partitions: ResetRow[];
}

/** What resetOffsets needs from the cluster (src/kafka implements it; tests may fake it). */
export interface GroupOffsetsSeam {
  members(groupId: string): Promise<{ state: string; members: { memberId: string; clientId: string; host: string }[] }>;
  partitionIds(topic: string): Promise<number[]>;
  watermarks(topic: string): Promise<Map<number, Watermarks>>;
  committed(groupId: string, topic: string): Promise<Map<number, bigint>>;
  /** The first offset at or after the time in each partition (the end when there is none). */
  offsetsAtTime(topic: string, ms: number): Promise<Map<number, bigint>>;
  commit(groupId: string, topic: string, offsets: Map<number, bigint>): Promise<void>;
}

/**
 * Plans (and with `execute`, commits) new offsets for a group that has no active members: a group
 * with members is refused, with them listed, and nothing moves (kafka-consumer-groups.sh does the same).
 */
export async function resetOffsets(seam: GroupOffsetsSeam, request: ResetRequest): Promise<ResetResult> {
  const { groupId, topic } = request;
  const all = await seam.partitionIds(topic);
  const partitions = request.partitions ?? all;
  const missing = partitions.filter((p) => !all.includes(p));
  if (missing.length > 0) {
    throw new CkafkaError('broker', t.output.resetNoPartition(topic, missing.join(t.common.listSeparator), all.length, all.length - 1), {
      hint: t.output.resetNoPartitionHint,
    });
  }
  await refuseActiveGroup(seam, groupId);
  const [watermarks, committed] = await Promise.all([seam.watermarks(topic), seam.committed(groupId, topic)]);
  const atTime = request.target.kind === 'to' && request.target.position.kind === 'timestamp' ? await seam.offsetsAtTime(topic, request.target.position.ms) : undefined;
  const rows = planReset(request.target, partitions, watermarks, committed, atTime);
  if (request.execute) {
    // Checked again just before committing; the coordinator itself refuses a commit without a
    // member id once the group has members, so a consumer that joins in between is not overridden.
    await refuseActiveGroup(seam, groupId);
    await seam.commit(groupId, topic, new Map(rows.map((r) => [r.partition, r.new])));
  }
  return { groupId, topic, executed: request.execute, partitions: rows };
}

async function refuseActiveGroup(seam: GroupOffsetsSeam, groupId: string): Promise<void> {
  const { state, members } = await seam.members(groupId);
  if (members.length === 0) return;
  const list = members.map((m) => `  ${m.clientId} ${m.host} ${m.memberId}`).join('\n');
  throw new CkafkaError('broker', t.output.resetActiveGroup(groupId, members.length, state, list), {
    hint: t.output.resetActiveGroupHint(groupId),
  });
}

/** The new offset of each partition, clamped to [low, high]; pure, so it can be tested on any input. */
export function planReset(
  target: ResetTarget,
  partitions: readonly number[],
  watermarks: ReadonlyMap<number, Watermarks>,
  committed: ReadonlyMap<number, bigint>,
  atTime?: ReadonlyMap<number, bigint>,
): ResetRow[] {
  if (target.kind === 'shift') {
    const without = partitions.filter((p) => !committed.has(p));
    if (without.length > 0) {
      throw new CkafkaError('broker', t.output.resetShiftWithoutCommit(without.join(t.common.listSeparator)), {
        hint: t.output.resetShiftWithoutCommitHint,
      });
    }
  }
  return [...partitions].sort((a, b) => a - b).map((partition) => {
    const w = watermarks.get(partition) ?? { low: 0n, high: 0n };
    const current = committed.get(partition) ?? null;
    const wanted = requested(target, w, current, atTime?.get(partition));
    const clamped = wanted < w.low ? 'low' : wanted > w.high ? 'high' : null;
    const next = clamped === 'low' ? w.low : clamped === 'high' ? w.high : wanted;
    return { partition, current, new: next, clamped, lagAfter: w.high - next, low: w.low, high: w.high };
  });
}

function requested(target: ResetTarget, w: Watermarks, current: bigint | null, atTime: bigint | undefined): bigint {
  if (target.kind === 'shift') return (current ?? w.low) + target.by;
  const p = target.position;
  switch (p.kind) {
    case 'earliest':
      return w.low;
    case 'latest':
      return w.high;
    case 'offset':
      return p.offset;
    case 'fromEnd':
      return w.high - p.count;
    case 'timestamp':
      // A time after the last message: the broker answers −1 or nothing; that is the end.
      return atTime === undefined || atTime < 0n ? w.high : atTime;
  }
}
