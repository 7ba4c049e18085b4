import { describe, expect, it } from 'vitest';
import { consume, type MessageSink } from '../../../src/ops/consume.js';
import { messagePredicate, parseMatch } from '../../../src/ops/message-filter.js';
import type { ConsumerHandlers, FetchedBatch, TopicConsumer } from '../../../src/kafka/consumer.js';
import type { ConsumedMessage } from '../../../src/kafka/records.js';

// --match and --until in the consume loop, against a fake of our own Kafka seam.

const message = (partition: number, offset: number, timestamp = offset): ConsumedMessage => ({
  topic: 't', partition, offset: String(offset), timestamp, key: null, value: Buffer.from(`${partition}:${offset}`), headers: [],
});

function batch(partition: number, from: number, count: number, high: number): FetchedBatch {
  return {
    partition,
    messages: Array.from({ length: count }, (_, i) => message(partition, from + i)),
    highWatermark: BigInt(high),
    next: BigInt(from + count),
    heartbeat: async () => undefined,
  };
}

interface Fake {
  groupId?: string | null;
  partitions: number[];
  ends: number[];
  starts: number[];
  batches: FetchedBatch[];
  knownStarts?: boolean;
}

function fakeConsumer(options: Fake) {
  const commits: Map<number, bigint>[] = [];
  const paused: number[] = [];
  let fetching = true;
  let closed = false;
  let ran = false;
  const starts = new Map(options.partitions.map((p, i) => [p, BigInt(options.starts[i]!)]));
  const consumer: TopicConsumer = {
    topic: 't',
    partitions: options.partitions,
    groupId: options.groupId === undefined ? 'g' : options.groupId,
    endOffsets: new Map(options.partitions.map((p, i) => [p, BigInt(options.ends[i]!)])),
    knownStarts: options.knownStarts ? starts : null,
    untilOffsets: new Map(),
    pause: (partitions) => void paused.push(...partitions),
    async run(handlers: ConsumerHandlers) {
      ran = true;
      handlers.onAssign(options.partitions);
      setImmediate(() => {
        handlers.onPositions({ partitions: options.partitions, positions: starts, highs: new Map(options.partitions.map((p, i) => [p, BigInt(options.ends[i]!)])) });
        void (async () => {
          for (const b of options.batches) {
            if (!fetching || closed) return;
            await handlers.onBatch(b);
          }
        })();
      });
    },
    async commit(offsets) {
      if (offsets.size > 0) commits.push(new Map(offsets));
    },
    remaining: async () => new Map(),
    stopFetching() {
      fetching = false;
    },
    async close() {
      closed = true;
    },
  };
  return { consumer, commits, paused, ran: () => ran };
}

function sink() {
  const lines: string[] = [];
  const s: MessageSink = {
    async write(messages) {
      for (const m of messages) lines.push(m.value!.toString());
    },
  };
  return { sink: s, lines };
}

const base = { idleTimeoutMs: 300, commit: true, joinTimeoutMs: 5000, signal: new AbortController().signal } as const;
const valueMatches = (regex: string) => messagePredicate([parseMatch(`value:${regex}`)], 'utf8');

describe('consume --match', () => {
  it('prints only what matches, and commits past what does not (a batch with no match too)', async () => {
    const f = fakeConsumer({ partitions: [0, 1], ends: [6, 4], starts: [0, 0], batches: [batch(0, 0, 3, 6), batch(1, 0, 4, 4), batch(0, 3, 3, 6)] });
    const out = sink();
    const summary = await consume({ ...base, consumer: f.consumer, sink: out.sink, stopAtEnd: true, filter: valueMatches('^0:[15]$') });
    expect(out.lines).toEqual(['0:1', '0:5']);
    expect(summary).toMatchObject({ consumed: 2, scanned: 10, reason: 'end' });
    expect(summary.committed).toEqual(new Map([[0, 6n], [1, 4n]]));
  });

  it('-c counts matches, and commits only up to the last one printed', async () => {
    const f = fakeConsumer({ partitions: [0], ends: [10], starts: [0], batches: [batch(0, 0, 10, 10)] });
    const out = sink();
    const summary = await consume({ ...base, consumer: f.consumer, sink: out.sink, count: 2, filter: valueMatches('[246]$') });
    expect(out.lines).toEqual(['0:2', '0:4']);
    expect(summary).toMatchObject({ consumed: 2, scanned: 5, reason: 'count' });
    expect(summary.committed).toEqual(new Map([[0, 5n]]));
  });
});

