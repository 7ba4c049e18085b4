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

const ABORT = 0;

/** The records that are not part of an aborted transaction (control records are kept). */
export function dropAborted<R extends TransactionalRecord>(records: R[], aborted: AbortedTransaction[] | null | undefined): R[] {
  if (!aborted || aborted.length === 0) return records;
  const pending = aborted.map((a) => ({ producerId: a.producerId, firstOffset: BigInt(a.firstOffset) })).sort((a, b) => (a.firstOffset < b.firstOffset ? -1 : a.firstOffset > b.firstOffset ? 1 : 0));
  let next = 0;
  const current = new Set<string>();
  const kept: R[] = [];
  let batch: R['batchContext'] | undefined;
  let drop = false;
  for (const record of records) {
    const context = record.batchContext;
    if (context !== batch && (batch === undefined || context.firstOffset !== batch.firstOffset)) {
      batch = context;
      drop = false;
      if (BigInt(context.producerId) >= 0n) {
        const last = BigInt(context.firstOffset) + BigInt(context.lastOffsetDelta);
        for (; next < pending.length && (pending[next] as { firstOffset: bigint }).firstOffset <= last; next += 1) current.add((pending[next] as { producerId: string }).producerId);
        if (record.isControlRecord) {
          if (isAbortMarker(record)) current.delete(context.producerId);
        } else {
          drop = context.inTransaction && current.has(context.producerId);
        }
      }
    }
    if (!drop) kept.push(record);
  }
  return kept;
}

/** A control record's key: version (int16), type (int16; 0 abort, 1 commit). */
function isAbortMarker(record: TransactionalRecord): boolean {
  const key = record.key;
  return key !== null && key.length >= 4 && key.readInt16BE(2) === ABORT;
}
