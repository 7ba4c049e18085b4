/**
 * Pulls from an async iterator while watching for cancellation and idleness, without losing an
 * item: a `next()` still pending when the wait ends is kept for the following call.
 */
export class Pull<T> {
  private pending: Promise<IteratorResult<T>> | undefined;

  constructor(
    private readonly iterator: AsyncIterator<T>,
    private readonly signal: AbortSignal,
  ) {}

  /** The next item, 'aborted' when the signal fires first, or 'idle' after idleMs with nothing new. */
  next(idleMs?: number): Promise<IteratorResult<T> | 'aborted' | 'idle'> {
    if (this.signal.aborted) return Promise.resolve('aborted');
    const pending = (this.pending ??= this.iterator.next());
    // Not Promise.race against one long-lived abort promise: every race would leave a reaction
    // on it that keeps its result (a chunk of input) alive until the abort, i.e. for ever.
    return new Promise((resolve, reject) => {
      let done = false;
      let timer: NodeJS.Timeout | undefined;
      const finish = () => {
        done = true;
        clearTimeout(timer);
        this.signal.removeEventListener('abort', onAbort);
      };
      const onAbort = () => {
        finish();
        resolve('aborted');
      };
      this.signal.addEventListener('abort', onAbort, { once: true });
      if (idleMs !== undefined) {
        timer = setTimeout(() => {
          finish();
          resolve('idle');
        }, idleMs);
      }
      pending.then(
        (result) => {
          if (done) return;
          finish();
          this.pending = undefined;
          resolve(result);
        },
        (error: unknown) => {
          if (done) return;
          finish();
          this.pending = undefined;
          reject(error as Error);
        },
      );
    });
  }

  /** Everything the source still yields, the pending item first, whatever the signal says. */
  async *rest(): AsyncGenerator<T> {
    for (;;) {
      const result = await (this.pending ?? this.iterator.next());
      this.pending = undefined;
      if (result.done) return;
      yield result.value;
    }
  }

  /** Lets the source release what it holds (a file, stdin). */
  async close(): Promise<void> {
    await this.iterator.return?.();
  }
}
