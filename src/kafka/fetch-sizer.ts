import ConsumerGroupClass from 'kafkajs/src/consumer/consumerGroup.js';

/*
 * How much each fetch asks for per partition. Fewer, larger fetches save round trips and
 * kafkajs's work per fetch; smaller ones bound the memory a response takes (it stays until its
 * messages are written, see response-socket.ts). Records are read in place (record-block.ts), so
 * their number per fetch costs nothing more: measured on a million 100-byte messages
 * (bench/consume.sh), about 4000 per partition and fetch used a fifth less CPU than 1000 and no
 * less than 8000. kafkajs reads the limit from its consumer group object before each fetch;
 * this sets it there from the message sizes seen so far, up to 1 MiB.
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

export const DEFAULT_FETCH_SIZING: FetchSizing = { messages: 4000, min: 64 * 1024, max: 1024 * 1024 };

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
