/*
 * Records of aborted transactions, left out as the Java consumer does (its CompletedFetch):
 * batch by batch, every aborted transaction that starts at or before the batch's last offset
 * becomes current for its producer; a transactional batch of a producer with a current aborted
 * transaction is dropped; that producer's abort marker ends it. kafkajs 2.2.4 takes at most one
 * aborted transaction off its list per record instead, so with two producers' transactions
 * aborted before the fetch's first record, the second one's records got through.
 */

/** What the filter reads of a record (kafkajs's decoded record). */
export interface TransactionalRecord {
  key: Buffer | null;
  isControlRecord: boolean;
  batchContext: { firstOffset: string; lastOffsetDelta: number; producerId: string; inTransaction: boolean };
}

/** An entry of a Fetch response's aborted_transactions. */
export interface AbortedTransaction {
  producerId: string;
  firstOffset: string;
}

/** What the filter reads of a record batch that holds records. */
export interface TransactionalBatch {
  producerId: string;
  firstOffset: bigint;
  /** The offset of its last record (first offset + last offset delta). */
  lastOffset: bigint;
  inTransaction: boolean;
  /** A batch of control records (commit and abort markers). */
  control: boolean;
  /** Its first record is an abort marker (control batches only). */
  abortMarker: boolean;
}

const ABORT = 0;

/**
 * Follows one partition's record batches in offset order and says which to drop. Call `drop` once
 * for each batch that holds records, in order (a batch the cleaner emptied is not looked at).
 */
export class AbortedBatches {
  private readonly pending: { producerId: string; firstOffset: bigint }[];
  private next = 0;
  private readonly current = new Set<string>();

  constructor(aborted: readonly AbortedTransaction[]) {
    this.pending = aborted
      .map((a) => ({ producerId: a.producerId, firstOffset: BigInt(a.firstOffset) }))
      .sort((a, b) => (a.firstOffset < b.firstOffset ? -1 : a.firstOffset > b.firstOffset ? 1 : 0));
  }

  /** True when the batch's records belong to an aborted transaction (never for control batches). */
  drop(batch: TransactionalBatch): boolean {
    if (BigInt(batch.producerId) < 0n) return false;
    const pending = this.pending;
    for (; this.next < pending.length && (pending[this.next] as { firstOffset: bigint }).firstOffset <= batch.lastOffset; this.next += 1) {
      this.current.add((pending[this.next] as { producerId: string }).producerId);
    }
    if (batch.control) {
      if (batch.abortMarker) this.current.delete(batch.producerId);
      return false;
    }
    return batch.inTransaction && this.current.has(batch.producerId);
  }
}

/** The records that are not part of an aborted transaction (control records are kept). */
export function dropAborted<R extends TransactionalRecord>(records: R[], aborted: AbortedTransaction[] | null | undefined): R[] {
  if (!aborted || aborted.length === 0) return records;
  const batches = new AbortedBatches(aborted);
  const kept: R[] = [];
  let batch: R['batchContext'] | undefined;
  let drop = false;
  for (const record of records) {
    const context = record.batchContext;
    if (context !== batch && (batch === undefined || context.firstOffset !== batch.firstOffset)) {
      batch = context;
      const firstOffset = BigInt(context.firstOffset);
      drop = batches.drop({
        producerId: context.producerId,
        firstOffset,
        lastOffset: firstOffset + BigInt(context.lastOffsetDelta),
        inTransaction: context.inTransaction,
        control: record.isControlRecord,
        abortMarker: record.isControlRecord && isAbortMarker(record.key),
      });
    }
    if (!drop) kept.push(record);
  }
  return kept;
}

/** A control record's key: version (int16), type (int16; 0 abort, 1 commit). */
export function isAbortMarker(key: Buffer | null): boolean {
  return key !== null && key.length >= 4 && key.readInt16BE(2) === ABORT;
}
