import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { BatchFailed, classify, IdempotentSender, MAX_UNACKNOWLEDGED, NotSent, type Delivered, type Stamp, type Transport } from '../../../src/kafka/idempotent-sender.js';
import type { EncodedBatch } from '../../../src/kafka/record-batch.js';

// The sender against a model of a partition leader's producer state (Kafka's ProducerStateManager
// rules: the last 5 batches are remembered and a resent one is answered with its first offset; a
// new epoch must start at sequence 0; an older epoch is fenced; a gap is OUT_OF_ORDER_SEQUENCE_NUMBER;
// a producer the broker forgot gets UNKNOWN_PRODUCER_ID) with faults injected on each request.

type Fault = 'ok' | 'lost-request' | 'lost-response' | 'not-leader' | 'forget-producer' | 'refused-connection';

interface Entry {
  id: number;
  producerId: bigint;
  epoch: number;
  firstSeq: number;
  lastSeq: number;
  offset: number;
}

class protocolError extends Error {
  override readonly name = 'KafkaJSProtocolError';
  constructor(
    readonly type: string,
    readonly retriable: boolean,
  ) {
    super(type);
  }
}

/** One partition leader (and its log), the way the broker checks an idempotent producer's batches. */
class ModelLeader {
  readonly log: Entry[] = [];
  private state = new Map<bigint, { epoch: number; batches: Entry[] }>();
  calls = 0;
  maxConcurrent = 0;
  private concurrent = 0;

  constructor(private readonly faults: Fault[]) {}

  async produce(batch: EncodedBatch, stamp: Stamp): Promise<Delivered> {
    const fault = this.faults[this.calls++] ?? 'ok';
    this.concurrent += 1;
    this.maxConcurrent = Math.max(this.maxConcurrent, this.concurrent);
    try {
      await Promise.resolve();
      if (fault === 'refused-connection') throw new NotSent(new Error('ECONNREFUSED'));
      if (fault === 'lost-request') throw Object.assign(new Error('Request timed out'), { name: 'KafkaJSRequestTimeoutError' });
      if (fault === 'not-leader') throw new protocolError('NOT_LEADER_FOR_PARTITION', true);
      if (fault === 'forget-producer') this.state.delete(stamp.producerId);
      const offset = this.append(idOf(batch), batch.count, stamp);
      if (fault === 'lost-response') throw Object.assign(new Error('Connection closed'), { name: 'KafkaJSConnectionClosedError' });
      return { baseOffset: String(offset), logAppendTime: null };
    } finally {
      this.concurrent -= 1;
    }
  }

  private append(id: number, count: number, stamp: Stamp): number {
    const lastSeq = stamp.baseSequence + count - 1;
    const known = this.state.get(stamp.producerId);
    if (known === undefined) {
      if (stamp.baseSequence !== 0) throw new protocolError('UNKNOWN_PRODUCER_ID', false);
    } else if (stamp.producerEpoch < known.epoch) {
      throw new protocolError('INVALID_PRODUCER_EPOCH', false);
    } else if (stamp.producerEpoch > known.epoch) {
      if (stamp.baseSequence !== 0) throw new protocolError('OUT_OF_ORDER_SEQUENCE_NUMBER', false);
    } else {
      const duplicate = known.batches.find((b) => b.firstSeq === stamp.baseSequence && b.lastSeq === lastSeq);
      if (duplicate) return duplicate.offset;
      const last = known.batches.at(-1)!;
      if (stamp.baseSequence !== last.lastSeq + 1) throw new protocolError('OUT_OF_ORDER_SEQUENCE_NUMBER', false);
    }
    const entry: Entry = { id, producerId: stamp.producerId, epoch: stamp.producerEpoch, firstSeq: stamp.baseSequence, lastSeq, offset: this.log.length };
    this.log.push(entry);
    const batches = known && known.epoch === stamp.producerEpoch ? known.batches : [];
    batches.push(entry);
    if (batches.length > 5) batches.shift();
    this.state.set(stamp.producerId, { epoch: stamp.producerEpoch, batches });
    return entry.offset;
  }
}

const ids = new WeakMap<EncodedBatch, number>();
const idOf = (b: EncodedBatch) => ids.get(b)!;
function fakeBatch(id: number, count: number): EncodedBatch {
  const b = { bytes: Buffer.alloc(0), headroom: 0, count, records: Buffer.alloc(0), baseTimestamp: 0 };
  ids.set(b, id);
  return b;
}

function transportFor(leader: ModelLeader): Transport & { newIds: number } {
  const t = {
    newIds: 0,
    produce: (_partition: number, batch: EncodedBatch, stamp: Stamp) => leader.produce(batch, { ...stamp }),
    refreshMetadata: async () => undefined,
    newProducerId: async () => ({ producerId: BigInt(1000 + ++t.newIds), producerEpoch: 0 }),
    sleep: async () => undefined,
  };
  return t;
}

async function run(faults: Fault[], counts: number[], retries = 1000) {
  const leader = new ModelLeader(faults);
  const sender = new IdempotentSender(transportFor(leader), { producerId: 7n, producerEpoch: 0 }, { retries, initialRetryTime: 1, maxRetryTime: 1 });
  const outcomes = await Promise.all(
    counts.map((count, id) =>
      sender.send(0, fakeBatch(id, count)).then(
        (d) => ({ id, delivered: d }),
        (e: unknown) => ({ id, failed: e as BatchFailed }),
      ),
    ),
  );
  return { leader, outcomes };
}

