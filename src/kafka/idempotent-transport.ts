import type { CompressionTypes } from 'kafkajs';
import { t } from '../i18n/index.js';
import type { ProducerCluster } from './producer-cluster.js';
import { NotSent, type Transport } from './idempotent-sender.js';
import { batchMessage } from './record-batch-request.js';

// The idempotent path's way to the brokers: kafkajs's cluster (metadata, connections, SASL/TLS)
// and its Broker.produce, whose request body record-batch-request.ts writes from our batch with
// the producer id, epoch and sequence given here. kafkajs's own producer (its send() and its
// retries, and its sequence numbers, which count kafkajs messages, not records) stays out of it.

/** InitProducerId without transactional id: any broker hands out a producer id. */
const INIT_ATTEMPTS = 5;

export function clusterTransport(cluster: ProducerCluster, topic: string, options: { timeoutMs: number; compression: CompressionTypes }): Transport {
  return {
    async produce(partition, batch, stamp) {
      let broker;
      try {
        const leaders = cluster.findLeaderForPartitions(topic, [partition]);
        const nodeId = Object.keys(leaders)[0];
        if (nodeId === undefined || Number(nodeId) < 0) throw new Error(t.kafka.noLeaderKnown(topic, partition));
        broker = await cluster.findBroker({ nodeId: Number(nodeId) });
      } catch (error) {
        throw new NotSent(error);
      }
      const message = batchMessage(partition, batch, () => {
        throw new Error(t.kafka.brokerTooOldForIdempotence(topic, partition));
      });
      const response = await broker.produce({
        topicData: [{ topic, partitions: [{ partition, firstSequence: stamp.baseSequence, messages: [message] }] }],
        producerId: stamp.producerId,
        producerEpoch: stamp.producerEpoch,
        acks: -1,
        timeout: options.timeoutMs,
        compression: options.compression,
      });
      const answer = response.topics[0]?.partitions[0];
      if (answer === undefined) throw new Error(t.kafka.produceResponseWithoutPartition(topic, partition));
      const appendTime = Number(answer.logAppendTime);
      return { baseOffset: answer.baseOffset, logAppendTime: appendTime >= 0 ? appendTime : null };
    },
    refreshMetadata: () => cluster.refreshMetadata(),
    async newProducerId() {
      for (let attempt = 1; ; attempt++) {
        try {
          const broker = await cluster.findControllerBroker();
          const r = await broker.initProducerId({ transactionTimeout: 60_000 });
          return { producerId: BigInt(String(r.producerId)), producerEpoch: r.producerEpoch };
        } catch (error) {
          const retriable = (error as { retriable?: boolean }).retriable === true;
          if (!retriable || attempt >= INIT_ATTEMPTS) throw error;
          await sleep(100 * 2 ** attempt);
        }
      }
    },
    sleep,
  };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
