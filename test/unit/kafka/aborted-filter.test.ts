import { describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { dropAborted, type TransactionalRecord } from '../../../src/kafka/aborted-filter.js';

const require = createRequire(import.meta.url);
const kafkajsFilter = require('kafkajs/src/consumer/filterAbortedMessages.js') as (o: { messages: Rec[]; abortedTransactions: { producerId: string; firstOffset: string }[] }) => Rec[];

type Rec = TransactionalRecord & { offset: string };

/** One record per batch (as a transactional producer's single sends make them). */
const data = (offset: number, producerId: string): Rec => ({
  offset: String(offset),
  key: null,
  isControlRecord: false,
  batchContext: { firstOffset: String(offset), lastOffsetDelta: 0, producerId, inTransaction: true },
});
const marker = (offset: number, producerId: string, type: 0 | 1): Rec => ({
  offset: String(offset),
  key: Buffer.from([0, 0, 0, type]),
  isControlRecord: true,
  batchContext: { firstOffset: String(offset), lastOffsetDelta: 0, producerId, inTransaction: true },
});
const plain = (offset: number): Rec => ({
  offset: String(offset),
  key: null,
  isControlRecord: false,
  batchContext: { firstOffset: String(offset), lastOffsetDelta: 0, producerId: '-1', inTransaction: false },
});
const offsets = (records: Rec[]) => records.filter((r) => !r.isControlRecord).map((r) => Number(r.offset));

describe('dropAborted', () => {
  // Producers 1 and 2 each began a transaction (at 10 and 11) that was aborted; a fetch from 20.
  const fetched = [data(20, '2'), data(21, '1'), plain(22), data(23, '2'), marker(24, '1', 0), marker(25, '2', 0), plain(26)];
  const aborted = [{ producerId: '1', firstOffset: '10' }, { producerId: '2', firstOffset: '11' }];

  it('drops the records of both overlapping aborted transactions (kafkajs 2.2.4 let one through)', () => {
    expect(offsets(kafkajsFilter({ messages: fetched, abortedTransactions: aborted }))).toEqual([20, 22, 26]);
    expect(offsets(dropAborted(fetched, aborted))).toEqual([22, 26]);
  });

  it('does not depend on the order the broker lists them in', () => {
    expect(offsets(dropAborted(fetched, [...aborted].reverse()))).toEqual([22, 26]);
  });

  it('keeps a producer\'s next transaction after its abort marker, and committed ones', () => {
    const records = [data(10, '1'), marker(11, '1', 0), data(12, '1'), marker(13, '1', 1), data(14, '3'), marker(15, '3', 1)];
    expect(offsets(dropAborted(records, [{ producerId: '1', firstOffset: '10' }]))).toEqual([12, 14]);
  });

  it('drops a whole batch, and keeps control records for kafkajs to skip', () => {
    const context = { firstOffset: '5', lastOffsetDelta: 2, producerId: '7', inTransaction: true };
    const batch: Rec[] = [5, 6, 7].map((o) => ({ offset: String(o), key: null, isControlRecord: false, batchContext: context }));
    const kept = dropAborted([...batch, marker(8, '7', 0)], [{ producerId: '7', firstOffset: '6' }]);
    expect(kept.map((r) => Number(r.offset))).toEqual([8]);
  });

  it('returns the records as they are without aborted transactions', () => {
    const records = [data(1, '1')];
    expect(dropAborted(records, [])).toBe(records);
    expect(dropAborted(records, null)).toBe(records);
  });
});
