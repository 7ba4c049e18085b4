import BatchClass from 'kafkajs/src/consumer/batch.js';
import ConsumerGroupClass from 'kafkajs/src/consumer/consumerGroup.js';
import { blockOf, type RecordBlock } from './record-block.js';
import { fetchEnd } from './fetch-position.js';

/*
 * kafkajs's consumer makes a Batch of each partition's fetched records: three passes over them
 * (one BigInt parsed from each record's offset string to compare it with the fetch offset) and
 * three arrays. For a partition decoded into a RecordBlock (fetch-decoder.ts), its records list
 * is empty, so that costs nothing, and this hands kafkajs a BlockBatch instead: the same
 * answers, worked out from the block. Its `messages` is the block itself (the records at or
 * after the fetch offset, without control records and aborted transactions' records): kafkajs
 * reads only its length; ckafka's eachBatch takes it as it is.
 */

interface ConsumerGroupLike {
  fetch(nodeId: unknown): Promise<unknown>;
}

let installed: boolean | undefined;

/** Makes kafkajs's consumer hand on the fetched RecordBlocks; false when its internals differ. */
export function applyBlockBatches(): boolean {
  if (installed !== undefined) return installed;
  installed = false;
  // Static imports: the bundle (scripts/bundle.mjs) must patch its own copy of kafkajs.
  const proto = (ConsumerGroupClass as { prototype: ConsumerGroupLike }).prototype;
  const fetch = proto.fetch;
  if (typeof fetch !== 'function' || typeof BatchClass !== 'function') return false;
  proto.fetch = async function blockFetch(this: ConsumerGroupLike, nodeId: unknown) {
    const batches = (await fetch.call(this, nodeId)) as BatchClass[];
    for (let i = 0; i < batches.length; i += 1) {
      const batch = batches[i] as BatchClass;
      const block = blockOf(batch.rawMessages);
      if (block !== undefined) batches[i] = new BlockBatch(batch, block);
    }
    return batches;
  };
  installed = true;
  return true;
}

/** A kafkajs Batch whose records are a RecordBlock. */
export class BlockBatch extends BatchClass {
  /** The records at or after the fetch offset, for the consumer (kafkajs reads its length). */
  declare messages: RecordBlock;
  /** Past the last complete record batch; undefined when the fetch held none. */
  private readonly end: bigint | undefined;
  private readonly fetched: bigint;
  /** Worked out now: the records may be given back before kafkajs asks (an error it logs). */
  private readonly first: string | null;

  constructor(batch: BatchClass, block: RecordBlock) {
    // Its lists are empty: kafkajs's constructor does nothing per record.
    super(batch.topic, batch.fetchedOffset, { partition: batch.partition, highWatermark: batch.highWatermark, messages: batch.rawMessages, abortedTransactions: [] });
    this.fetched = BigInt(batch.fetchedOffset);
    this.messages = block.from(this.fetched);
    this.end = fetchEnd(batch.rawMessages as []);
    this.first = this.messages.length > 0 ? this.messages.offset(0) : null;
    // kafkajs hands an empty batch to no one, and nothing else reads it: its bytes may go back.
    if (this.messages.length === 0) block.release();
  }

  override isEmpty(): boolean {
    return this.messages.length === 0;
  }

  /** No record to show (kafkajs then answers firstOffset() with null and offsetLagLow() with '0'). */
  override isEmptyIncludingFiltered(): boolean {
    return this.messages.length === 0;
  }

  /** Nothing to show, yet the fetch read past its offset (markers, aborted or emptied batches): the position moves. */
  override isEmptyDueToFiltering(): boolean {
    return this.messages.length === 0 && this.beyond();
  }

  override isEmptyDueToLogCompactedMessages(): boolean {
    return false;
  }

  override isEmptyControlRecord(): boolean {
    return this.isEmptyDueToFiltering();
  }

  /** The first record shown (kafkajs's Batch: the first record, a transaction marker too; read only for its instrumentation events). */
  override firstOffset(): string | null {
    return this.first;
  }

  /** The offset before where the next fetch goes on: the end of the last complete batch (see fetch-position.ts). */
  override lastOffset(): string {
    if (this.end !== undefined && this.end > this.fetched) return (this.end - 1n).toString();
    // No complete batch: kafkajs's answer for a fetch without records.
    return (BigInt(this.highWatermark) - 1n).toString();
  }

  private beyond(): boolean {
    return this.end !== undefined && this.end > this.fetched;
  }
}
