/**
 * The complete lines of one read as offsets into its bytes, with no object per line (bulk
 * input): line `first + i` is `data[starts[i], ends[i])`, without its "\n". Blank lines are kept
 * (starts[i] === ends[i]), so the numbering counts them.
 */
export interface LineSpans {
  first: number;
  data: Buffer;
  starts: Int32Array;
  ends: Int32Array;
  count: number;
}

/**
 * Splits a byte stream into lines without decoding them (values stay bytes: binary-safe and fast):
 * one LineSpans per read, whose `data` is the read itself; only a line split across reads is
 * copied (it comes alone, in a LineSpans of its own). A last line without a newline counts.
 * Every byte but the "\n" is kept, as kcat does; `stripCr` also drops one "\r" before it (text
 * written on Windows). A read's memory may be used again by the stream once the next is asked for.
 */
export async function* splitLineSpans(stream: AsyncIterable<Buffer | string>, stripCr = false): AsyncGenerator<LineSpans> {
  const cr = stripCr ? 13 : -1;
  // The beginning of a line that continues in a later read (copies: the stream may reuse its memory).
  let pieces: Buffer[] = [];
  let number = 0;
  let starts: Int32Array<ArrayBuffer> = new Int32Array(1024);
  let ends: Int32Array<ArrayBuffer> = new Int32Array(1024);
  const whole = (data: Buffer): LineSpans => {
    const line = stripCr ? trimCr(data) : data;
    return { first: ++number, data, starts: Int32Array.of(0), ends: Int32Array.of(line.length), count: 1 };
  };
  for await (const chunk of stream) {
    const data = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    let nl = data.indexOf(10);
    if (nl < 0) {
      if (data.length > 0) pieces.push(copyOf(data));
      continue;
    }
    let start = 0;
    if (pieces.length > 0) {
      pieces.push(data.subarray(0, nl));
      yield whole(Buffer.concat(pieces));
      pieces = [];
      start = nl + 1;
      nl = data.indexOf(10, start);
    }
    let count = 0;
    while (nl >= 0) {
      if (count === starts.length) {
        starts = grow(starts);
        ends = grow(ends);
      }
      starts[count] = start;
      ends[count] = nl > start && data[nl - 1] === cr ? nl - 1 : nl;
      count += 1;
      start = nl + 1;
      nl = data.indexOf(10, start);
    }
    if (start < data.length) pieces.push(copyOf(data.subarray(start)));
    if (count > 0) {
      yield { first: number + 1, data, starts: starts.slice(0, count), ends: ends.slice(0, count), count };
      number += count;
    }
  }
  if (pieces.length > 0) yield whole(Buffer.concat(pieces));
}

function grow(array: Int32Array): Int32Array<ArrayBuffer> {
  const grown = new Int32Array(array.length * 2);
  grown.set(array);
  return grown;
}

function copyOf(bytes: Buffer): Buffer {
  const copy = Buffer.allocUnsafe(bytes.length);
  copy.set(bytes);
  return copy;
}

function trimCr(line: Buffer): Buffer {
  return line.length > 0 && line[line.length - 1] === 13 ? line.subarray(0, line.length - 1) : line;
}
