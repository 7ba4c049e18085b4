import type { EncodedBatch } from './record-batch.js';

// The idempotent producer's bookkeeping, written for ckafka's own batches (record-batch.ts):
// every partition numbers its records from 0 under one (producer id, epoch), at most 5 batches
// are unacknowledged per partition (the broker remembers the last 5 per producer and answers a
// resent one with its first offset instead of writing it twice), and they go out in order.
//
// After an error the partition stops sending, waits for its batches in flight, then resends
// from the first unacknowledged batch with the same numbers: whatever the broker already has
// comes back as a duplicate, the rest is written once. Only when the broker lacks what comes
// before the first unacknowledged batch (OUT_OF_ORDER_SEQUENCE_NUMBER or UNKNOWN_PRODUCER_ID
// for it: it lost or never got earlier records, or a batch before it failed) are the numbers
// started again, under the next epoch, as the Java client and librdkafka do for an idempotent
// producer (for a producer without transactional id the broker's InitProducerId always hands
// out a new id and ignores the one it is given, so the epoch is bumped locally; a new epoch
// starting at sequence 0 is accepted by every broker since 0.11, and fences the old one). A
// batch whose fate is unknown (a timeout, a lost connection) is never renumbered: it is resent
// with its own numbers until the broker answers, or reported failed as "may have been written".

/** The producer fields of one attempt. */
export interface Stamp {
  producerId: bigint;
  producerEpoch: number;
  baseSequence: number;
}

export interface Delivered {
  /** Offset of the first record; null when the broker only said "duplicate" (very old brokers). */
  baseOffset: string | null;
  logAppendTime: number | null;
}

/** How batches reach the partition leaders (kafkajs's connections in production, a fake in tests). */
export interface Transport {
  /** One produce request with one batch. Rejects with the broker's or the network's error. */
  produce(partition: number, batch: EncodedBatch, stamp: Stamp): Promise<Delivered>;
  /** Fresh metadata (leaders move). */
  refreshMetadata(): Promise<void>;
  /** A new producer id (InitProducerId), for when a partition's epoch is exhausted. */
  newProducerId(): Promise<{ producerId: bigint; producerEpoch: number }>;
  sleep(ms: number): Promise<void>;
}

export interface RetryPolicy {
  /** Rounds of resending without progress before a partition's unacknowledged batches fail. */
  retries: number;
  initialRetryTime: number;
  maxRetryTime: number;
}

/** Thrown for a batch given up on: `unknown` says whether the broker may have written it. */
export class BatchFailed extends Error {
  constructor(
    override readonly cause: unknown,
    readonly unknown: boolean,
    readonly attempts: number,
  ) {
    super(describe(cause), { cause });
    this.name = 'BatchFailed';
  }
}

/** The most batches of one partition without an answer (the broker keeps 5 per producer). */
export const MAX_UNACKNOWLEDGED = 5;
const MAX_EPOCH = 0x7fff;
const SEQUENCE_MODULUS = 0x8000_0000;

/** What an error says about a batch that got it. */
type Kind =
  /** Not written, and the broker lacks the records before it: a gap (if the batch was the first unacknowledged). */
  | 'sequence'
  /** Not written; sending again may work (leader moved, too few replicas, not connected). */
  | 'retry'
  /** Maybe written (timeout, connection lost after sending): only ever resent with the same numbers. */
  | 'unknown'
  /** Not written, and sending again will not help (too large, not authorised, corrupt). */
  | 'fatal'
  /** Written (an old broker's DUPLICATE_SEQUENCE_NUMBER). */
  | 'duplicate';

const SEQUENCE = new Set(['OUT_OF_ORDER_SEQUENCE_NUMBER', 'UNKNOWN_PRODUCER_ID']);
const NOT_WRITTEN = new Set([
  'NOT_LEADER_FOR_PARTITION',
  'LEADER_NOT_AVAILABLE',
  'UNKNOWN_TOPIC_OR_PARTITION',
  'NOT_ENOUGH_REPLICAS',
  'FENCED_LEADER_EPOCH',
  'UNKNOWN_LEADER_EPOCH',
  'PREFERRED_LEADER_NOT_AVAILABLE',
  'NOT_CONTROLLER',
]);

/** Marks an error raised before the request reached a connection (nothing was sent). */
export class NotSent extends Error {
  constructor(override readonly cause: unknown) {
    super(describe(cause), { cause });
    this.name = 'NotSent';
  }
}

