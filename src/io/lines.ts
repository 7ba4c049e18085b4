/** The complete lines of one read, as bytes (without their "\n"); `first` is the 1-based number of lines[0]. */
export interface Lines {
  first: number;
  lines: Buffer[];
}

/**
 * Splits a byte stream into lines without decoding them (values stay bytes: binary-safe and fast),
 * yielding them in groups of up to `group` lines. Lines are views into the read's buffer: only a
 * line split across two reads is copied. A last line without a newline counts. Every byte but the
 * "\n" is kept, as kcat does; `stripCr` also drops one "\r" before it (text written on Windows).
 */
// Groups well below a large read (1 MB is ~10,000 short lines) keep the objects made per line
// short-lived: the garbage collector copies what is alive when it runs.
export async function* splitLines(stream: AsyncIterable<Buffer | string>, group = 1024, stripCr = false): AsyncGenerator<Lines> {
  const cr = stripCr ? 13 : -1;
  const end = (line: Buffer): Buffer => (stripCr ? trimCr(line) : line);
  // The beginning of a line that continues in a later read.
  let pieces: Buffer[] = [];
  let number = 0;
  for await (const chunk of stream) {
    const data = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    let nl = data.indexOf(10);
    if (pieces.length > 0 && nl < 0) {
      // Kept past this read: a copy, in case the stream reuses its buffer.
      pieces.push(copyOf(data));
      continue;
    }
    let lines: Buffer[] = [];
    let start = 0;
    if (pieces.length > 0) {
      pieces.push(data.subarray(0, nl));
      lines.push(end(Buffer.concat(pieces)));
      pieces = [];
      start = nl + 1;
      nl = data.indexOf(10, start);
    }
    for (;;) {
      if (lines.length >= group) {
        yield { first: number + 1, lines };
        number += lines.length;
        lines = [];
      }
      if (nl < 0) break;
      lines.push(data.subarray(start, nl > start && data[nl - 1] === cr ? nl - 1 : nl));
      start = nl + 1;
      nl = data.indexOf(10, start);
    }
    if (start < data.length) pieces.push(copyOf(data.subarray(start)));
    if (lines.length > 0) {
      yield { first: number + 1, lines };
      number += lines.length;
    }
  }
  if (pieces.length > 0) yield { first: number + 1, lines: [end(Buffer.concat(pieces))] };
}

function copyOf(bytes: Buffer): Buffer {
  const copy = Buffer.allocUnsafe(bytes.length);
  copy.set(bytes);
  return copy;
}

function trimCr(line: Buffer): Buffer {
  return line.length > 0 && line[line.length - 1] === 13 ? line.subarray(0, line.length - 1) : line;
}
