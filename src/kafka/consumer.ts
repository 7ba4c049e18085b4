import { randomUUID } from 'node:crypto';
import type { Admin, Consumer, ConsumerConfig, EachBatchPayload, Kafka } from 'kafkajs';
import type { ClientSettings, ConsumerSettings } from '../config/types.js';
import { CkafkaError } from '../errors/errors.js';
import { t } from '../i18n/index.js';
import { translateKafkaError } from './errors.js';
import { applyDecodeSpeedups } from './decode-speedups.js';
import { applyFastFetchDecode } from './fetch-decoder.js';
import { applyFetchPositions } from './fetch-position.js';
import { adaptiveFetchSize } from './fetch-sizer.js';
import { fixedAssigner } from './fixed-assigner.js';
import type { EndPosition, StartPosition, Watermarks } from './offsets.js';
import type { MessageList } from './records.js';
import { BlockBatch } from './block-batch.js';
import { consumedMessage } from './consumed-message.js';
import { withGroupHint } from './group-hints.js';
import { COORDINATOR_WAIT_MS, coordinatorNotReady, coordinatorWait, isCoordinatorError, withCoordinatorRetry } from './coordinator-retry.js';
import { committedOffsets, startOffsets, topicPartitionIds, topicWatermarks, untilOffsets } from './topic-offsets.js';

/** As a member of a group, or chosen partitions (all when not given) without one. */
export type ConsumeMode = { kind: 'group'; groupId: string } | { kind: 'partitions'; partitions?: number[] };

export interface TopicConsumerOptions {
  topic: string;
  mode: ConsumeMode;
  client: ClientSettings;
  settings: ConsumerSettings;
  /** --from; without it a group resumes at its committed offsets, else at auto.offset.reset. */
  start?: StartPosition;
  /** --until: where each partition stops, worked out before joining (see TopicConsumer.untilOffsets). */
  until?: EndPosition;
  /** Size fetches from the messages seen (max.partition.fetch.bytes was not set); see fetch-sizer.ts. */
  adaptiveFetch?: boolean;
  /** What errors say was being done (default "consume from 'topic'"), e.g. "check 'topic'". */
  action?: string;
  /** How long joining may wait for the group coordinator (a new cluster, a moved coordinator); default COORDINATOR_WAIT_MS. */
  coordinatorWaitMs?: number;
}

/** The partitions this member now reads, where it starts in each and how far each reaches. */
export interface Assignment {
  partitions: number[];
  positions: Map<number, bigint>;
  highs: Map<number, bigint>;
}

export interface FetchedBatch {
  partition: number;
  messages: MessageList;
  highWatermark: bigint;
  /** The offset after this batch (past transaction markers too). */
  next: bigint;
  /** Tells the group this member is alive while the batch waits (a slow reader of stdout). */
  heartbeat(): Promise<void>;
  /**
   * Says nothing reads the messages (nor bytes rendered from them in place) any more, so the
   * fetched bytes may be reused; never called when unsure (then they are garbage as usual).
   */
  release?(): void;
}

export interface ConsumerHandlers {
  /** The group gave this member these partitions (called before their first fetch). */
  onAssign(partitions: number[]): void;
  /** Where reading starts in each, once worked out (a batch may arrive first). */
  onPositions(assignment: Assignment): void;
  /** Resolve once the batch is dealt with; the next fetch waits for it. */
  onBatch(batch: FetchedBatch): Promise<void>;
  /** A fetch with nothing to show (only transaction markers) still moved the position. */
  onSkip(partition: number, next: bigint, high: bigint): void;
  /** The consumer stopped on an error it will not recover from. */
  onCrash(error: CkafkaError): void;
  /** The consumer stopped on a transient error (a broker went away) and starts again. */
  onRestart?(error: CkafkaError): void;
}

