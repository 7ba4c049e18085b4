import type { Readable } from 'node:stream';

/**
 * A byte stream read until it ends or `signal` fires. On the signal it stops reading at once and
 * yields what the process had already taken from the pipe or file (the stream's buffer), then
 * ends: a Ctrl-C'd produce can report every line it read, and reads no more.
 */
export async function* readUntilAborted(stream: Readable, signal: AbortSignal): AsyncGenerator<Buffer> {
  for (;;) {
    if (signal.aborted) {
      // Synchronously, so no read lands between taking the buffer and closing the stream.
      const rest: Buffer[] = [];
      for (let chunk = stream.read() as Buffer | string | null; chunk !== null; chunk = stream.read() as Buffer | string | null) {
        rest.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
      }
      stream.destroy();
      yield* rest;
      return;
    }
    const chunk = stream.read() as Buffer | string | null;
    if (chunk !== null) {
      yield typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      continue;
    }
    if (stream.errored) throw stream.errored;
    if (stream.readableEnded || stream.destroyed) return;
    await nextEvent(stream, signal);
  }
}

/** Resolves on the stream's next 'readable', 'end', 'close' or 'error', or the signal; leaves no listener behind. */
function nextEvent(stream: Readable, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const events = ['readable', 'end', 'close', 'error'] as const;
    const done = () => {
      for (const event of events) stream.off(event, done);
      signal.removeEventListener('abort', done);
      resolve();
    };
    for (const event of events) stream.on(event, done);
    signal.addEventListener('abort', done, { once: true });
  });
}