describe('consume --until', () => {
  it('stops each partition before its offset, drops what is fetched after it, commits up to it, and ends', async () => {
    const f = fakeConsumer({ partitions: [0, 1], ends: [10, 10], starts: [0, 0], batches: [batch(0, 0, 5, 10), batch(1, 0, 10, 10), batch(0, 5, 5, 10)] });
    const out = sink();
    const summary = await consume({ ...base, idleTimeoutMs: null, consumer: f.consumer, sink: out.sink, until: { offsets: new Map([[0, 7n], [1, 3n]]), timeMs: null } });
    expect(summary.reason).toBe('until');
    expect(out.lines).toEqual(['0:0', '0:1', '0:2', '0:3', '0:4', '1:0', '1:1', '1:2', '0:5', '0:6']);
    expect(summary.committed).toEqual(new Map([[0, 7n], [1, 3n]]));
    // Each partition is paused once done, so the rest of it is not fetched for nothing.
    expect(f.paused).toEqual([1, 0]);
  });

  it('under a time, a partition stops at its first message at or after it', async () => {
    // Timestamps equal offsets here; partition 1 has its offset from the broker, partition 0 none yet.
    const f = fakeConsumer({ partitions: [0, 1], ends: [3, 10], starts: [0, 0], batches: [batch(0, 0, 3, 3), batch(1, 0, 10, 10), batch(0, 3, 5, 8)] });
    const out = sink();
    const summary = await consume({ ...base, idleTimeoutMs: null, consumer: f.consumer, sink: out.sink, until: { offsets: new Map([[1, 2n]]), timeMs: 4 } });
    expect(summary.reason).toBe('until');
    expect(out.lines).toEqual(['0:0', '0:1', '0:2', '1:0', '1:1', '0:3']);
    expect(summary.committed).toEqual(new Map([[0, 4n], [1, 2n]]));
  });

  it('with -e, a partition ends at whichever comes first', async () => {
    const f = fakeConsumer({ partitions: [0, 1], ends: [2, 10], starts: [0, 0], batches: [batch(0, 0, 2, 2), batch(1, 0, 10, 10)] });
    const out = sink();
    const summary = await consume({ ...base, consumer: f.consumer, sink: out.sink, stopAtEnd: true, until: { offsets: new Map([[0, 5n], [1, 3n]]), timeMs: null } });
    expect(summary.reason).toBe('end');
    expect(out.lines).toEqual(['0:0', '0:1', '1:0', '1:1', '1:2']);
  });

  it('chosen partitions that start at or past their --until end at once, without joining', async () => {
    const f = fakeConsumer({ groupId: null, knownStarts: true, partitions: [0, 1], ends: [10, 10], starts: [5, 8], batches: [] });
    const summary = await consume({ ...base, consumer: f.consumer, sink: sink().sink, until: { offsets: new Map([[0, 5n], [1, 2n]]), timeMs: null } });
    expect(summary).toMatchObject({ reason: 'until', consumed: 0 });
    expect(f.ran()).toBe(false);
  });

  it('a group whose committed offsets are past --until prints and commits nothing', async () => {
    const f = fakeConsumer({ partitions: [0], ends: [10], starts: [6], batches: [batch(0, 6, 4, 10)] });
    const out = sink();
    const summary = await consume({ ...base, consumer: f.consumer, sink: out.sink, until: { offsets: new Map([[0, 4n]]), timeMs: null } });
    expect(summary.reason).toBe('until');
    expect(out.lines).toEqual([]);
    expect(f.commits).toEqual([]);
  });
});
