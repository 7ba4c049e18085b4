import { describe, expect, it } from 'vitest';
import { PassThrough } from 'node:stream';
import { readUntilAborted } from '../../../src/io/read-until-aborted.js';

describe('readUntilAborted', () => {
  it('reads a stream to its end', async () => {
    const stream = new PassThrough();
    stream.end('a\nb\n');
    const chunks: string[] = [];
    for await (const chunk of readUntilAborted(stream, new AbortController().signal)) chunks.push(chunk.toString());
    expect(chunks.join('')).toBe('a\nb\n');
  });

  it('on the signal yields what the stream already holds, then ends and reads no more', async () => {
    const stream = new PassThrough();
    const controller = new AbortController();
    const chunks: string[] = [];
    const reading = (async () => {
      for await (const chunk of readUntilAborted(stream, controller.signal)) {
        chunks.push(chunk.toString());
        if (chunks.length === 1) {
          // Written after the first read: already in the process when the signal comes.
          stream.write('held 1\n');
          stream.write('held 2\n');
          controller.abort();
        }
      }
    })();
    stream.write('first\n');
    await reading;
    expect(chunks.join('')).toBe('first\nheld 1\nheld 2\n');
    expect(stream.destroyed).toBe(true);
    expect(stream.listenerCount('readable') + stream.listenerCount('end')).toBe(0);
  });

  it('ends on the signal while waiting for input', async () => {
    const stream = new PassThrough();
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 20);
    const chunks: Buffer[] = [];
    for await (const chunk of readUntilAborted(stream, controller.signal)) chunks.push(chunk);
    expect(chunks).toEqual([]);
  });

  it('passes a read error on', async () => {
    const stream = new PassThrough();
    setTimeout(() => stream.destroy(new Error('EIO: read failed')), 10);
    await expect((async () => {
      for await (const _ of readUntilAborted(stream, new AbortController().signal)) void _;
    })()).rejects.toThrow('EIO');
  });
});
