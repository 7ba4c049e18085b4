import { describe, expect, it } from 'vitest';
import { consume, OutputClosed, type ConsumeEvent, type MessageSink } from '../../../src/ops/consume.js';
import type { ConsumerHandlers, FetchedBatch, TopicConsumer } from '../../../src/kafka/consumer.js';
import type { ConsumedMessage } from '../../../src/kafka/records.js';
import { WritePipeline } from '../../../src/ops/write-pipeline.js';

const message = (partition: number, offset: number): ConsumedMessage => ({
  topic: 't', partition, offset: String(offset), timestamp: 0, key: null, value: Buffer.from(`${partition}:${offset}`), headers: [],
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

/** A fake of our own Kafka seam: assigns, then hands over the batches one after another. */
function fakeConsumer(options: {
  groupId?: string | null; partitions: number[]; ends: number[]; starts: number[]; batches: FetchedBatch[];
  /** Partitions this member is given (default: all), and the group's unread messages in the others. */
  assigned?: number[]; unread?: Record<number, number>;
}) {
  const commits: Map<number, bigint>[] = [];
  let fetching = true;
  let closed = false;
  const consumer: TopicConsumer = {
    topic: 't',
    partitions: options.partitions,
    groupId: options.groupId === undefined ? 'g' : options.groupId,
    endOffsets: new Map(options.partitions.map((p, i) => [p, BigInt(options.ends[i]!)])),
    untilOffsets: new Map(),
    pause: () => undefined,
    knownStarts: null,
    async run(handlers: ConsumerHandlers) {
      const mine = options.assigned ?? options.partitions;
      const at = (p: number) => options.partitions.indexOf(p);
      handlers.onAssign(mine);
      setImmediate(() => {
        handlers.onPositions({
          partitions: mine,
          positions: new Map(mine.map((p) => [p, BigInt(options.starts[at(p)]!)])),
          highs: new Map(mine.map((p) => [p, BigInt(options.ends[at(p)]!)])),
        });
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
    remaining: async (ps: number[]) => new Map(ps.map((p) => [p, BigInt(options.unread?.[p] ?? 0)])),
    stopFetching() {
      fetching = false;
    },
    async close() {
      closed = true;
    },
  };
  return { consumer, commits, stoppedFetching: () => !fetching };
}

function sink(failAfter = Infinity, failure: () => Error = () => new OutputClosed(Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }))) {
  const lines: string[] = [];
  let writes = 0;
  const s: MessageSink = {
    async write(messages) {
      writes += 1;
      if (writes > failAfter) throw failure();
      for (const m of messages) lines.push(m.value!.toString());
    },
  };
  return { sink: s, lines };
}

const base = { idleTimeoutMs: 2000, commit: true, joinTimeoutMs: 5000 } as const;

describe('consume (against a fake consumer)', () => {
  it('stops after -c N in the middle of a batch and commits exactly the messages written', async () => {
    const f = fakeConsumer({ partitions: [0], ends: [10], starts: [0], batches: [batch(0, 0, 4, 10), batch(0, 4, 6, 10)] });
    const out = sink();
    const summary = await consume({ ...base, consumer: f.consumer, sink: out.sink, signal: new AbortController().signal, count: 6 });
    expect(summary).toMatchObject({ consumed: 6, reason: 'count' });
    expect(out.lines).toEqual(['0:0', '0:1', '0:2', '0:3', '0:4', '0:5']);
    expect(f.commits.at(-1)).toEqual(new Map([[0, 6n]]));
    expect(summary.committed).toEqual(new Map([[0, 6n]]));
    expect(f.stoppedFetching()).toBe(true);
  });

  it('-e stops once every partition reaches the end it had at the start', async () => {
    const f = fakeConsumer({ partitions: [0, 1], ends: [3, 2], starts: [0, 0], batches: [batch(0, 0, 3, 3), batch(1, 0, 2, 2), batch(1, 2, 5, 7)] });
    const out = sink();
    const summary = await consume({ ...base, consumer: f.consumer, sink: out.sink, signal: new AbortController().signal, stopAtEnd: true });
    expect(summary.reason).toBe('end');
    expect(out.lines).toEqual(['0:0', '0:1', '0:2', '1:0', '1:1']);
    expect(summary.committed).toEqual(new Map([[0, 3n], [1, 2n]]));
  });

  it('a write that fails (EPIPE) ends it quietly without committing that batch', async () => {
    const f = fakeConsumer({ partitions: [0], ends: [9], starts: [0], batches: [batch(0, 0, 3, 9), batch(0, 3, 3, 9), batch(0, 6, 3, 9)] });
    const out = sink(1);
    const summary = await consume({ ...base, consumer: f.consumer, sink: out.sink, signal: new AbortController().signal });
    expect(summary.reason).toBe('output-closed');
    expect(summary.consumed).toBe(3);
    expect(summary.committed).toEqual(new Map([[0, 3n]]));
  });

  it('any other failure of the output fails consume (never a quiet end), with what was written committed', async () => {
    const f = fakeConsumer({ partitions: [0], ends: [9], starts: [0], batches: [batch(0, 0, 3, 9), batch(0, 3, 3, 9), batch(0, 6, 3, 9)] });
    const bug = new TypeError('The first argument must be of type string');
    const out = sink(1, () => bug);
    await expect(consume({ ...base, consumer: f.consumer, sink: out.sink, signal: new AbortController().signal })).rejects.toBe(bug);
    expect(out.lines).toEqual(['0:0', '0:1', '0:2']);
    expect(f.commits.at(-1)).toEqual(new Map([[0, 3n]]));
  });

  it('says when it has caught up, then stops after the idle timeout; --no-commit commits nothing', async () => {
    const f = fakeConsumer({ partitions: [0, 1], ends: [2, 0], starts: [0, 0], batches: [batch(0, 0, 2, 2)] });
    const events: ConsumeEvent[] = [];
    const started = Date.now();
    const summary = await consume({ ...base, commit: false, idleTimeoutMs: 200, consumer: f.consumer, sink: sink().sink, signal: new AbortController().signal, onEvent: (e) => events.push(e) });
    expect(summary.reason).toBe('idle');
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
    expect(events.map((e) => e.kind)).toEqual(['assigned', 'caught-up']);
    expect(f.commits).toEqual([]);
  });

  it('Ctrl-C stops it with what was written committed', async () => {
    const f = fakeConsumer({ partitions: [0], ends: [5], starts: [0], batches: [batch(0, 0, 5, 5)] });
    const controller = new AbortController();
    const summaryP = consume({ ...base, idleTimeoutMs: null, consumer: f.consumer, sink: sink().sink, signal: controller.signal, onEvent: (e) => e.kind === 'caught-up' && controller.abort() });
    const summary = await summaryP;
    expect(summary).toMatchObject({ reason: 'interrupted', consumed: 5 });
    expect(summary.committed).toEqual(new Map([[0, 5n]]));
  });

  it('reading without a group never commits', async () => {
    const f = fakeConsumer({ groupId: null, partitions: [0], ends: [2], starts: [0], batches: [batch(0, 0, 2, 2)] });
    const summary = await consume({ ...base, consumer: f.consumer, sink: sink().sink, signal: new AbortController().signal, stopAtEnd: true });
    expect(summary.consumed).toBe(2);
    expect(f.commits).toEqual([]);
  });
});

describe('WritePipeline', () => {
  it('runs jobs in order, after the current turn, holding the caller when full', async () => {
    const pipeline = new WritePipeline(2);
    const order: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    await pipeline.push(async () => {
      await gate;
      order.push('a');
    });
    order.push('pushed a');
    const second = pipeline.push(async () => {
      order.push('b');
    });
    let secondReturned = false;
    void second.then(() => (secondReturned = true));
    await new Promise((r) => setTimeout(r, 20));
    expect(secondReturned).toBe(false);
    release();
    await second;
    await pipeline.drain();
    expect(order).toEqual(['pushed a', 'a', 'b']);
  });

  it('-e in a group: partitions held by other members with messages left end as not-owned, naming them, after the wait', async () => {
    const { consumer } = fakeConsumer({
      partitions: [0, 1, 2], ends: [2, 5, 0], starts: [0, 0, 0], assigned: [0], unread: { 1: 5, 2: 0 }, batches: [batch(0, 0, 2, 2)],
    });
    const out = sink();
    const started = performance.now();
    const summary = await consume({ ...base, consumer, sink: out.sink, signal: new AbortController().signal, stopAtEnd: true, unownedWaitMs: 300 });
    expect(out.lines).toEqual(['0:0', '0:1']);
    expect(summary.reason).toBe('not-owned');
    expect(summary.unread).toEqual(new Map([[1, 5n]]));
    expect(performance.now() - started).toBeGreaterThanOrEqual(250);
  });

  it('-e in a group: partitions held by other members with nothing left are the end, at once', async () => {
    const { consumer } = fakeConsumer({
      partitions: [0, 1], ends: [2, 5], starts: [0, 0], assigned: [0], unread: { 1: 0 }, batches: [batch(0, 0, 2, 2)],
    });
    const out = sink();
    const summary = await consume({ ...base, consumer, sink: out.sink, signal: new AbortController().signal, stopAtEnd: true, unownedWaitMs: 60_000 });
    expect(summary.reason).toBe('end');
    expect(summary.unread).toBeUndefined();
  });
});
