import { Kafka, logLevel } from 'kafkajs';
import { connect } from 'node:net';
import { applyRequestQueueTimerFix } from '../../src/kafka/request-queue-timer.js';

export interface WaitOptions {
  /** Epoch milliseconds after which waiting fails. */
  deadline: number;
  /** Says why waiting is pointless (e.g. "node-1 exited with 1"), or undefined while all is well. */
  failure: () => string | undefined;
  /**
   * Ask for a group coordinator before calling the cluster ready (default true). It creates
   * __consumer_offsets: false leaves the cluster as a user's new one is, with no group ever seen.
   */
  warmUpGroups?: boolean;
}

/** Waits until a real Metadata request lists `expected` brokers and a group coordinator answers: no sleep. */
export async function waitForBrokers(brokers: string[], expected: number, options: WaitOptions): Promise<void> {
  // No TimeoutNegativeWarning from kafkajs on Node 24 in the test output either.
  applyRequestQueueTimerFix();
  const kafka = new Kafka({
    clientId: 'ckafka-harness-ready',
    brokers,
    logLevel: logLevel.NOTHING,
    connectionTimeout: 1000,
    requestTimeout: 3000,
    retry: { retries: 0 },
  });
  for (;;) {
    const admin = kafka.admin();
    let last: string;
    try {
      await admin.connect();
      const cluster = await admin.describeCluster();
      if (cluster.brokers.length >= expected) {
        if (options.warmUpGroups === false) return;
        // Creates __consumer_offsets and waits for it to load, so the first consumer group in a test
        // does not meet "the coordinator is not available" (or "loading") on a fresh broker.
        await admin.describeGroups(['ckafka-harness-warm-up']);
        return;
      }
      last = `${cluster.brokers.length} of ${expected} brokers registered`;
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    } finally {
      await admin.disconnect().catch(() => undefined);
    }
    await pause(options, last);
  }
}

/** Waits until something accepts TCP connections on 127.0.0.1:`port`. */
export async function waitForPort(port: number, options: WaitOptions): Promise<void> {
  for (;;) {
    let last: string;
    try {
      await new Promise<void>((resolve, reject) => {
        const socket = connect(port, '127.0.0.1', () => {
          socket.destroy();
          resolve();
        });
        socket.once('error', reject);
      });
      return;
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
    await pause(options, last);
  }
}

async function pause(options: WaitOptions, last: string): Promise<void> {
  const failure = options.failure();
  if (failure !== undefined) throw new Error(failure);
  if (Date.now() > options.deadline) throw new Error(`not ready before the deadline (last: ${last})`);
  await new Promise((resolve) => setTimeout(resolve, 200));
}