export interface TopicConsumer {
  readonly topic: string;
  /** The partitions that may be read: the chosen ones, or all of the topic's. */
  readonly partitions: number[];
  /** The user's group, or null when reading partitions without one. */
  readonly groupId: string | null;
  /** High watermarks when opened: where `-e` stops. */
  readonly endOffsets: Map<number, bigint>;
  /** Where reading starts in each partition when that is known before joining (chosen partitions), else null. */
  readonly knownStarts: Map<number, bigint> | null;
  /** --until per partition (every partition of the topic); a time no message has reached yet leaves the partition out. */
  readonly untilOffsets: Map<number, bigint>;
  /** Joins and starts fetching; resolves after the first assignment (or a crash). */
  run(handlers: ConsumerHandlers): Promise<void>;
  commit(offsets: Map<number, bigint>): Promise<void>;
  /**
   * Messages the group has left to read in `partitions` up to endOffsets (from its committed
   * offsets, else auto.offset.reset): what other members (or a dead one) hold but have not read.
   */
  remaining(partitions: number[]): Promise<Map<number, bigint>>;
  /**
   * Asks kafkajs not to fetch again, without waiting: called from inside onBatch when the last
   * wanted batch is done, it spares the long poll (fetch.wait.max.ms) that stopping from outside
   * waits for. Commit before: kafkajs ignores commits once stopped. close() is still needed.
   */
  stopFetching(): void;
  /** Fetches no more from these partitions (they reached --until); a no-op before run(). */
  pause(partitions: number[]): void;
  /** Stops fetching and leaves the group; never call it from inside onBatch. */
  close(): Promise<void>;
}

/** Restarts after transient failures in a row, with no successful group join between them. */
const MAX_RESTARTS = 3;

/** Connects, checks the topic (never creating it) and works out where reading starts. */
export async function openTopicConsumer(kafka: Kafka, options: TopicConsumerOptions): Promise<TopicConsumer> {
  const { topic, mode } = options;
  applyDecodeSpeedups();
  applyFastFetchDecode();
  applyFetchPositions();
  const admin = kafka.admin();
  try {
    await admin.connect();
    const all = await topicPartitionIds(admin, topic);
    const chosen = mode.kind === 'partitions' && mode.partitions ? mode.partitions : all;
    const missing = chosen.filter((p) => !all.includes(p));
    if (missing.length > 0) {
      throw new CkafkaError('broker', t.kafka.noSuchPartitions(topic, missing.join(', '), all.join(', ')));
    }
    const watermarks = await topicWatermarks(admin, topic);
    // Reading partitions without a group starts where asked, else at auto.offset.reset.
    const start = options.start ?? (mode.kind === 'partitions' ? { kind: options.settings.autoOffsetReset } : undefined);
    const targets = start ? await startOffsets(admin, topic, start, watermarks, chosen) : new Map<number, bigint>();
    const endOffsets = new Map([...watermarks].map(([p, w]) => [p, w.high]));
    const until = options.until ? await untilOffsets(admin, topic, options.until, watermarks, chosen) : new Map<number, bigint>();
    const consumer = new KafkajsTopicConsumer(kafka, admin, options, chosen, watermarks, targets, endOffsets);
    consumer.untilOffsets = until;
    return consumer;
  } catch (error) {
    await admin.disconnect().catch(() => undefined);
    throw translateKafkaError(error, { action: options.action ?? t.kafka.actionConsume(topic), brokers: options.client.brokers });
  }
}

class KafkajsTopicConsumer implements TopicConsumer {
  readonly groupId: string | null;
  /** Set once by openTopicConsumer. */
  untilOffsets = new Map<number, bigint>();
  private consumer: Consumer | undefined;
  /** Partitions this process has been given before: --from applies only the first time. */
  private readonly seen = new Set<number>();
  /** Next offset per partition as far as this process has read (to resume after a rejoin). */
  private readonly reached = new Map<number, bigint>();
  private generation = 0;
  private readonly kafkaGroupId: string;
  private sizer: ReturnType<typeof adaptiveFetchSize> = null;
  private crashesSinceJoin = 0;
  private closing = false;
  /** False between a crash and the next join: kafkajs has no group to commit to then. */
  private joinedNow = false;
  /** Until when coordinator errors restart the consumer (set by the first of a run of them, cleared by a join). */
  private coordinatorUntil: number | null = null;
  private coordinatorSince = 0;
  /** The group's offsets when it joined first, so the first assignment's start positions are known at once. */
  private initialCommitted = new Map<number, bigint>();

  constructor(
    private readonly kafka: Kafka,
    private readonly admin: Admin,
    private readonly options: TopicConsumerOptions,
    readonly partitions: number[],
    private readonly watermarks: Map<number, Watermarks>,
    private readonly targets: Map<number, bigint>,
    readonly endOffsets: Map<number, bigint>,
  ) {
    const { mode } = options;
    this.groupId = mode.kind === 'group' ? mode.groupId : null;
    // kafkajs reads only as a group member: chosen partitions use a throwaway group, deleted on close.
    this.kafkaGroupId = mode.kind === 'group' ? mode.groupId : `ckafka-partitions-${randomUUID()}`;
  }

