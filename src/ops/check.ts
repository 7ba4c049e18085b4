import { randomBytes } from 'node:crypto';
import type { ErrorKind } from '../errors/errors.js';
import type { TopicConsumer } from '../kafka/consumer.js';
import type { TopicProducer } from '../kafka/producer.js';
import type { ConsumedMessage, MessageList, OutgoingRecord } from '../kafka/records.js';
import type { InputChunks } from '../io/input.js';
import { t } from '../i18n/index.js';
import { consume } from './consume.js';
import { produce } from './produce.js';
import { latencyStats, type LatencyStats } from './stats.js';

export const RUN_HEADER = 'ckafka-check-run';
export const INDEX_HEADER = 'ckafka-check-index';

export interface CheckRequest {
  producer: TopicProducer;
  /** Opened before producing: it starts at the partitions' ends as they were then, without a group. */
  consumer: TopicConsumer;
  count: number;
  /** Bytes of random payload per message. */
  size: number;
  /** The whole check ends by then (ms since the epoch). */
  deadline: number;
  messageMaxBytes: number;
  acks: -1 | 0 | 1;
  signal: AbortSignal;
  runId?: string;
  now?: () => number;
}

export type Verdict = 'pass' | 'produce-failed' | 'not-received' | 'interrupted';

export interface CheckResult {
  verdict: Verdict;
  topic: string;
  runId: string;
  count: number;
  delivered: number;
  received: number;
  missing: number;
  duplicates: number;
  corrupted: number;
  produceLatency: LatencyStats | null;
  endToEndLatency: LatencyStats | null;
  /** What went wrong, one line each (the first produce errors, missing indexes), in the user's language. */
  problems: string[];
  /** How many of the problems, the first ones, are about producing (the JUnit report's produce case). */
  produceProblems: number;
  /** Kinds of produce failures, to choose the exit code. */
  failureKinds: ErrorKind[];
  elapsedMs: number;
}

/**
 * Sends `count` messages tagged with a unique run id to every partition in turn, reads them back
 * from where the partitions ended before, and checks each arrived once and intact.
 */
export async function check(request: CheckRequest): Promise<CheckResult> {
  const now = request.now ?? Date.now;
  const started = now();
  const runId = request.runId ?? randomBytes(8).toString('hex');
  const { producer, consumer } = request;
  const expected = new Map<number, { value: Buffer; sentAt: number }>();
  const records: OutgoingRecord[] = [];
  for (let i = 0; i < request.count; i++) {
    const pad = randomBytes(request.size).toString('base64url').slice(0, request.size);
    const value = Buffer.from(`${runId}:${i}:${pad}`);
    records.push({
      key: Buffer.from(`check-${runId}-${i}`),
      value,
      headers: [{ key: RUN_HEADER, value: Buffer.from(runId) }, { key: INDEX_HEADER, value: Buffer.from(String(i)) }],
      partition: producer.partitions[i % producer.partitions.length]!,
      timestamp: 0,
    });
  }
  const result: CheckResult = {
    verdict: 'pass', topic: producer.topic, runId, count: request.count, delivered: 0, received: 0, missing: 0, duplicates: 0,
    corrupted: 0, produceLatency: null, endToEndLatency: null, problems: [], produceProblems: 0, failureKinds: [], elapsedMs: 0,
  };

  // Stop reading when every message is in, at the deadline, or on Ctrl-C.
  const done = new AbortController();
  const stopAll = () => done.abort();
  request.signal.addEventListener('abort', stopAll, { once: true });
  const timer = setTimeout(stopAll, Math.max(0, request.deadline - now()));
  const seen = new Map<number, number>();
  const e2e: number[] = [];
  const sink = {
    write: async (messages: MessageList) => {
      const at = now();
      for (const m of messages) {
        if (header(m, RUN_HEADER) !== runId) continue;
        const index = Number(header(m, INDEX_HEADER));
        const want = expected.get(index);
        const times = (seen.get(index) ?? 0) + 1;
        seen.set(index, times);
        if (times > 1) result.duplicates += 1;
        else if (!want || !m.value || !m.value.equals(want.value)) result.corrupted += 1;
        else {
          result.received += 1;
          e2e.push(at - want.sentAt);
        }
      }
      if (seen.size >= request.count && result.received + result.corrupted >= request.count) stopAll();
    },
  };
  // Latency is measured from send to receipt, so sending waits until the reader has its partitions.
  let ready: () => void = () => undefined;
  const assigned = new Promise<void>((resolve) => (ready = resolve));
  const reading = consume({
    consumer, sink, signal: done.signal, idleTimeoutMs: null, commit: false,
    joinTimeoutMs: Math.max(1000, request.deadline - now()),
    onEvent: (e) => {
      if (e.kind === 'assigned') ready();
    },
  });
  // Also when reading fails (its error is taken below): never an unhandled rejection.
  reading.then(ready, ready);

  const produceLatency: number[] = [];
  async function* input(): InputChunks {
    const sendAt = now();
    for (const [i, record] of records.entries()) {
      record.timestamp = sendAt;
      expected.set(i, { value: record.value!, sentAt: sendAt });
    }
    yield records.map((record) => ({ record }));
  }
  try {
    await assigned;
    const summary = await produce({
      producer, input: input(), messageMaxBytes: request.messageMaxBytes, acks: request.acks, signal: request.signal,
      // One message per request, all in flight at once: each gets its own produce latency.
      limits: { maxMessages: 1, maxInFlight: 64, lingerMs: 0 },
      onReport: (r) => {
        if (r.status === 'delivered' || r.status === 'sent') produceLatency.push(now() - r.record.timestamp);
        else if (result.problems.length < 5) {
          // Pushed while producing, before any other problem: they are the first ones.
          result.problems.push(t.output.checkProduceFailed(r.error));
          result.produceProblems += 1;
        }
      },
      onInputError: () => undefined,
    });
    result.delivered = summary.delivered + summary.unacknowledged;
    result.failureKinds = summary.failureKinds;
    if (result.delivered === 0) stopAll();
    await reading.catch((error: unknown) => {
      result.problems.push(t.output.checkConsumeFailed(error instanceof Error ? error.message : String(error)));
    });
  } finally {
    clearTimeout(timer);
    request.signal.removeEventListener('abort', stopAll);
    done.abort();
    // Already reported in problems above; on the way out of a failure, the failure is what counts.
    await reading.catch(() => undefined);
  }

  result.missing = request.count - seen.size;
  if (result.missing > 0) {
    const missing = [...expected.keys()].filter((i) => !seen.has(i));
    const shown = [...missing.slice(0, 10), ...(missing.length > 10 ? ['…'] : [])];
    result.problems.push(t.output.checkNotReceived(missing.length, shown.join(t.common.listSeparator)));
  }
  if (result.duplicates > 0) result.problems.push(t.output.checkDuplicates(result.duplicates));
  if (result.corrupted > 0) result.problems.push(t.output.checkCorrupted(result.corrupted));
  result.produceLatency = latencyStats(produceLatency);
  result.endToEndLatency = latencyStats(e2e);
  result.verdict = request.signal.aborted
    ? 'interrupted'
    : result.delivered < request.count
      ? 'produce-failed'
      : result.received === request.count && result.duplicates === 0 && result.corrupted === 0
        ? 'pass'
        : 'not-received';
  result.elapsedMs = now() - started;
  return result;
}

function header(m: ConsumedMessage, key: string): string | undefined {
  const h = m.headers.find((x) => x.key === key);
  return h?.value?.toString('utf8');
}
