import net from 'node:net';
import ConnectionClass from 'kafkajs/src/network/connection.js';

/*
 * How kafkajs receives responses: Node reads the socket into a new 64 KiB buffer each time, and
 * kafkajs keeps those chunks until a response is complete, then copies them into one buffer
 * (Buffer.concat). A million messages read make two buffers of garbage per byte received.
 * This socket (Node's `onread`) reads a response's first bytes into one buffer it keeps, and
 * the rest straight into a buffer of the response's size (from ResponseBuffers, which takes back
 * the buffers of fetch responses the consumer is done with): kafkajs gets every response whole,
 * in one 'data' event, and copies nothing; nor does this, but for a response's first read.
 */

const READ_SIZE = 64 * 1024;
/** A response with less than this left to come is read into the kept buffer (and copied). */
const DIRECT_MIN = 16 * 1024;
const KEEP_ALIVE_DELAY = 60_000;

interface SocketOptions {
  host: string;
  port: number;
  ssl?: unknown;
  onConnect: () => void;
}

/** kafkajs's socket factory for plain TCP (TLS and SASL connections keep kafkajs's own). */
export function responseSocketFactory(buffers: ResponseBuffers) {
  applyWholeResponses();
  return ({ host, port, onConnect }: SocketOptions): net.Socket => {
    // Called only once the socket reads, after it is assigned.
    const framer = new ResponseFramer(buffers, (response) => socket.emit('data', response), (error) => socket.destroy(error));
    const socket = net.connect({ host, port, onread: { buffer: () => framer.next(), callback: (n: number, buf: Buffer) => framer.received(buf, n) } }, onConnect);
    socket.setKeepAlive(true, KEEP_ALIVE_DELAY);
    return socket;
  };
}

/**
 * Cuts the bytes received into responses: a 4-byte size, then that many bytes. Ask `next()`
 * for the buffer to read into, then tell `received` how many bytes went there.
 */
export class ResponseFramer {
  private readonly read = Buffer.allocUnsafe(READ_SIZE);
  private readonly header = Buffer.alloc(4);
  private headerFill = 0;
  private current: Buffer | null = null;
  private fill = 0;
  /** The rest of the current response, when the last next() gave it to read into. */
  private rest: Buffer | null = null;

  constructor(
    private readonly buffers: ResponseBuffers,
    private readonly onResponse: (response: Buffer) => void,
    private readonly onError: (error: Error) => void,
  ) {}

  /**
   * Where the next read goes: the rest of the response being received, when that is large (a
   * read there stops at the response's end), else the kept buffer.
   */
  next(): Buffer {
    const current = this.current;
    this.rest = current !== null && current.length - this.fill >= DIRECT_MIN ? current.subarray(this.fill) : null;
    return this.rest ?? this.read;
  }

  /** `n` bytes were read into `buf`, the buffer next() gave. */
  received(buf: Buffer, n: number): boolean {
    if (buf !== this.rest) return this.push(buf, n);
    this.rest = null;
    this.fill += n;
    this.complete();
    return true;
  }

  /** Takes the first `n` bytes of `chunk` (copied: the chunk is read into again). */
  push(chunk: Buffer, n: number): boolean {
    let at = 0;
    while (at < n) {
      let current = this.current;
      if (current === null) {
        const take = Math.min(4 - this.headerFill, n - at);
        chunk.copy(this.header, this.headerFill, at, at + take);
        this.headerFill += take;
        at += take;
        if (this.headerFill < 4) break;
        this.headerFill = 0;
        const size = this.header.readInt32BE(0);
        if (size < 0) {
          this.onError(new Error(`the broker sent a response of ${size} bytes`));
          return false;
        }
        current = this.buffers.take(4 + size);
        this.header.copy(current, 0);
        this.current = current;
        this.fill = 4;
      }
      const take = Math.min(current.length - this.fill, n - at);
      chunk.copy(current, this.fill, at, at + take);
      this.fill += take;
      at += take;
      this.complete();
    }
    return true;
  }

  private complete(): void {
    const current = this.current;
    if (current === null || this.fill !== current.length) return;
    this.current = null;
    this.onResponse(current);
  }
}