  get knownStarts(): Map<number, bigint> | null {
    return this.groupId === null ? this.targets : null;
  }

  get topic(): string {
    return this.options.topic;
  }

  async run(handlers: ConsumerHandlers): Promise<void> {
    const { topic, settings, mode } = this.options;
    const config: ConsumerConfig = {
      groupId: this.kafkaGroupId,
      sessionTimeout: settings.sessionTimeout,
      heartbeatInterval: settings.heartbeatInterval,
      rebalanceTimeout: Math.max(30_000, settings.sessionTimeout),
      maxWaitTimeInMs: settings.maxWaitTimeInMs,
      maxBytes: settings.maxBytes,
      maxBytesPerPartition: settings.maxBytesPerPartition,
      allowAutoTopicCreation: false,
      // kafkajs restarts a consumer that failed on a transient error (a broker died, the group
      // coordinator moved), by default for ever. Restart while it recovers in between; after a
      // few failures in a row with no successful join, report the error and end the command.
      retry: { ...this.options.client.retry, restartOnFailure: async (error) => this.restartAfter(error) },
    };
    if (mode.kind === 'partitions') config.partitionAssigners = [fixedAssigner(topic, this.partitions)];
    if (this.options.adaptiveFetch) {
      this.sizer = adaptiveFetchSize(this.kafkaGroupId);
      if (this.sizer) config.maxBytesPerPartition = this.sizer.current();
    }
    const consumer = this.kafka.consumer(config);
    this.consumer = consumer;
    const { CRASH, GROUP_JOIN, END_BATCH_PROCESS } = consumer.events;
    consumer.on(CRASH, ({ payload }) => {
      this.joinedNow = false;
      const coordinator = isCoordinatorError(payload.error);
      if (payload.restart) {
        // A coordinator that is not ready is said once per wait, not at every restart.
        if (coordinator && this.coordinatorSince !== 0) return;
        if (coordinator) this.coordinatorSince = Date.now();
        const error = coordinator
          ? new CkafkaError('broker', t.kafka.coordinatorWaiting(this.describe(), payload.error.message, Math.round(this.coordinatorWaitMs() / 1000)))
          : withGroupHint(translateKafkaError(payload.error, { action: this.describe(), brokers: this.options.client.brokers }));
        handlers.onRestart?.(error);
        return;
      }
      const what = { groupId: this.kafkaGroupId, action: this.describe() };
      handlers.onCrash(coordinator
        ? coordinatorNotReady(payload.error, what, Date.now() - (this.coordinatorSince || Date.now()))
        : withGroupHint(translateKafkaError(payload.error, { action: this.describe(), brokers: this.options.client.brokers })));
    });
    consumer.on(GROUP_JOIN, ({ payload }) => {
      this.crashesSinceJoin = 0;
      this.coordinatorUntil = null;
      this.coordinatorSince = 0;
      this.joinedNow = true;
      this.onJoin(payload.memberAssignment[topic] ?? [], handlers);
    });
    consumer.on(END_BATCH_PROCESS, ({ payload }) => {
      if (payload.batchSize === 0 && payload.topic === topic) {
        const next = BigInt(payload.lastOffset) + 1n;
        this.reached.set(payload.partition, next);
        handlers.onSkip(payload.partition, next, BigInt(payload.highWatermark));
      }
    });
    try {
      // A new cluster's first group waits here for its coordinator (see coordinator-retry.ts),
      // alongside connecting: kafkajs's consumer gives up on "coordinator not found" at once.
      const ready = this.coordinatorReady();
      ready.catch(() => undefined);
      await consumer.connect();
      await consumer.subscribe({ topic, fromBeginning: settings.autoOffsetReset === 'earliest' });
      this.initialCommitted = await ready;
      await consumer.run({
        autoCommit: false,
        eachBatch: async (payload) => this.eachBatch(payload, handlers),
      });
    } catch (error) {
      throw translateKafkaError(error, { action: this.describe(), brokers: this.options.client.brokers });
    }
  }

