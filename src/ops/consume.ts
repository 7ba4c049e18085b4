import { CkafkaError } from '../errors/errors.js';
import type { Assignment, ConsumerHandlers, FetchedBatch, TopicConsumer } from '../kafka/consumer.js';
import type { ConsumedMessage, MessageList } from '../kafka/records.js';
import { t } from '../i18n/index.js';
import type { MessagePredicate } from './message-filter.js';
import { OffsetCommits } from './offset-commits.js';
import { WritePipeline } from './write-pipeline.js';

/**
 * Where consumed messages go: resolves once they are written. It rejects with `OutputClosed` when
 * the reader went away (a normal stop); any other rejection is a failure consume reports.
 */
export interface MessageSink {
  /** Resolves once written, holding no reference to the messages' bytes (they may be reused then). */
  write(messages: MessageList): Promise<void>;
}

/** The sink's reader is gone (a closed pipe): consume stops quietly, committing what was written. */
export class OutputClosed extends Error {
  constructor(cause?: unknown) {
    super(t.common.outputClosed, cause === undefined ? undefined : { cause });
    this.name = 'OutputClosed';
  }
}

/** not-owned: -e in a group ended with partitions other members hold still unread (see ConsumeSummary.unread). */
export type StopReason = 'count' | 'end' | 'until' | 'idle' | 'interrupted' | 'output-closed' | 'not-owned';

/** What happened along the way, for status lines on stderr. */
export type ConsumeEvent =
  | { kind: 'assigned'; partitions: number[]; positions: Map<number, bigint> }
  /** Every assigned partition is read to its end: waiting for new messages (the demo's PARTITION_EOF). */
  | { kind: 'caught-up'; partitions: number[]; positions: Map<number, bigint> }
  | { kind: 'commit-failed'; error: CkafkaError }
  /** The consumer failed on a transient error (a broker went away) and starts again. */
  | { kind: 'restarting'; error: CkafkaError };

export interface ConsumeRequest {
  consumer: TopicConsumer;
  sink: MessageSink;
  signal: AbortSignal;
  /** Stop after this many messages. */
  count?: number;
  /** Stop at the end of the partitions as they were when it started (-e). */
  stopAtEnd?: boolean;
  /** Print only the messages it accepts (--match); the others are still read past and committed. */
  filter?: MessagePredicate | null;
  /** --until: stop each partition before this position. */
  until?: UntilPositions;
  /** Stop after this long without a message; null follows for ever. */
  idleTimeoutMs: number | null;
  /** Commit the group's offsets for what was written (false: --no-commit, or no group). */
  commit: boolean;
  /** How long joining the group may take before it is an error. */
  joinTimeoutMs: number;
  /**
   * -e in a group: once this member's partitions are read to their end, how long to wait for
   * the others' to be read or given to it (a killed member's go once its session times out).
   */
  unownedWaitMs?: number;
  onEvent?(event: ConsumeEvent): void;
}

/** Where --until stops: an offset per partition; a partition without one stops at its first message at or after timeMs. */
export interface UntilPositions {
  offsets: Map<number, bigint>;
  timeMs: number | null;
}

export interface ConsumeSummary {
  topic: string;
  groupId: string | null;
  /** Messages written (with a filter: those that matched). */
  consumed: number;
  /** Messages read, whether they matched or not. */
  scanned: number;
  reason: StopReason;
  /** Offsets committed per partition (the next offset to read), when committing. */
  committed: Map<number, bigint>;
  /** reason 'not-owned': messages left unread per partition this member was not given. */
  unread?: Map<number, bigint>;
  elapsedMs: number;
}

const HEARTBEAT_MS = 2000;

/**
 * Reads the topic until a stop condition, handing each batch to the sink and committing only
 * offsets of messages the sink has written (at least once). Ctrl-C and a closed output are
 * normal stops: the messages written so far are committed before the group is left.
 */