describe('IdempotentSender', () => {
  it('numbers records from 0 per partition and keeps at most 5 batches unacknowledged', async () => {
    const { leader, outcomes } = await run([], [3, 1, 4, 1, 5, 9, 2, 6]);
    expect(outcomes.every((o) => 'delivered' in o)).toBe(true);
    expect(leader.log.map((e) => [e.id, e.firstSeq, e.lastSeq])).toEqual([
      [0, 0, 2], [1, 3, 3], [2, 4, 7], [3, 8, 8], [4, 9, 13], [5, 14, 22], [6, 23, 24], [7, 25, 30],
    ]);
    expect(leader.maxConcurrent).toBeLessThanOrEqual(MAX_UNACKNOWLEDGED);
  });

  it('a lost response is resent with the same numbers and answered as a duplicate: written once', async () => {
    const { leader, outcomes } = await run(['ok', 'lost-response', 'ok', 'ok'], [1, 1, 1, 1]);
    expect(outcomes.map((o) => ('delivered' in o ? o.delivered.baseOffset : 'failed'))).toEqual(['0', '1', '2', '3']);
    expect(leader.log.map((e) => e.id)).toEqual([0, 1, 2, 3]);
  });

  it('a producer the broker forgot: a new epoch from sequence 0, nothing lost or doubled', async () => {
    const { leader, outcomes } = await run(['ok', 'ok', 'forget-producer'], [2, 2, 2, 2]);
    expect(outcomes.every((o) => 'delivered' in o)).toBe(true);
    expect(leader.log.map((e) => [e.id, e.epoch, e.firstSeq])).toEqual([[0, 0, 0], [1, 0, 2], [2, 1, 0], [3, 1, 2]]);
  });

  it('gives up after the retries, says whether the batch may have been written, and goes on under a new epoch', async () => {
    const { leader, outcomes } = await run(['lost-response', 'lost-request', 'lost-request'], [1, 1], 1);
    const [first, second] = outcomes as { failed: BatchFailed }[];
    expect(first!.failed).toBeInstanceOf(BatchFailed);
    expect(first!.failed.unknown).toBe(true);
    expect(first!.failed.attempts).toBe(2);
    expect(second!.failed.unknown).toBe(true);
    expect(leader.log.filter((e) => e.id === 0)).toHaveLength(1);
  });

  it('after giving up, the next batch goes out under a new epoch from sequence 0', async () => {
    const leader = new ModelLeader(['lost-request', 'lost-request']);
    const sender = new IdempotentSender(transportFor(leader), { producerId: 7n, producerEpoch: 0 }, { retries: 1, initialRetryTime: 1, maxRetryTime: 1 });
    await expect(sender.send(0, fakeBatch(0, 3))).rejects.toBeInstanceOf(BatchFailed);
    await sender.send(0, fakeBatch(1, 2));
    expect(leader.log).toMatchObject([{ id: 1, epoch: 1, firstSeq: 0 }]);
  });

  it('retries as often as it is told, whatever the error', async () => {
    const { leader, outcomes } = await run(Array<Fault>(30).fill('refused-connection'), [1], 10);
    expect((outcomes[0] as { failed: BatchFailed }).failed.attempts).toBe(11);
    expect(leader.log).toHaveLength(0);
  });

  it('rides out a leader that is gone for a while (batches in flight lost, then connections refused)', async () => {
    const faults: Fault[] = ['ok', 'lost-response', 'lost-request', 'lost-request', 'lost-request', ...Array<Fault>(8).fill('refused-connection')];
    const { leader, outcomes } = await run(faults, [1, 1, 1, 1, 1, 1, 1, 1], 10);
    expect(outcomes.map((o) => ('delivered' in o ? 'delivered' : o.failed.message))).toEqual(Array(8).fill('delivered'));
    expect(leader.log.map((e) => e.id)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });

  it('classifies errors by what they say about the batch', () => {
    expect(classify(new NotSent(new Error('x')))).toBe('retry');
    expect(classify(new protocolError('NOT_LEADER_FOR_PARTITION', true))).toBe('retry');
    expect(classify(new protocolError('OUT_OF_ORDER_SEQUENCE_NUMBER', false))).toBe('sequence');
    expect(classify(new protocolError('MESSAGE_TOO_LARGE', false))).toBe('fatal');
    expect(classify(new protocolError('REQUEST_TIMED_OUT', true))).toBe('unknown');
    expect(classify(Object.assign(new Error('t'), { name: 'KafkaJSRequestTimeoutError' }))).toBe('unknown');
  });

  it('under any faults: each batch is delivered exactly once at its reported offset, or failed (and then written at most once, never when the outcome was known)', async () => {
    // Not 'forget-producer' here: a broker that forgets a producer between a write and its resend
    // takes the resend (sequence 0) as new, for every client; brokers forget only idle producers.
    const fault = fc.constantFrom<Fault>('ok', 'ok', 'ok', 'lost-request', 'lost-response', 'not-leader', 'refused-connection');
    await fc.assert(
      fc.asyncProperty(fc.array(fault, { maxLength: 60 }), fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 25 }), fc.integer({ min: 1, max: 8 }), async (faults, counts, retries) => {
        const { leader, outcomes } = await run(faults, counts, retries);
        const copies = new Map<number, Entry[]>();
        for (const e of leader.log) copies.set(e.id, [...(copies.get(e.id) ?? []), e]);
        for (const o of outcomes) {
          const stored = copies.get(o.id) ?? [];
          expect(stored.length).toBeLessThanOrEqual(1);
          if ('delivered' in o) {
            expect(stored).toHaveLength(1);
            expect(o.delivered.baseOffset).toBe(String(stored[0]!.offset));
          } else if (!o.failed.unknown) {
            expect(stored).toHaveLength(0);
          }
        }
        // Within the partition, batches are stored in the order they were sent.
        const order = leader.log.map((e) => e.id);
        expect(order).toEqual([...order].sort((a, b) => a - b));
      }),
      { numRuns: 300 },
    );
  });
});