  /** Once the group's coordinator answers: the group's committed offsets (none without a group of the user's). */
  private async coordinatorReady(): Promise<Map<number, bigint>> {
    const { mode, topic } = this.options;
    const wait = coordinatorWait(this.kafkaGroupId, this.describe(), { ms: this.coordinatorWaitMs() });
    if (mode.kind === 'group') return withCoordinatorRetry(() => committedOffsets(this.admin, mode.groupId, topic), wait);
    await withCoordinatorRetry(() => this.admin.describeGroups([this.kafkaGroupId]), wait);
    return new Map();
  }

  private coordinatorWaitMs(): number {
    return this.options.coordinatorWaitMs ?? COORDINATOR_WAIT_MS;
  }

  /** Whether kafkajs restarts after `error`: while a coordinator gets ready (within the wait), else a few times. */
  private restartAfter(error: unknown): boolean {
    if (this.closing) return false;
    if (isCoordinatorError(error)) {
      this.coordinatorUntil ??= Date.now() + this.coordinatorWaitMs();
      return Date.now() < this.coordinatorUntil;
    }
    return (this.crashesSinceJoin += 1) <= MAX_RESTARTS;
  }

  private describe(): string {
    const { topic } = this.options;
    if (this.options.action !== undefined) return this.options.action;
    return this.groupId === null ? t.kafka.actionConsume(topic) : t.kafka.actionConsumeInGroup(topic, this.groupId);
  }

  private onJoin(partitions: number[], handlers: ConsumerHandlers): void {
    const generation = (this.generation += 1);
    handlers.onAssign([...partitions].sort((a, b) => a - b));
    const seeks = new Map<number, bigint>();
    for (const p of partitions) {
      // Seek now, synchronously: kafkajs emits this event just before its first fetch.
      const first = !this.seen.has(p);
      const target = first ? this.targets.get(p) : this.groupId === null ? this.reached.get(p) : undefined;
      this.seen.add(p);
      if (target === undefined) continue;
      seeks.set(p, target);
      this.consumer?.seek({ topic: this.options.topic, partition: p, offset: target.toString() });
    }
    if (generation === 1) {
      // Known from when it opened: said before the first batch is printed.
      handlers.onPositions(this.assignment(partitions, seeks, this.watermarks, this.initialCommitted));
      return;
    }
    void this.positions(partitions, seeks).then(
      (a) => {
        if (generation === this.generation) handlers.onPositions(a);
      },
      (error: unknown) => handlers.onCrash(translateKafkaError(error, { action: this.describe() })),
    );
  }

  /** After a rebalance: where each partition starts, with the group's offsets as they are now. */
  private async positions(partitions: number[], seeks: Map<number, bigint>): Promise<Assignment> {
    const { topic } = this.options;
    const fresh = partitions.length > 0 ? await topicWatermarks(this.admin, topic) : this.watermarks;
    const groupId = this.groupId;
    const committed = groupId !== null && partitions.some((p) => !seeks.has(p))
      ? await withCoordinatorRetry(() => committedOffsets(this.admin, groupId, topic), coordinatorWait(groupId, this.describe(), { ms: this.coordinatorWaitMs() }))
      : new Map<number, bigint>();
    return this.assignment(partitions, seeks, fresh, committed);
  }

  /** The seek, else the committed offset, else auto.offset.reset (also for an offset out of range, as kafkajs does). */
  private assignment(partitions: number[], seeks: Map<number, bigint>, watermarks: Map<number, Watermarks>, committed: Map<number, bigint>): Assignment {
    const reset = this.options.settings.autoOffsetReset;
    const positions = new Map<number, bigint>();
    const highs = new Map<number, bigint>();
    for (const p of partitions) {
      const w = watermarks.get(p) ?? this.watermarks.get(p) ?? { low: 0n, high: 0n };
      highs.set(p, w.high);
      const c = seeks.get(p) ?? committed.get(p);
      const valid = c !== undefined && c >= w.low && c <= w.high;
      positions.set(p, valid ? c : reset === 'earliest' ? w.low : w.high);
    }
    return { partitions: [...partitions].sort((a, b) => a - b), positions, highs };
  }