export function classify(error: unknown): Kind {
  if (error instanceof NotSent) return 'retry';
  const e = error as { type?: string; name?: string; retriable?: boolean } | null;
  const type = e?.type ?? '';
  if (type === 'DUPLICATE_SEQUENCE_NUMBER') return 'duplicate';
  if (SEQUENCE.has(type)) return 'sequence';
  if (NOT_WRITTEN.has(type)) return 'retry';
  if (e?.name === 'KafkaJSProtocolError' && e.retriable !== true) return 'fatal';
  // A refused connection: the request never left.
  if (e?.name === 'KafkaJSConnectionError' && (error as { code?: string }).code === 'ECONNREFUSED') return 'retry';
  // Timeouts (the broker's REQUEST_TIMED_OUT, NOT_ENOUGH_REPLICAS_AFTER_APPEND, the client's own),
  // closed connections, anything else: the request may have been written.
  return 'unknown';
}

interface Flight {
  batch: EncodedBatch;
  stamp: Stamp | null;
  /** Some attempt may have been written. */
  unknown: boolean;
  /** To be sent (again) by the recovery. */
  resend: boolean;
  attempts: number;
  error: unknown;
  kind: Kind | null;
  /** The error came back while this batch was the first unacknowledged one. */
  first: boolean;
  resolve(d: Delivered): void;
  reject(e: BatchFailed): void;
}

/** Sends batches of one topic idempotently; one instance per producer. */
export class IdempotentSender {
  private readonly lines = new Map<number, PartitionLine>();

  constructor(
    private readonly transport: Transport,
    private producer: { producerId: bigint; producerEpoch: number },
    private readonly retry: RetryPolicy,
  ) {}

  /** Resolves when the broker acknowledged the batch, rejects with BatchFailed. */
  send(partition: number, batch: EncodedBatch): Promise<Delivered> {
    let line = this.lines.get(partition);
    if (!line) {
      line = new PartitionLine(partition, this.transport, this.retry, this.producer, () => this.nextProducer());
      this.lines.set(partition, line);
    }
    return line.send(batch);
  }

  /** A partition ran out of epochs: a new producer id for it (and for partitions after it). */
  private async nextProducer(): Promise<{ producerId: bigint; producerEpoch: number }> {
    this.producer = await this.transport.newProducerId();
    return this.producer;
  }
}

/**
 * One partition's batches. Modes: `normal` sends up to 5 unacknowledged batches; after an error,
 * `draining` waits for the others in flight; `recovering` decides (same numbers, or a new epoch,
 * or give up), waits and refreshes metadata; `resending` sends the unacknowledged batches again
 * one at a time, then the partition is `normal` again.
 */
class PartitionLine {
  private producerId: bigint;
  private epoch: number;
  private nextSequence = 0;
  private readonly waiting: Flight[] = [];
  /** Numbered and sent (or to be sent again), in sequence order. */
  private readonly unacked: Flight[] = [];
  private inFlight = 0;
  private mode: 'normal' | 'draining' | 'recovering' | 'resending' = 'normal';
  /** Recovery rounds since the last acknowledgement. */
  private rounds = 0;
  /** Batches were given up: the next one starts a new epoch. */
  private bumpBeforeNext = false;

  constructor(
    private readonly partition: number,
    private readonly transport: Transport,
    private readonly retry: RetryPolicy,
    producer: { producerId: bigint; producerEpoch: number },
    private readonly nextProducer: () => Promise<{ producerId: bigint; producerEpoch: number }>,
  ) {
    this.producerId = producer.producerId;
    this.epoch = producer.producerEpoch;
  }

