import { describe, expect, it } from 'vitest';
import { Writable } from 'node:stream';
import { BufferedOutput } from '../../../src/io/output.js';

/** A reader that takes a chunk every `ms`: its buffer fills, so every flush waits for 'drain'. */
function slowStream(ms: number) {
  const chunks: Buffer[] = [];
  const stream = new Writable({
    highWaterMark: 16,
    write(chunk: Buffer, _enc, callback) {
      chunks.push(chunk);
      setTimeout(callback, ms);
    },
  });
  return { stream, text: () => Buffer.concat(chunks).toString() };
}

describe('BufferedOutput', () => {
  it('leaves no listeners behind after waiting for a slow reader, however often it waits', async () => {
    const { stream, text } = slowStream(1);
    const out = new BufferedOutput(stream, 8);
    const counts: number[] = [];
    for (let i = 0; i < 200; i += 1) {
      // Each line is above the buffer's size: write() says "wait" and BufferedOutput waits for 'drain'.
      out.write(`line ${i} ${'x'.repeat(20)}\n`);
      out.flush();
      await out.ready();
      counts.push(stream.listenerCount('close') + stream.listenerCount('error') + stream.listenerCount('drain'));
    }
    await out.end();
    // Writable keeps none of its own; anything above 0 here is ours, left after 'drain'.
    expect(Math.max(...counts)).toBe(0);
    expect(text()).toBe(Array.from({ length: 200 }, (_, i) => `line ${i} ${'x'.repeat(20)}\n`).join(''));
  });

  it('a stream closed while it waits ends the wait', async () => {
    const stream = new Writable({ highWaterMark: 1, write: () => undefined });
    const out = new BufferedOutput(stream, 1);
    out.write('x');
    const waiting = out.ready();
    stream.destroy();
    await waiting;
    expect(stream.listenerCount('close')).toBe(0);
  });
});