  private async eachBatch({ batch, isRunning, isStale, heartbeat }: EachBatchPayload, handlers: ConsumerHandlers): Promise<void> {
    // A fetch decoded into a RecordBlock (fetch-decoder.ts) hands it on; kafkajs's own decoding (old formats) its objects.
    const fetched = batch as unknown as BlockBatch;
    const block = fetched instanceof BlockBatch ? fetched.messages : null;
    if (!isRunning() || isStale()) return block?.release();
    const { topic, partition } = batch;
    const messages: MessageList = block ?? batch.messages.map((m) => consumedMessage(topic, partition, m));
    if (this.sizer) {
      let bytes = 0;
      if (block) bytes = block.payloadBytes();
      else for (const m of messages) bytes += (m.key?.length ?? 0) + (m.value?.length ?? 0);
      this.sizer.observe(messages.length, bytes);
    }
    const next = BigInt(batch.lastOffset()) + 1n;
    const release = block ? () => block.release() : undefined;
    await handlers.onBatch({ partition, messages, highWatermark: BigInt(batch.highWatermark), next, heartbeat, ...(release ? { release } : {}) });
    this.reached.set(partition, next);
  }

  async commit(offsets: Map<number, bigint>): Promise<void> {
    if (!this.consumer || offsets.size === 0) return;
    if (!this.joinedNow) {
      throw new CkafkaError('unreachable', t.kafka.commitWhileReconnecting(this.kafkaGroupId), {
        hint: t.kafka.commitReadAgainHint,
      });
    }
    const topic = this.options.topic;
    const consumer = this.consumer;
    // kafkajs resolves commitOffsets without committing when its runner is not running: after a
    // fetch failed and before the CRASH event (when joinedNow turns false), or when the runner
    // stops while a commit is being retried. Only its COMMIT_OFFSETS event, emitted once the
    // coordinator acknowledged every partition, says the group stored the offsets.
    const acked = new Map<number, string>();
    const stopListening = consumer.on(consumer.events.COMMIT_OFFSETS, ({ payload }) => {
      for (const t of payload.topics) if (t.topic === topic) for (const p of t.partitions) acked.set(Number(p.partition), String(p.offset));
    });
    try {
      const wait = coordinatorWait(this.kafkaGroupId, t.kafka.actionCommitOffsets(this.kafkaGroupId), { ms: this.coordinatorWaitMs() });
      await withCoordinatorRetry(() => consumer.commitOffsets([...offsets].map(([partition, offset]) => ({ topic, partition, offset: offset.toString() }))), wait);
    } catch (error) {
      throw translateKafkaError(error, { action: t.kafka.actionCommitOffsets(this.kafkaGroupId) });
    } finally {
      stopListening();
    }
    const unacked = [...offsets].filter(([p, o]) => acked.get(p) !== o.toString());
    if (unacked.length > 0) {
      throw new CkafkaError('unreachable', t.kafka.commitNotStored(this.kafkaGroupId, unacked.map(([p, o]) => `${p}:${o}`).join(' ')), {
        hint: t.kafka.commitReadAgainHint,
      });
    }
  }

  async remaining(partitions: number[]): Promise<Map<number, bigint>> {
    const groupId = this.groupId;
    const out = new Map<number, bigint>();
    if (groupId === null || partitions.length === 0) return out;
    const wait = coordinatorWait(groupId, this.describe(), { ms: this.coordinatorWaitMs() });
    const committed = await withCoordinatorRetry(() => committedOffsets(this.admin, groupId, this.options.topic), wait);
    const earliest = this.options.settings.autoOffsetReset === 'earliest';
    for (const p of partitions) {
      const end = this.endOffsets.get(p) ?? 0n;
      const from = committed.get(p) ?? (earliest ? (this.watermarks.get(p)?.low ?? 0n) : end);
      out.set(p, end > from ? end - from : 0n);
    }
    return out;
  }

  stopFetching(): void {
    void this.consumer?.stop().catch(() => undefined);
  }

  pause(partitions: number[]): void {
    this.consumer?.pause([{ topic: this.options.topic, partitions }]);
  }

  async close(): Promise<void> {
    this.closing = true;
    this.sizer?.release();
    try {
      await this.consumer?.disconnect();
      // The throwaway group has no offsets and no members now: remove it so it is not listed.
      if (this.groupId === null && this.consumer) await this.admin.deleteGroups([this.kafkaGroupId]).catch(() => undefined);
    } finally {
      await this.admin.disconnect().catch(() => undefined);
    }
  }
}
