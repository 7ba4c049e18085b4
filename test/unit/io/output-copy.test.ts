import { describe, expect, it } from 'vitest';
import { Writable } from 'node:stream';
import { BufferedOutput } from '../../../src/io/output.js';

/** A stream that keeps every chunk it is given, as a capture in a test does. */
function keeping(fd?: number) {
  const chunks: Buffer[] = [];
  const stream = Object.assign(new Writable({ write(chunk: Buffer, _enc, callback) { chunks.push(chunk); callback(); } }), fd === undefined ? {} : { fd });
  return { stream, chunks };
}

describe('BufferedOutput and the caller\'s bytes', () => {
  it('hands a stream without a file descriptor a copy: the caller may reuse its buffer once written() resolves', async () => {
    const { stream, chunks } = keeping();
    const out = new BufferedOutput(stream);
    const bytes = Buffer.from('first\n');
    out.write(bytes);
    await out.written();
    bytes.fill(0x21);
    expect(Buffer.concat(chunks).toString()).toBe('first\n');
  });

  it('hands a stream on a file descriptor the buffer itself (it has gone to the kernel by the callback)', async () => {
    const { stream, chunks } = keeping(1);
    const out = new BufferedOutput(stream);
    const bytes = Buffer.from('first\n');
    out.write(bytes);
    await out.written();
    expect(chunks[0]).toBe(bytes);
  });
});
