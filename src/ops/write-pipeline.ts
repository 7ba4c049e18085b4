import { setImmediate as nextTurn } from 'node:timers/promises';

/**
 * Runs write jobs in order, one at a time, each after the current turn of the event loop.
 * kafkajs sends its next fetch only once a batch's handler has returned: queueing the write
 * lets that request go out first, so the broker prepares the next fetch while this one is
 * rendered and written. At most `depth` jobs wait; `push` holds the caller until there is room.
 */
export class WritePipeline {
  private readonly queue: Promise<void>[] = [];

  constructor(private readonly depth = 2) {}

  async push(job: () => Promise<void>): Promise<void> {
    const previous = this.queue.at(-1) ?? Promise.resolve();
    const run = previous.then(async () => {
      await nextTurn();
      await job();
    });
    const settled = run.catch(() => undefined);
    this.queue.push(settled);
    void settled.then(() => this.queue.splice(this.queue.indexOf(settled), 1));
    while (this.queue.length >= this.depth) await this.queue[0];
  }

  /** Resolves when every queued job has finished. */
  async drain(): Promise<void> {
    await this.queue.at(-1);
  }
}
