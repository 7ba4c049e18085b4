import type { FileHandle } from 'node:fs/promises';

/**
 * The bytes of a regular file, `size` at a time from where it stands, until its end or `signal`
 * (a read under way is still given: it was taken from the file). With `reuse`, every read goes
 * into the same memory: a chunk holds only until the next is asked for, for a reader that copies
 * what it keeps (produce -q writes each line into its batch at once), and memory stays one
 * buffer, not every read's until the garbage collector frees it. Without, each read has its own.
 */
export async function* readFileChunks(handle: FileHandle, signal: AbortSignal, size: number, reuse: boolean): AsyncGenerator<Buffer> {
  let buffer = Buffer.allocUnsafeSlow(size);
  while (!signal.aborted) {
    const { bytesRead } = await handle.read(buffer, 0, size, null);
    if (bytesRead === 0) return;
    yield buffer.subarray(0, bytesRead);
    if (!reuse) buffer = Buffer.allocUnsafeSlow(size);
  }
}
