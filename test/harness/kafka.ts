import { registerCodecs } from '../../src/kafka/codecs/index.js';
import { applyRequestQueueTimerFix } from '../../src/kafka/request-queue-timer.js';
import { randomBytes } from 'node:crypto';
import { Kafka, logLevel, Partitioners, type Admin, type IHeaders, type logCreator } from 'kafkajs';

/** kafkajs log lines at WARN and above, one per line on stderr (its default is INFO on stdout). */
export const stderrLogCreator: logCreator = () => (entry) => {
  const { message, timestamp: _timestamp, logger: _logger, ...extra } = entry.log;
  process.stderr.write(`kafkajs ${entry.label} [${entry.namespace}] ${message} ${JSON.stringify(extra)}\n`);
};

/** A kafkajs client for tests against `bootstrap` ("host:port,host:port"), logging WARN+ to stderr. */
export function testKafka(bootstrap: string, clientId = 'ckafka-test'): Kafka {
  // snappy, lz4 and zstd batches must be readable by the tests' own clients too.
  registerCodecs();
  // The tests' own clients must not print Node 24's TimeoutNegativeWarning either.
  applyRequestQueueTimerFix();
  return new Kafka({
    clientId,
    brokers: bootstrap.split(','),
    logLevel: logLevel.WARN,
    logCreator: stderrLogCreator,
    // About 9 s of retries: enough to ride out a leader failover in a 3-node cluster.
    retry: { retries: 8, initialRetryTime: 100, maxRetryTime: 2000 },
  });
}

/** A topic name no other test (or earlier run) uses: `<prefix>-<time>-<random>`. */
export function uniqueTopic(prefix = 'test'): string {
  const safe = prefix.replace(/[^A-Za-z0-9._-]/g, '-');
  return `${safe}-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;
}

/** A connected kafkajs admin client; disconnect it when done. */
export async function kafkaAdmin(bootstrap: string): Promise<Admin> {
  const admin = testKafka(bootstrap, 'ckafka-test-admin').admin();
  await admin.connect();
  return admin;
}

/** Creates a topic (the broker's default replication factor, optional topic configs) and waits for its leaders. */
export async function createTopic(bootstrap: string, name: string, partitions = 1, configs: Record<string, string> = {}): Promise<void> {
  const admin = await kafkaAdmin(bootstrap);
  try {
    const configEntries = Object.entries(configs).map(([configName, value]) => ({ name: configName, value }));
    const topic = { topic: name, numPartitions: partitions, configEntries };
    const created = await admin.createTopics({ topics: [topic], waitForLeaders: false });
    if (!created) throw new Error(`topic ${name} already exists`);
    await waitForTopic(admin, name, partitions);
  } finally {
    await admin.disconnect();
  }
}

/**
 * Waits until the broker's metadata lists every partition of a new topic with a leader. kafkajs's
 * own wait (waitForLeaders) gives up on UNKNOWN_TOPIC_OR_PARTITION, which a KRaft broker answers
 * until its metadata cache has caught up with the controller (seen on a loaded machine).
 */
async function waitForTopic(admin: Admin, name: string, partitions: number, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    let last: string;
    try {
      const { topics } = await admin.fetchTopicMetadata({ topics: [name] });
      const found = topics.find((t) => t.name === name)?.partitions ?? [];
      if (found.length === partitions && found.every((p) => p.leader >= 0)) return;
      last = `${found.length} of ${partitions} partitions with a leader`;
    } catch (error) {
      const type = (error as { type?: string }).type;
      if (type !== 'UNKNOWN_TOPIC_OR_PARTITION' && type !== 'LEADER_NOT_AVAILABLE') throw error;
      last = type;
    }
    if (Date.now() > deadline) throw new Error(`topic ${name} has no leaders after ${timeoutMs} ms (${last})`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** A message as tests write and read it. */
export interface TestMessage {
  key?: string | null;
  value: string | null;
  headers?: Record<string, string>;
  partition?: number;
}

/** Produces `messages` with acks=all and returns once the broker has them, each exactly once. */
export async function sendMessages(bootstrap: string, topic: string, messages: TestMessage[]): Promise<void> {
  const producer = testKafka(bootstrap, 'ckafka-test-producer').producer({
    createPartitioner: Partitioners.DefaultPartitioner,
    allowAutoTopicCreation: false,
    // A request that times out on a loaded machine is retried: idempotence keeps a retry from
    // storing a message twice (seen as duplicate offsets in tests that compare whole lists).
    idempotent: true,
    maxInFlightRequests: 1,
  });
  await producer.connect();
  try {
    await producer.send({ topic, acks: -1, messages });
  } finally {
    await producer.disconnect();
  }
}

/** A message read back, with its coordinates. */
export interface ReadMessage {
  partition: number;
  offset: string;
  timestamp: string;
  key: string | null;
  value: string | null;
  headers: Record<string, string>;
}

/** Reads the first `count` messages of `topic` from the beginning with a fresh group; rejects after `timeoutMs`. */
export async function readMessages(bootstrap: string, topic: string, count: number, timeoutMs = 20_000): Promise<ReadMessage[]> {
  const consumer = testKafka(bootstrap, 'ckafka-test-consumer').consumer({
    groupId: uniqueTopic('ckafka-test-group'),
    maxWaitTimeInMs: 250,
    allowAutoTopicCreation: false,
  });
  const received: ReadMessage[] = [];
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`read ${received.length} of ${count} messages from ${topic} in ${timeoutMs} ms`)),
        timeoutMs,
      );
      consumer
        .run({
          eachMessage: async ({ partition, message }) => {
            received.push({
              partition,
              offset: message.offset,
              timestamp: message.timestamp,
              key: message.key?.toString('utf8') ?? null,
              value: message.value?.toString('utf8') ?? null,
              headers: headersText(message.headers),
            });
            if (received.length >= count) {
              clearTimeout(timer);
              resolve();
            }
          },
        })
        .catch(reject);
    });
  } finally {
    // Never disconnect inside eachMessage: it waits for the handler to finish.
    await consumer.disconnect();
  }
  // In partition and offset order, so tests can compare whole lists.
  return received.slice(0, count).sort((a, b) => a.partition - b.partition || Number(a.offset) - Number(b.offset));
}

function headersText(headers: IHeaders | undefined): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (value !== undefined) result[name] = Array.isArray(value) ? value.map(String).join(',') : String(value);
  }
  return result;
}