/**
 * Buffers for responses, reused. A response's buffer comes back only through `give`, which the
 * consumer calls once nothing reads the fetch's records any more (RecordStore.release); a buffer
 * not given back is garbage as any other. At most `keep` bytes of free buffers are held.
 */
export class ResponseBuffers {
  private readonly free: ArrayBuffer[] = [];
  private freeBytes = 0;
  private largest = 0;

  constructor(
    /** Smaller responses get a buffer of their own from Node's pool: not worth keeping. */
    private readonly min = 64 * 1024,
    private readonly keep = 16 * 1024 * 1024,
  ) {}

  take(size: number): Buffer {
    if (size < this.min) return Buffer.allocUnsafe(size);
    const free = this.free;
    let best = -1;
    for (let i = 0; i < free.length; i += 1) {
      const length = (free[i] as ArrayBuffer).byteLength;
      if (length >= size && (best === -1 || length < (free[best] as ArrayBuffer).byteLength)) best = i;
    }
    let ab: ArrayBuffer;
    if (best === -1) {
      // None fits: the free ones are too small for responses now (they go), and a new one is as
      // large as the largest response so far, so that it fits the next ones too.
      for (const small of free.splice(0)) this.freeBytes -= small.byteLength;
      this.largest = Math.max(this.largest, size);
      ab = Buffer.allocUnsafeSlow(Math.ceil(this.largest / this.min) * this.min).buffer as ArrayBuffer;
      (ab as Pooled)[POOL] = this;
    } else {
      ab = free[best] as ArrayBuffer;
      free.splice(best, 1);
      this.freeBytes -= ab.byteLength;
    }
    return Buffer.from(ab, 0, size);
  }

  give(ab: ArrayBuffer): void {
    if ((ab as Pooled)[POOL] !== this || this.freeBytes + ab.byteLength > this.keep) return;
    this.free.push(ab);
    this.freeBytes += ab.byteLength;
  }
}

/** The pool a buffer came from (a property of the buffer: no weak map that could keep it alive). */
const POOL = Symbol('ckafka.responseBuffers');
type Pooled = ArrayBuffer & { [POOL]?: ResponseBuffers };

/** Whether `bytes` lie in a reusable response buffer: held past a write, they must be copied. */
export function isReusable(bytes: Uint8Array): boolean {
  return (bytes.buffer as Pooled)[POOL] !== undefined;
}

/**
 * A response buffer's readers: once every one let go (RecordStore.release), the buffer goes back
 * to its pool. `pin` keeps it from ever going back (kafkajs's objects point into it).
 */
export class ResponseLease {
  private readers = 0;
  private pinned = false;

  private constructor(private readonly ab: ArrayBuffer, private readonly pool: ResponseBuffers) {}

  /** A lease on the buffer `bytes` lie in, if it is a reusable one. */
  static of(bytes: Uint8Array): ResponseLease | null {
    const pool = (bytes.buffer as Pooled)[POOL];
    return pool === undefined ? null : new ResponseLease(bytes.buffer as ArrayBuffer, pool);
  }

  hold(): void {
    this.readers += 1;
  }

  pin(): void {
    this.pinned = true;
  }

  letGo(): void {
    this.readers -= 1;
    if (this.readers === 0 && !this.pinned) this.pool.give(this.ab);
  }
}

interface ConnectionLike {
  chunks: Buffer[];
  processData(rawData: Buffer): unknown;
}

let applied = false;

/**
 * kafkajs keeps the bytes after a response (none, when each 'data' event is one response) as
 * the first chunk of the next, and then copies both into a new buffer: an empty one is dropped.
 */
function applyWholeResponses(): void {
  if (applied) return;
  applied = true;
  // A static import: the bundle (scripts/bundle.mjs) must patch its own copy of kafkajs.
  const proto = (ConnectionClass as { prototype: ConnectionLike }).prototype;
  const processData = proto.processData;
  if (typeof processData !== 'function') return;
  proto.processData = function wholeProcessData(this: ConnectionLike, rawData: Buffer) {
    if (this.chunks?.length === 1 && (this.chunks[0] as Buffer).length === 0) this.chunks = [];
    return processData.call(this, rawData);
  };
}
