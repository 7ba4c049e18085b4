import { Kafka, logLevel, type Producer } from 'kafkajs';
import { describe, expect, it } from 'vitest';
import { producerWithCluster } from '../../../src/kafka/producer-cluster.js';

describe('producerWithCluster', () => {
  it("finds the cluster kafkajs makes for a producer, and leaves the Kafka object as it was", () => {
    const kafka = new Kafka({ brokers: ['127.0.0.1:1'], logLevel: logLevel.NOTHING });
    const symbols = Object.getOwnPropertySymbols(kafka);
    const before = symbols.map((s) => (kafka as unknown as Record<symbol, unknown>)[s]);
    const { producer, cluster } = producerWithCluster(kafka, { allowAutoTopicCreation: false });
    expect(typeof producer.send).toBe('function');
    expect(cluster).toBeDefined();
    expect(typeof cluster!.addTargetTopic).toBe('function');
    expect(symbols.map((s) => (kafka as unknown as Record<symbol, unknown>)[s])).toEqual(before);
    // A second producer gets a cluster of its own.
    expect(producerWithCluster(kafka, {}).cluster).not.toBe(cluster);
  });

  it('without kafkajs private cluster factory: just the producer (the caller falls back to an admin client)', () => {
    const producer = { send: () => undefined } as unknown as Producer;
    const kafka = { producer: () => producer } as unknown as Kafka;
    expect(producerWithCluster(kafka, {})).toEqual({ producer });
  });
});
