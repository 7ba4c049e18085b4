import { readSync } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';

/**
 * The bytes of a regular file, `size` at a time from where it stands, until its end or `signal`.
 * Read synchronously: a regular file answers at once (from the page cache, or within a disk's
 * latency), while an asynchronous read is a trip through libuv's thread pool that a busy machine
 * makes long, thousands of times for a large file. With `reuse`, every read goes into the same
 * memory: a chunk holds only until the next is asked for, for a caller that copies what it keeps
 * (produce -q writes each line into its batch at once), and memory stays one buffer, not every
 * read's until the garbage collector frees it. Without, each read has its own.
 */
export async function* readFileChunks(handle: FileHandle, signal: AbortSignal, size: number, reuse: boolean): AsyncGenerator<Buffer> {
  let buffer = Buffer.allocUnsafeSlow(size);
  while (!signal.aborted) {
    const bytesRead = readSync(handle.fd, buffer, 0, size, null);
    if (bytesRead === 0) return;
    yield buffer.subarray(0, bytesRead);
    if (!reuse) buffer = Buffer.allocUnsafeSlow(size);
  }
}
