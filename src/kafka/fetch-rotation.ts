import ConsumerGroupClass from 'kafkajs/src/consumer/consumerGroup.js';

/*
 * The broker fills a fetch response partition by partition, in the request's order, until the
 * response's limit (fetch.max.bytes) is used up; kafkajs asks for the partitions in the same
 * order every time, so with more data waiting than one response holds, the last partitions got
 * nothing until the first ones were drained. librdkafka and the Java client move the order
 * round; this starts each fetch one partition further.
 */

interface TopicPartitions {
  topic: string;
  partitions: number[];
}

interface ConsumerGroupLike {
  filterPartitionsByNode(nodeId: unknown, topicPartitions: TopicPartitions[]): TopicPartitions[];
}

const turns = new WeakMap<object, number>();
let applied = false;

/** Makes each fetch of a kafkajs consumer start one partition further; once per process. */
export function applyFetchRotation(): void {
  if (applied) return;
  applied = true;
  // A static import: the bundle (scripts/bundle.mjs) must patch its own copy of kafkajs.
  const proto = (ConsumerGroupClass as unknown as { prototype: ConsumerGroupLike }).prototype;
  const filter = proto.filterPartitionsByNode;
  if (typeof filter !== 'function') return;
  proto.filterPartitionsByNode = function rotatedPartitions(this: object, nodeId: unknown, topicPartitions: TopicPartitions[]): TopicPartitions[] {
    const turn = (turns.get(this) ?? 0) + 1;
    turns.set(this, turn);
    return filter.call(this, nodeId, topicPartitions).map(({ topic, partitions }) => ({ topic, partitions: rotate(partitions, turn) }));
  };
}

/** `items` starting at index `by` (modulo its length), wrapping round. */
export function rotate<T>(items: T[], by: number): T[] {
  if (items.length < 2) return items;
  const at = by % items.length;
  return [...items.slice(at), ...items.slice(0, at)];
}
