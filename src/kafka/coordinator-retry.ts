import { CkafkaError } from '../errors/errors.js';
import { t } from '../i18n/index.js';
import { causeChain } from './errors.js';

/**
 * The broker errors that mean "the group coordinator is not ready yet": a new cluster creates
 * __consumer_offsets when a group is first used and loads it (CKafka: a new instance), a
 * coordinator moved to another broker, or one is loading its groups after a restart. librdkafka
 * waits these out; kafkajs gives up after a few tries. kafkajs names them after the old protocol:
 * COORDINATOR_LOAD_IN_PROGRESS (14), COORDINATOR_NOT_AVAILABLE (15), NOT_COORDINATOR (16).
 */
const COORDINATOR_TYPES = new Set(['GROUP_LOAD_IN_PROGRESS', 'GROUP_COORDINATOR_NOT_AVAILABLE', 'NOT_COORDINATOR_FOR_GROUP']);
/** kafkajs's own error when no broker named a coordinator. */
const COORDINATOR_NAMES = new Set(['KafkaJSGroupCoordinatorNotFound']);

/** How long a command waits for a group coordinator when it has no deadline of its own. */
export const COORDINATOR_WAIT_MS = 30_000;

const FIRST_BACKOFF_MS = 100;
const MAX_BACKOFF_MS = 1000;

/** True when the error (or one of its causes) says the group coordinator is not ready yet. */
export function isCoordinatorError(error: unknown): boolean {
  return causeChain(error).some((e) => COORDINATOR_TYPES.has(e.type ?? '') || COORDINATOR_NAMES.has(e.name ?? ''));
}

export interface CoordinatorWait {
  /** The group whose coordinator is awaited (named in the error); none for requests to every coordinator (list). */
  groupId?: string;
  /** Give up after this time (ms since the epoch): the command's own deadline. */
  deadline: number;
  /** What the command does, e.g. "describe group 'g'": the error starts with it. */
  action: string;
  /** Ctrl-C: stop waiting, rejecting with the signal's reason. */
  signal?: AbortSignal;
  /** Told of each coordinator error before the wait that follows it (for a status line). */
  onRetry?(error: unknown, attempt: number): void;
}

/** A wait of `ms` from now, for commands whose deadline starts when the group is first needed. */
export function coordinatorWait(groupId: string | undefined, action: string, options: { ms?: number; signal?: AbortSignal } = {}): CoordinatorWait {
  return {
    ...(groupId !== undefined ? { groupId } : {}),
    action,
    deadline: Date.now() + (options.ms ?? COORDINATOR_WAIT_MS),
    ...(options.signal ? { signal: options.signal } : {}),
  };
}

/**
 * Runs a group request again while the broker answers with a coordinator error, with a backoff of
 * 0.1 s doubling to 1 s, until `wait.deadline`; then fails with a broker error (exit 6) that says
 * the coordinator was not ready. Any other error is thrown at once. The one place every command
 * that uses a group (consume, check, group describe/list, offset resets) waits for a coordinator.
 */
export async function withCoordinatorRetry<T>(call: () => Promise<T>, wait: CoordinatorWait): Promise<T> {
  let backoff = FIRST_BACKOFF_MS;
  const started = Date.now();
  for (let attempt = 1; ; attempt++) {
    wait.signal?.throwIfAborted();
    try {
      return await call();
    } catch (error) {
      if (!isCoordinatorError(error)) throw error;
      const left = wait.deadline - Date.now();
      if (left <= 0) throw coordinatorNotReady(error, wait, Date.now() - started);
      wait.onRetry?.(error, attempt);
      await sleep(Math.min(backoff, left), wait.signal);
      backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
    }
  }
}

/** The error for a coordinator still not ready after `waitedMs` (exit 6), with what to do about it. */
export function coordinatorNotReady(error: unknown, what: { groupId?: string; action: string }, waitedMs: number): CkafkaError {
  const type = causeChain(error).find((e) => COORDINATOR_TYPES.has(e.type ?? ''))?.type ?? t.kafka.noCoordinatorFound;
  const whose = what.groupId === undefined ? t.kafka.groupCoordinator : t.kafka.coordinatorOfGroup(what.groupId);
  return new CkafkaError('broker', t.kafka.coordinatorNotReady(what.action, whose, (waitedMs / 1000).toFixed(1), type), {
    hint: t.kafka.coordinatorNotReadyHint,
    cause: error,
  });
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason as Error);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
