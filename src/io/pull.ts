/**
 * Pulls from an async iterator while watching for cancellation and idleness, without losing an
 * item: a `next()` still pending when the wait ends is kept for the following call.
 */
export class Pull<T> {
  private pending: Promise<IteratorResult<T>> | undefined;
  private readonly aborted: Promise<'aborted'>;

  constructor(
    private readonly iterator: AsyncIterator<T>,
    signal: AbortSignal,
  ) {
    this.aborted = new Promise((resolve) => {
      if (signal.aborted) resolve('aborted');
      else signal.addEventListener('abort', () => resolve('aborted'), { once: true });
    });
  }

  /** The next item, 'aborted' when the signal fires first, or 'idle' after idleMs with nothing new. */
  async next(idleMs?: number): Promise<IteratorResult<T> | 'aborted' | 'idle'> {
    this.pending ??= this.iterator.next();
    let timer: NodeJS.Timeout | undefined;
    const races: Promise<IteratorResult<T> | 'aborted' | 'idle'>[] = [this.pending, this.aborted];
    if (idleMs !== undefined) races.push(new Promise((resolve) => (timer = setTimeout(() => resolve('idle'), idleMs))));
    try {
      const result = await Promise.race(races);
      if (result !== 'aborted' && result !== 'idle') this.pending = undefined;
      return result;
    } finally {
      clearTimeout(timer);
    }
  }

  /** Lets the source release what it holds (a file, stdin). */
  async close(): Promise<void> {
    await this.iterator.return?.();
  }
}
