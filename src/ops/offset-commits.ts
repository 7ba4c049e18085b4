import type { CkafkaError } from '../errors/errors.js';

/**
 * The offsets written to stdout per partition, and their commits: one commit in flight at a time
 * (a newer request folds into the next one), only for partitions this member holds, and a last
 * one on the way out. Nothing is committed that was not written first.
 */
export class OffsetCommits {
  /** Next offset after the last message written, per partition. */
  private readonly written = new Map<number, bigint>();
  /** What the group has, as far as this process committed it. */
  readonly committed = new Map<number, bigint>();
  private held: number[] = [];
  private running: Promise<void> | null = null;
  private wanted = false;
  private last: Promise<void> | undefined;

  constructor(
    private readonly commit: ((offsets: Map<number, bigint>) => Promise<void>) | null,
    private readonly onError: (error: CkafkaError) => void,
  ) {}

  /** The partitions this member now holds; offsets of the others are no longer its to commit. */
  hold(partitions: number[]): void {
    this.held = partitions;
    for (const p of [...this.written.keys()]) if (!partitions.includes(p)) this.written.delete(p);
  }

  /** Records that everything before `next` in `partition` is written, and commits it soon. */
  markWritten(partition: number, next: bigint): void {
    this.written.set(partition, next);
    this.schedule();
  }

  private schedule(): void {
    if (!this.commit || this.last) return;
    this.wanted = true;
    this.running ??= (async () => {
      while (this.wanted) {
        this.wanted = false;
        try {
          await this.now();
        } catch (error) {
          // A rebalance makes a commit fail; the next one (or the one on the way out) catches up.
          this.onError(error as CkafkaError);
        }
      }
    })().finally(() => (this.running = null));
  }

  private async now(): Promise<void> {
    const offsets = new Map<number, bigint>();
    for (const [p, o] of this.written) if (this.held.includes(p) && this.committed.get(p) !== o) offsets.set(p, o);
    if (offsets.size === 0 || !this.commit) return;
    await this.commit(offsets);
    for (const [p, o] of offsets) this.committed.set(p, o);
  }

  /** The commit on the way out, once (later calls share it); rejects if it fails. */
  final(): Promise<void> {
    this.last ??= (async () => {
      await this.running;
      await this.now();
    })();
    return this.last;
  }
}