  send(batch: EncodedBatch): Promise<Delivered> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ batch, stamp: null, unknown: false, resend: false, attempts: 0, error: undefined, kind: null, first: false, resolve, reject });
      this.pump();
    });
  }

  /** Sends waiting batches while the partition is healthy and fewer than 5 are unacknowledged. */
  private pump(): void {
    if (this.mode !== 'normal') return;
    if (this.bumpBeforeNext && this.waiting.length > 0) {
      this.mode = 'recovering';
      this.bump().then(
        () => {
          this.mode = 'normal';
          this.pump();
        },
        (error: unknown) => {
          this.mode = 'normal';
          for (const f of this.waiting.splice(0)) f.reject(new BatchFailed(error, false, 0));
        },
      );
      return;
    }
    while (this.unacked.length < MAX_UNACKNOWLEDGED && this.waiting.length > 0) {
      const flight = this.waiting.shift()!;
      this.number(flight);
      this.unacked.push(flight);
      this.issue(flight);
    }
  }

  private number(flight: Flight): void {
    flight.stamp = { producerId: this.producerId, producerEpoch: this.epoch, baseSequence: this.nextSequence };
    this.nextSequence = (this.nextSequence + flight.batch.count) % SEQUENCE_MODULUS;
  }

  private issue(flight: Flight): void {
    this.inFlight += 1;
    flight.attempts += 1;
    flight.resend = false;
    flight.kind = null;
    let promise: Promise<Delivered>;
    try {
      promise = this.transport.produce(this.partition, flight.batch, flight.stamp!);
    } catch (error) {
      promise = Promise.reject(error);
    }
    promise.then(
      (delivered) => this.acknowledged(flight, delivered),
      (error: unknown) => this.failed(flight, error),
    );
  }

  private acknowledged(flight: Flight, delivered: Delivered): void {
    this.inFlight -= 1;
    const i = this.unacked.indexOf(flight);
    if (i >= 0) this.unacked.splice(i, 1);
    this.rounds = 0;
    flight.resolve(delivered);
    this.next();
  }

  private failed(flight: Flight, error: unknown): void {
    const kind = classify(error);
    if (kind === 'duplicate') return this.acknowledged(flight, { baseOffset: null, logAppendTime: null });
    this.inFlight -= 1;
    flight.error = error;
    flight.kind = kind;
    flight.first = this.unacked[0] === flight;
    if (kind === 'unknown') flight.unknown = true;
    if (this.mode === 'normal' || this.mode === 'resending') this.mode = 'draining';
    this.next();
  }

  /** After every answer: go on sending, or recover once nothing of this partition is in flight. */
  private next(): void {
    if (this.mode === 'normal') return this.pump();
    if (this.inFlight > 0) return;
    if (this.mode === 'resending') {
      const again = this.unacked.find((f) => f.resend);
      if (again === undefined) {
        this.mode = 'normal';
        return this.pump();
      }
      return this.issue(again);
    }
    if (this.mode === 'draining') {
      this.mode = 'recovering';
      this.recover().catch((error: unknown) => this.giveUp(error));
    }
  }

  private async recover(): Promise<void> {
    this.rounds += 1;
    const head = this.unacked[0];
    if (head === undefined) {
      this.mode = 'normal';
      return this.pump();
    }
    if (this.rounds > this.retry.retries) return this.giveUp(head.error);
    if (head.kind === 'fatal') {
      // Refused for good: that batch fails; the ones after it would follow a gap: a new epoch.
      this.unacked.shift();
      head.reject(new BatchFailed(head.error, head.unknown, head.attempts));
      if (this.unacked.length > 0) await this.restartNumbering();
      else this.bumpBeforeNext = true;
    } else if (head.kind === 'sequence' && head.first) {
      await this.restartNumbering();
    }
    if (this.unacked.length === 0) {
      this.mode = 'normal';
      return this.pump();
    }
    await this.transport.sleep(this.backoff());
    await this.transport.refreshMetadata().catch(() => undefined);
    for (const f of this.unacked) f.resend = true;
    this.mode = 'resending';
    this.issue(this.unacked[0]!);
  }

  /**
   * The broker lacks records before the first unacknowledged batch: a new epoch, numbered from 0.
   * A batch that may have been written is not renumbered (it could be written twice): it fails.
   */
  private async restartNumbering(): Promise<void> {
    await this.bump();
    const keep: Flight[] = [];
    for (const f of this.unacked.splice(0)) {
      if (f.unknown) f.reject(new BatchFailed(f.error, true, f.attempts));
      else keep.push(f);
    }
    for (const f of keep) {
      this.number(f);
      this.unacked.push(f);
    }
  }

  private async bump(): Promise<void> {
    if (this.epoch < MAX_EPOCH) this.epoch += 1;
    else ({ producerId: this.producerId, producerEpoch: this.epoch } = await this.nextProducer());
    this.nextSequence = 0;
    this.bumpBeforeNext = false;
  }

  /** Out of retries: every unacknowledged batch fails; the next batch starts a new epoch. */
  private giveUp(error: unknown): void {
    for (const f of this.unacked.splice(0)) f.reject(new BatchFailed(f.error ?? error, f.unknown, f.attempts));
    this.bumpBeforeNext = true;
    this.rounds = 0;
    this.mode = 'normal';
    this.pump();
  }

  private backoff(): number {
    const { initialRetryTime, maxRetryTime } = this.retry;
    return Math.min(maxRetryTime, initialRetryTime * 2 ** (this.rounds - 1));
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
