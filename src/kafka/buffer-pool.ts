/**
 * Batch buffers used again once their request is answered, so bulk produce neither allocates
 * nor faults in fresh memory for every request, and its memory is what the pool and the batches
 * in use hold (not what the garbage collector has yet to free). Only buffers as large as the
 * largest asked for are kept: a buffer taken is always large enough to fill without growing.
 */
export class BufferPool {
  private readonly free: Buffer[] = [];
  private size = 0;

  /** `keep`: the most free buffers held. */
  constructor(private readonly keep: number) {}

  /** A buffer of at least `size` bytes (contents undefined): a kept one, or a new one. */
  take(size: number): Buffer {
    if (size > this.size) {
      this.size = size;
      this.free.length = 0;
    }
    return this.free.pop() ?? Buffer.allocUnsafeSlow(this.size);
  }

  /** Gives back a buffer taken from this pool that nothing will read or write any more. */
  give(buffer: Buffer): void {
    if (buffer.length >= this.size && this.free.length < this.keep) this.free.push(buffer);
  }

  /** Free buffers held (for tests). */
  get held(): number {
    return this.free.length;
  }
}
