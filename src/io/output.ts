import type { OutStream } from './io.js';

/**
 * Collects output text and writes it in large pieces (one write per batch, not per message),
 * honouring back-pressure: `ready()` resolves once the stream has drained.
 */
export class BufferedOutput {
  private parts: (string | Buffer)[] = [];
  private hasBuffers = false;
  private size = 0;
  private scheduled = false;
  private blocked: Promise<void> | null = null;
  private closed = false;
  private lastWrite: Promise<void> = Promise.resolve();

  constructor(
    private readonly stream: OutStream,
    private readonly highWater = 64 * 1024,
  ) {}

  /** Queues text or bytes (bytes are written as they are: raw values need not be valid UTF-8). */
  write(text: string | Buffer): void {
    if (this.closed) return;
    this.parts.push(text);
    if (typeof text !== 'string') this.hasBuffers = true;
    this.size += text.length;
    if (this.size >= this.highWater) this.flush();
    else if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(() => this.flush());
    }
  }

  /** Writes what is pending now. */
  flush(): void {
    this.scheduled = false;
    if (this.parts.length === 0 || this.closed) return;
    let text = this.parts.length === 1
      ? (this.parts[0] as string | Buffer)
      : this.hasBuffers
      ? Buffer.concat(this.parts.map((p) => (typeof p === 'string' ? Buffer.from(p) : p)))
      : this.parts.join('');
    // The caller may reuse its bytes once written() resolves: a stream on a file descriptor has
    // handed them to the kernel by then; any other stream (a test's, a library user's) might
    // keep the very buffer, so it gets a copy.
    if (this.parts.length === 1 && typeof text !== 'string' && typeof this.stream.fd !== 'number') text = Buffer.from(text);
    this.parts = [];
    this.hasBuffers = false;
    this.size = 0;
    let settle: (error?: Error | null) => void = () => undefined;
    this.lastWrite = new Promise<void>((resolve, reject) => {
      settle = (error) => (error ? reject(error) : resolve());
    });
    // Seen through written(); a failed write is also an 'error' event the caller handles.
    this.lastWrite.catch(() => undefined);
    const ok = this.stream.write(text, settle);
    if (!ok && !this.blocked) {
      this.blocked = new Promise((resolve) => {
        // Whichever comes first ends the wait and removes all three: a slow reader makes this
        // happen for every few batches, and listeners left behind would pile up without bound.
        const done = () => {
          this.stream.off('drain', done);
          this.stream.off('close', done);
          this.stream.off('error', done);
          this.blocked = null;
          resolve();
        };
        this.stream.once('drain', done);
        this.stream.once('close', done);
        this.stream.once('error', done);
      });
    }
  }

  /** Resolves when the stream can take more (after a write that filled its buffer). */
  async ready(): Promise<void> {
    if (this.blocked) await this.blocked;
  }

  /** Flushes and waits until everything is handed to the stream. */
  async end(): Promise<void> {
    this.flush();
    await this.ready();
  }

  /**
   * Flushes and resolves once the stream has taken everything written so far (the kernel has it,
   * for a pipe or file), after which no byte of it is referenced here or by the stream; rejects
   * when that write failed (EPIPE: the reader went away).
   */
  async written(): Promise<void> {
    this.flush();
    await this.lastWrite;
  }

  /** Stops writing (the reader went away). */
  close(): void {
    this.closed = true;
    this.parts = [];
  }
}
