import ConsumerGroupClass from 'kafkajs/src/consumer/consumerGroup.js';

/*
 * kafkajs decodes a whole fetch response before handing over its first message, so every
 * message of a fetch is alive at once, and the young-generation garbage collector copies them
 * all at each scavenge: its cost grows with the messages per fetch. Fewer, larger fetches
 * save round trips. Measured on a million messages (bench/consume.sh), about a thousand
 * messages per partition and fetch is best for 100-byte and 1 KiB messages alike: 128 KiB
 * versus 1 MiB per partition. kafkajs reads the limit from its consumer group object before
 * each fetch; this sets it there from the message sizes seen so far.
 */

interface ConsumerGroupLike {
  groupId: string;
  maxBytes: number;
  maxBytesPerPartition: number;
  fetch(nodeId: unknown): Promise<unknown>;
}

const sizers = new Map<string, () => number>();
let installed: boolean | undefined;
/** The largest record batch a fetch has shown so far (whole, or announced by a cut-off one). */
let largestBatch = 0;

/**
 * Notes the size of a record batch seen in a fetch response (fetch-decoder.ts). Since Fetch v3
 * the broker lets only the first partition of a response exceed its per-partition limit and
 * cuts the others' batches off: a limit under a batch's size would leave those partitions
 * without progress until the ones before them are drained. So the limit is never made smaller
 * than the largest batch seen, and each partition gets at least one batch per fetch.
 */
export function noteBatchSize(bytes: number): void {
  if (bytes > largestBatch) largestBatch = bytes;
}

function install(): boolean {
  if (installed !== undefined) return installed;
  installed = false;
  try {
    // A static import: the bundle (scripts/bundle.mjs) must patch its own copy of kafkajs.
    const ConsumerGroup = ConsumerGroupClass as { prototype: ConsumerGroupLike };
    const fetch = ConsumerGroup.prototype.fetch;
    if (typeof fetch !== 'function') return false;
    ConsumerGroup.prototype.fetch = function sizedFetch(this: ConsumerGroupLike, nodeId: unknown) {
      const size = sizers.get(this.groupId);
      if (size && typeof this.maxBytesPerPartition === 'number') {
        // Bounded by the whole response's limit (fetch.max.bytes), which the broker keeps to.
        const fit = typeof this.maxBytes === 'number' ? Math.min(largestBatch, this.maxBytes) : largestBatch;
        this.maxBytesPerPartition = Math.max(size(), fit);
      }
      return fetch.call(this, nodeId);
    };
    installed = true;
  } catch {
    // Another kafkajs layout: fetches keep the configured size.
  }
  return installed;
}

/** Messages per partition and fetch to aim for; bytes are bounded by [min, max]. */
export interface FetchSizing {
  messages: number;
  min: number;
  max: number;
}

export const DEFAULT_FETCH_SIZING: FetchSizing = { messages: 1000, min: 64 * 1024, max: 1024 * 1024 };

/**
 * Sizes the fetches of the consumer of `groupId` from the messages it reads: call `observe`
 * with each batch's message count and bytes. Returns null when kafkajs cannot be adjusted.
 */
export function adaptiveFetchSize(groupId: string, sizing: FetchSizing = DEFAULT_FETCH_SIZING, initial = 128 * 1024) {
  if (!install()) return null;
  let current = initial;
  // Average size per message (with Kafka's per-record overhead), smoothed over batches.
  let average: number | undefined;
  sizers.set(groupId, () => current);
  return {
    observe(count: number, bytes: number): void {
      if (count === 0) return;
      const size = bytes / count + 70;
      average = average === undefined ? size : average * 0.7 + size * 0.3;
      current = Math.round(Math.min(sizing.max, Math.max(sizing.min, average * sizing.messages)));
    },
    current: () => current,
    release(): void {
      sizers.delete(groupId);
    },
  };
}
