import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ResponseBuffers, ResponseFramer, ResponseLease, isReusable } from '../../../src/kafka/response-socket.js';

/*
 * The socket's framing: however the bytes of a stream of Kafka responses (a 4-byte size, then
 * that many bytes) are cut into reads, and whatever reused buffers they land in, each response
 * comes out whole and byte for byte, in order. A buffer goes back to its pool only once every
 * reader of it let go, and never while pinned.
 */

const responses = fc.array(
  fc.oneof(
    { weight: 4, arbitrary: fc.uint8Array({ maxLength: 300 }) },
    { weight: 1, arbitrary: fc.integer({ min: 1000, max: 60_000 }).chain((n) => fc.integer({ min: 0, max: 255 }).map((b) => new Uint8Array(n).fill(b))) },
  ),
  { minLength: 1, maxLength: 12 },
);

function frame(bodies: Uint8Array[]): Buffer {
  return Buffer.concat(bodies.flatMap((b) => {
    const size = Buffer.alloc(4);
    size.writeInt32BE(b.length);
    return [size, Buffer.from(b)];
  }));
}

describe('ResponseFramer', () => {
  it('gives each response whole, in order, however the reads cut the stream, read into its own buffer or copied', () => {
    fc.assert(
      fc.property(responses, fc.array(fc.integer({ min: 1, max: 70_000 }), { minLength: 1, maxLength: 40 }), (bodies, cuts) => {
        const stream = frame(bodies);
        // Small buffers kept: responses of 1 KiB and more reuse them as soon as they come back.
        const pool = new ResponseBuffers(1024, 1 << 20);
        const got: string[] = [];
        const framer = new ResponseFramer(pool, (r) => {
          got.push(r.toString('base64'));
          // Done with it at once: the next response may land in the same memory.
          const lease = ResponseLease.of(r);
          lease?.hold();
          lease?.letGo();
        }, (e) => {
          throw e;
        });
        // As Node's onread does: each read goes into the buffer next() gives, at most its length.
        let at = 0;
        for (let i = 0; at < stream.length; i += 1) {
          const buf = framer.next();
          const n = Math.min(cuts[i % cuts.length] as number, stream.length - at, buf.length);
          stream.copy(buf, 0, at, at + n);
          buf.fill(0xee, n);
          expect(framer.received(buf, n)).toBe(true);
          at += n;
        }
        expect(got).toEqual(bodies.map((b) => frame([b]).toString('base64')));
      }),
      { numRuns: 200 },
    );
  }, 60_000);

  it('refuses a negative size', () => {
    const errors: Error[] = [];
    const framer = new ResponseFramer(new ResponseBuffers(), () => undefined, (e) => errors.push(e));
    expect(framer.push(Buffer.from([0xff, 0xff, 0xff, 0xfe, 1, 2]), 6)).toBe(false);
    expect(errors[0]?.message).toMatch(/-2 bytes/);
  });
});

describe('ResponseBuffers and ResponseLease', () => {
  it('reuses a buffer only once every reader let go, never a pinned one, and keeps at most `keep` bytes', () => {
    const pool = new ResponseBuffers(1024, 8 * 1024);
    const small = pool.take(100);
    expect(isReusable(small)).toBe(false);
    expect(ResponseLease.of(small)).toBeNull();

    const a = pool.take(3000);
    expect(isReusable(a)).toBe(true);
    const lease = ResponseLease.of(a)!;
    lease.hold();
    lease.hold();
    lease.letGo();
    // One reader left: a new response gets other memory.
    const b = pool.take(3000);
    expect(b.buffer).not.toBe(a.buffer);
    lease.letGo();
    const c = pool.take(2000);
    expect(c.buffer).toBe(a.buffer);
    expect(c.length).toBe(2000);

    const pinned = ResponseLease.of(b)!;
    pinned.hold();
    pinned.pin();
    pinned.letGo();
    expect(pool.take(3000).buffer).not.toBe(b.buffer);

    // Responses grow: a new buffer is as large as the largest so far; free smaller ones go.
    const big = pool.take(5000);
    expect(big.buffer.byteLength).toBeGreaterThanOrEqual(5000);
    const l = ResponseLease.of(big)!;
    l.hold();
    l.letGo();
    expect(pool.take(4500).buffer).toBe(big.buffer);
    // Above `keep` bytes of free buffers, one given back is dropped.
    const many = [pool.take(5000), pool.take(5000), pool.take(5000)];
    for (const m of many) {
      const x = ResponseLease.of(m)!;
      x.hold();
      x.letGo();
    }
    const again = [pool.take(5000), pool.take(5000), pool.take(5000)];
    expect(again.filter((m) => many.some((o) => o.buffer === m.buffer)).length).toBe(1);
  });
});