export async function consume(request: ConsumeRequest): Promise<ConsumeSummary> {
  const { consumer, sink, signal } = request;
  const started = performance.now();
  const emit = (e: ConsumeEvent) => request.onEvent?.(e);
  const committing = request.commit && consumer.groupId !== null;

  let assigned: number[] = [];
  const position = new Map<number, bigint>();
  const high = new Map<number, bigint>();
  let consumed = 0;
  let scanned = 0;
  let stopping = false;
  let saidCaughtUp = false;
  let positionsKnown = false;
  let joined = false;
  let idleTimer: NodeJS.Timeout | undefined;
  let inBatch: Promise<void> = Promise.resolve();

  let finish: (r: StopReason) => void = () => undefined;
  let fail: (e: unknown) => void = () => undefined;
  const outcome = new Promise<StopReason>((resolve, reject) => {
    finish = resolve;
    fail = reject;
  });
  // Not a swallow: `await outcome` below rethrows; this only keeps an early rejection from being unhandled.
  outcome.catch(() => undefined);
  let markJoined: () => void = () => undefined;
  const joinedOrStopped = new Promise<void>((resolve) => (markJoined = resolve));
  const stop = (reason: StopReason) => {
    if (stopping) return;
    stopping = true;
    markJoined();
    clearTimeout(idleTimer);
    finish(reason);
  };
  const armIdle = () => {
    if (request.idleTimeoutMs === null || stopping) return;
    clearTimeout(idleTimer);
    // Messages still being written (a reader that paused) are not idleness.
    // Nor is waiting for partitions other members hold (-e in a group): that wait has its own bound.
    idleTimer = setTimeout(() => (pendingWrites > 0 || awaitingOthers !== undefined ? armIdle() : stop('idle')), request.idleTimeoutMs);
  };

  const atEnd = (p: number, end: Map<number, bigint>) => {
    const at = position.get(p);
    const e = end.get(p);
    return at !== undefined && e !== undefined && at >= e;
  };
  // --until per partition; a time becomes the offset of the first message at or after it once one arrives.
  const untilGiven = request.until !== undefined;
  const untilAt = new Map(request.until?.offsets ?? []);
  const untilTime = request.until?.timeMs ?? null;
  const reachedUntil = (p: number) => atEnd(p, untilAt);
  const finished = (p: number) => (request.stopAtEnd === true && atEnd(p, consumer.endOffsets)) || reachedUntil(p);
  const endReached = () => (request.stopAtEnd === true || untilGiven) && assigned.every(finished);
  const endReason = (): StopReason => (untilGiven && assigned.every(reachedUntil) ? 'until' : 'end');
  // In a group, -e reaches the end of the topic only when no partition is left to other members.
  const unowned = () => (consumer.groupId === null ? [] : consumer.partitions.filter((p) => !assigned.includes(p)));
  const othersPending = () => request.stopAtEnd === true && unowned().length > 0;
  let unread: Map<number, bigint> | undefined;
  let awaitingOthers: NodeJS.Timeout | undefined;
  /** This member's partitions are read: wait (polling the group's offsets) until the others' are too, or given to it. */
  const awaitOthers = () => {
    if (awaitingOthers !== undefined) return;
    const until = performance.now() + (request.unownedWaitMs ?? 0);
    const poll = async () => {
      awaitingOthers = undefined;
      if (stopping || !endReached()) return;
      const others = unowned();
      if (others.length === 0) return stop(endReason());
      let left: Map<number, bigint>;
      try {
        left = await consumer.remaining(others);
      } catch (error) {
        return fail(error as CkafkaError);
      }
      if (stopping || !endReached()) return;
      const rest = new Map([...left].filter(([p, n]) => n > 0n && unowned().includes(p)));
      if (rest.size === 0) return stop(endReason());
      if (performance.now() >= until) {
        unread = rest;
        return stop('not-owned');
      }
      awaitingOthers = setTimeout(() => void poll(), Math.min(1000, Math.max(0, until - performance.now())));
    };
    awaitingOthers = setTimeout(() => void poll(), 0);
  };
  const checkEnd = () => {
    if (stopping || !joined) return;
    if (endReached()) return othersPending() ? awaitOthers() : stop(endReason());
    // Said once the start positions are known, so it follows the 'assigned' line.
    // After the writes of what was fetched, so it follows the last message on a terminal.
    if (!saidCaughtUp && positionsKnown && pendingWrites === 0 && assigned.every((p) => atEnd(p, high) || reachedUntil(p))) {
      saidCaughtUp = true;
      emit({ kind: 'caught-up', partitions: assigned, positions: new Map(position) });
    }
  };

  const commits = new OffsetCommits(committing ? (offsets) => consumer.commit(offsets) : null, (error) => {
    if (!stopping) emit({ kind: 'commit-failed', error });
  });
  /** Stops from inside a batch: commit, then tell kafkajs not to start another fetch. */
  const stopInBatch = async (reason: StopReason) => {
    stop(reason);
    // final() is one shared promise: its failure is thrown by the `await commits.final()` after the outcome.
    await commits.final().catch(() => undefined);
    consumer.stopFetching();
  };
  const handlers: ConsumerHandlers = {
    onAssign(partitions: number[]) {
      assigned = partitions;
      positionsKnown = false;
      commits.hold(partitions);
      saidCaughtUp = false;
      if (!joined) {
        joined = true;
        markJoined();
        armIdle();
      }
    },
    onPositions(a: Assignment) {
      for (const p of a.partitions) {
        const known = position.get(p);
        const start = a.positions.get(p) ?? 0n;
        // A batch may already have moved the position while the assignment was worked out.
        if (known === undefined || known < start) position.set(p, start);
        const h = a.highs.get(p);
        if (h !== undefined && (high.get(p) ?? -1n) < h) high.set(p, h);
      }
      positionsKnown = true;
      if (!stopping) emit({ kind: 'assigned', partitions: a.partitions, positions: new Map(a.positions) });
      checkEnd();
    },
    onBatch(batch: FetchedBatch) {
      const run = handleBatch(batch);
      // Only something to wait for: the batch's own rejection goes to kafkajs, which crashes the consumer (onCrash).
      inBatch = run.catch(() => undefined);
      return run;
    },
    onSkip(partition, next, h) {
      high.set(partition, h);
      // Past its --until a partition is done (as in handleBatch); up to it, the position moves.
      if (reachedUntil(partition)) return checkEnd();
      const until = untilAt.get(partition);
      const to = until !== undefined && next > until ? until : next;
      if ((position.get(partition) ?? -1n) < to) {
        position.set(partition, to);
        // Nothing to print (transaction markers, aborted or compacted records), yet the group's
        // offset moves too, after the writes queued before: else it lags behind the end for ever.
        if (!stopping) void pipeline.push(async () => commits.markWritten(partition, to));
      }
      if (reachedUntil(partition)) consumer.pause([partition]);
      checkEnd();
    },
    onCrash(error) {
      if (!stopping) fail(error);
    },
    onRestart(error) {
      if (!stopping) emit({ kind: 'restarting', error });
    },
  };

  // Batches are written while kafkajs fetches the next one; counts and positions are taken
  // when a batch is queued, offsets are committed only once its write is done.
  const pipeline = new WritePipeline();
  let queued = 0;
  let pendingWrites = 0;
  let outputGone = false;
  // Set when writing failed for another reason than a closed output: consume fails with it.
  let outputFailed = false;

  /** The --until offset of a partition; under a time, the first message at or after it fixes it. */
  function untilOf(partition: number, messages: MessageList): bigint | undefined {
    const known = untilAt.get(partition);
    if (known !== undefined || untilTime === null) return known;
    let first: ConsumedMessage | undefined;
    for (const m of messages) {
      if (m.timestamp >= untilTime) {
        first = m;
        break;
      }
    }
    if (first === undefined) return undefined;
    const at = BigInt(first.offset);
    untilAt.set(partition, at);
    return at;
  }

  async function handleBatch(batch: FetchedBatch): Promise<void> {
    if (stopping) return batch.release?.();
    const { partition } = batch;
    // Past its --until a partition is done: what kafkajs fetched before the pause is dropped, not committed.
    if (reachedUntil(partition)) {
      batch.release?.();
      return checkEnd();
    }
    let read = batch.messages;
    let reached = batch.next;
    const until = untilOf(partition, read);
    if (until !== undefined && reached > until) {
      read = read.slice(0, countBefore(read, until));
      reached = until;
    }
    // The messages to print: those that match, up to -c; `next` is what committing them means.
    const room = request.count === undefined ? Infinity : request.count - queued;
    const filter = request.filter;
    let messages = read;
    let looked = read.length;
    if (filter) {
      const matched: ConsumedMessage[] = [];
      looked = 0;
      while (looked < read.length && matched.length < room) {
        const m = read.at(looked++) as ConsumedMessage;
        if (filter(m)) matched.push(m);
      }
      messages = matched;
    } else if (read.length > room) {
      messages = read.slice(0, room);
      looked = messages.length;
    }
    if (looked > 0) {
      const next = looked < read.length ? BigInt((read.at(looked - 1) as ConsumedMessage).offset) + 1n : reached;
      queued += messages.length;
      pendingWrites += 1;
      await pipeline.push(async () => {
        try {
          await writeBatch(partition, messages, looked, next, batch);
        } finally {
          pendingWrites -= 1;
        }
        checkEnd();
      });
    } else {
      batch.release?.();
    }
    if ((position.get(partition) ?? -1n) < reached) position.set(partition, reached);
    high.set(partition, batch.highWatermark);
    // Fetching on from a partition that is done would read (and drop) the rest of it.
    if (reachedUntil(partition)) consumer.pause([partition]);
    const done = request.count !== undefined && queued >= request.count ? 'count' : !stopping && joined && endReached() && !othersPending() ? endReason() : undefined;
    if (done !== undefined) {
      await pipeline.drain();
      return stopInBatch(done);
    }
    checkEnd();
  }

  /** Writes what matched of `looked` messages read, then marks everything before `next` for commit. */
  async function writeBatch(partition: number, messages: MessageList, looked: number, next: bigint, batch: FetchedBatch): Promise<void> {
    if (outputGone) return batch.release?.();
    if (messages.length > 0) {
      const beat = setInterval(() => void batch.heartbeat().catch(() => undefined), HEARTBEAT_MS);
      try {
        await sink.write(messages);
      } catch (error) {
        outputGone = true;
        if (error instanceof OutputClosed || signal.aborted) {
          // The reader went away (EPIPE) or Ctrl-C: what was not written is not committed.
          stop(signal.aborted ? 'interrupted' : 'output-closed');
        } else if (!stopping) {
          // Anything else (a failed write, a renderer that threw) is a failure, never a quiet end.
          outputFailed = true;
          stopping = true;
          markJoined();
          clearTimeout(idleTimer);
          fail(error);
        }
        return;
      } finally {
        clearInterval(beat);
      }
    }
    // Written (the sink keeps no byte of them): the fetched bytes may be reused. Not after a
    // failed or interrupted write, which the output may still be holding.
    batch.release?.();
    consumed += messages.length;
    scanned += looked;
    commits.markWritten(partition, next);
    saidCaughtUp = false;
    armIdle();
  }

  const onAbort = () => stop('interrupted');
  if (signal.aborted) onAbort();
  else signal.addEventListener('abort', onAbort, { once: true });
  let joinTimer: NodeJS.Timeout | undefined;
  let reason: StopReason;
  try {
    const starts = consumer.knownStarts;
    // Partitions read without a group start where known: with -e or --until there may be nothing to read.
    const beyond = (p: number, end: Map<number, bigint>) => starts !== null && end.has(p) && (starts.get(p) ?? 0n) >= (end.get(p) as bigint);
    const allUntil = untilGiven && consumer.partitions.every((p) => beyond(p, untilAt));
    const nothingToRead = allUntil || (request.stopAtEnd === true && consumer.partitions.every((p) => beyond(p, consumer.endOffsets) || beyond(p, untilAt)));
    if (request.count === 0) stop('count');
    else if (nothingToRead) stop(allUntil ? 'until' : 'end');
    else {
      const joinDeadline = new Promise<never>((_, reject) => {
        joinTimer = setTimeout(
          () => reject(new CkafkaError('unreachable', t.output.consumeJoinTimeout(describe(consumer), Math.round(request.joinTimeoutMs / 1000)), {
            hint: t.output.consumeJoinTimeoutHint,
          })),
          request.joinTimeoutMs,
        );
      });
      await Promise.race([consumer.run(handlers).then(() => joinedOrStopped), outcome, joinDeadline]);
      clearTimeout(joinTimer);
    }
    try {
      reason = await outcome;
    } catch (error) {
      if (outputFailed) {
        // What was written before the output failed is committed; the rest is read again next time.
        await inBatch;
        await pipeline.drain();
        // The output's failure is the error to report; a commit failing too changes nothing for the user.
        await commits.final().catch(() => undefined);
      }
      throw error;
    }
    stopping = true;
    // Let the batches being written finish, so their offsets count (kafkajs must not be stopped from inside one).
    await inBatch;
    await pipeline.drain();
    await commits.final();
  } finally {
    stopping = true;
    clearTimeout(joinTimer);
    clearTimeout(idleTimer);
    clearTimeout(awaitingOthers);
    signal.removeEventListener('abort', onAbort);
    await consumer.close().catch(() => undefined);
  }
  return {
    topic: consumer.topic, groupId: consumer.groupId, consumed, scanned, reason, committed: commits.committed, elapsedMs: performance.now() - started,
    ...(unread ? { unread } : {}),
  };
}

/** How many of the messages (in offset order) are before `offset`. */
function countBefore(messages: MessageList, offset: bigint): number {
  let lo = 0;
  let hi = messages.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (BigInt((messages.at(mid) as ConsumedMessage).offset) < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function describe(consumer: TopicConsumer): string {
  return consumer.groupId === null ? t.output.consumeFrom(consumer.topic) : t.output.consumeJoinGroup(consumer.groupId, consumer.topic);
}
