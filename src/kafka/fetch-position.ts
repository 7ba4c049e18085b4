import BatchClass from 'kafkajs/src/consumer/batch.js';

/*
 * Where the next fetch of a partition starts. kafkajs 2.2.4 moves to the last record it got + 1.
 * On a compacted topic that is wrong: the log cleaner removes records from the end of a batch
 * (the batch keeps its offsets), and leaves the last batch of an idempotent or transactional
 * producer without any record. A fetch reads from the batch holding the position, so the next
 * fetch got the same batch again (one offset further each time), and a fetch that held only an
 * empty batch (with the next batch cut off by the size limit) never moved at all. The Java
 * client and librdkafka go on from the end of the last complete batch: so does this.
 */

interface BatchRecord {
  offset: string;
  batchContext?: { firstOffset: string; lastOffsetDelta: number; magicByte?: number };
}

interface BatchLike {
  fetchedOffset: string;
  rawMessages: BatchRecord[];
  lastOffset(): string;
  isEmpty(): boolean;
  isEmptyDueToFiltering(): boolean;
}

/** The end of the last complete record batch of each fetched partition, by its record array. */
const ends = new WeakMap<object, bigint>();

/** Notes that the batches decoded into `records` end before `next` (there may be no record). */
export function noteFetchEnd(records: object, next: bigint): void {
  ends.set(records, next);
}

/** The offset after the last complete batch of a partition's fetched records, when known. */
export function fetchEnd(records: BatchRecord[]): bigint | undefined {
  const noted = ends.get(records);
  if (noted !== undefined) return noted;
  // Decoded by kafkajs (an older record format has no batch context): its last record's batch.
  const context = records.at(-1)?.batchContext;
  if (!context || context.magicByte !== 2 || typeof context.lastOffsetDelta !== 'number') return undefined;
  return BigInt(context.firstOffset) + BigInt(context.lastOffsetDelta) + 1n;
}

let applied = false;

/** Makes kafkajs go on from the end of the batches it fetched; once per process. */
export function applyFetchPositions(): void {
  if (applied) return;
  applied = true;
  // A static import: the bundle (scripts/bundle.mjs) must patch its own copy of kafkajs.
  const proto = (BatchClass as { prototype: BatchLike }).prototype;
  const lastOffset = proto.lastOffset;
  const isEmptyDueToFiltering = proto.isEmptyDueToFiltering;
  if (typeof lastOffset !== 'function' || typeof isEmptyDueToFiltering !== 'function') return;
  const beyond = (batch: BatchLike): bigint | undefined => {
    const end = fetchEnd(batch.rawMessages);
    return end !== undefined && end > BigInt(batch.fetchedOffset) ? end : undefined;
  };
  proto.lastOffset = function batchLastOffset(this: BatchLike): string {
    // Not kafkajs's answers for a fetch with no record past its offset (the offset itself, or the
    // high watermark - 1 when it had none at all: that would skip what follows the empty batch).
    const end = beyond(this);
    return end === undefined ? lastOffset.call(this) : (end - 1n).toString();
  };
  // A fetch with only records it does not show (or none: empty batches) still moves the position.
  proto.isEmptyDueToFiltering = function batchEmptyDueToFiltering(this: BatchLike): boolean {
    return isEmptyDueToFiltering.call(this) || (this.isEmpty() && beyond(this) !== undefined);
  };
}
