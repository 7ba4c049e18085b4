import type { OutStream } from './io.js';

/**
 * Collects output text and writes it in large pieces (one write per batch, not per message),
 * honouring back-pressure: `ready()` resolves once the stream has drained.
 */
export class BufferedOutput {
  private parts: string[] = [];
  private size = 0;
  private scheduled = false;
  private blocked: Promise<void> | null = null;
  private closed = false;

  constructor(
    private readonly stream: OutStream,
    private readonly highWater = 64 * 1024,
  ) {}

  write(text: string): void {
    if (this.closed) return;
    this.parts.push(text);
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
    const text = this.parts.join('');
    this.parts = [];
    this.size = 0;
    const ok = this.stream.write(text);
    if (!ok && !this.blocked) {
      this.blocked = new Promise((resolve) => {
        const done = () => {
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

  /** Stops writing (the reader went away). */
  close(): void {
    this.closed = true;
    this.parts = [];
  }
}
