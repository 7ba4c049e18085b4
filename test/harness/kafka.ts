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
 * Waits until the broker's metadata lists every partition of a new topic with a leader, and that
 * leader serves it (ListOffsets answers). kafkajs's own wait (waitForLeaders) gives up on
 * UNKNOWN_TOPIC_OR_PARTITION, which a KRaft broker answers until its metadata cache has caught up
 * with the controller (seen on a loaded machine), and a KRaft broker lists a leader a moment before
 * that leader hosts the partition (NOT_LEADER_FOR_PARTITION to a consumer that starts at once).
 */
async function waitForTopic(admin: Admin, name: string, partitions: number, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    let last: string;
    try {
      const { topics } = await admin.fetchTopicMetadata({ topics: [name] });
      const found = topics.find((t) => t.name === name)?.partitions ?? [];
      if (found.length === partitions && found.every((p) => p.leader >= 0)) {
        await admin.fetchTopicOffsets(name);
        return;
      }
      last = `${found.length} of ${partitions} partitions with a leader`;
    } catch (error) {
      const type = (error as { type?: string }).type;
      if (type !== 'UNKNOWN_TOPIC_OR_PARTITION' && type !== 'LEADER_NOT_AVAILABLE' && type !== 'NOT_LEADER_FOR_PARTITION') throw error;
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

/**
 * Reads everything `topic` holds, from the beginning to the end of every partition, with a fresh
 * group: at least `count` messages (it waits for them), then on to the partitions' high watermarks
 * as they are once `count` have arrived. Every stored message is returned, duplicates and extras
 * included, so a test comparing lists sees them. Rejects after `timeoutMs`.
 */
export async function readMessages(bootstrap: string, topic: string, count: number, timeoutMs = 20_000): Promise<ReadMessage[]> {
  const kafka = testKafka(bootstrap, 'ckafka-test-consumer');
  const consumer = kafka.consumer({
    groupId: uniqueTopic('ckafka-test-group'),
    maxWaitTimeInMs: 250,
    allowAutoTopicCreation: false,
  });
  const admin = kafka.admin();
  const received: ReadMessage[] = [];
  // Next offset to read per partition, from every batch the consumer got past (control batches too).
  const next = new Map<number, number>();
  let ends: Map<number, { low: number; high: number }> | undefined;
  let fetchingEnds = false;
  const reachedEnds = (): boolean =>
    ends !== undefined && [...ends].every(([partition, { low, high }]) => high <= low || (next.get(partition) ?? low) >= high);
  await Promise.all([consumer.connect(), admin.connect()]);
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      let settled = false;
      const finish = (error?: Error) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        if (error) reject(error);
        else resolve();
      };
      const timer = setTimeout(() => {
        const where = ends ? ` (ends ${JSON.stringify(Object.fromEntries(ends))}, read to ${JSON.stringify(Object.fromEntries(next))})` : '';
        finish(new Error(`read ${received.length} of at least ${count} messages from ${topic} in ${timeoutMs} ms${where}`));
      }, timeoutMs);
      const check = () => {
        if (settled || received.length < count) return;
        if (ends === undefined) {
          if (fetchingEnds) return;
          // The ends are taken once the expected messages are in: anything written later is not waited for.
          fetchingEnds = true;
          void admin.fetchTopicOffsets(topic).then(
            (offsets) => {
              ends = new Map(offsets.map((p) => [p.partition, { low: Number(p.low), high: Number(p.high) }]));
              if (reachedEnds()) finish();
            },
            (error: unknown) => finish(error instanceof Error ? error : new Error(String(error))),
          );
          return;
        }
        if (reachedEnds()) finish();
      };
      consumer.on(consumer.events.END_BATCH_PROCESS, ({ payload }) => {
        const last = Number(payload.lastOffset);
        if (payload.topic === topic && last + 1 > (next.get(payload.partition) ?? 0)) next.set(payload.partition, last + 1);
        check();
      });
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
          },
        })
        .then(check, (error: unknown) => finish(error instanceof Error ? error : new Error(String(error))));
    });
  } finally {
    // Never disconnect inside eachMessage: it waits for the handler to finish.
    await Promise.all([consumer.disconnect(), admin.disconnect()]);
  }
  // In partition and offset order, so tests can compare whole lists.
  return received.sort((a, b) => a.partition - b.partition || Number(a.offset) - Number(b.offset));
}

function headersText(headers: IHeaders | undefined): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (value !== undefined) result[name] = Array.isArray(value) ? value.map(String).join(',') : String(value);
  }
  return result;
}
