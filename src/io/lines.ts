/** A line of input as bytes, with its 1-based number. */
export interface Line {
  bytes: Buffer;
  number: number;
}

/**
 * Splits a byte stream into lines without decoding them (values stay bytes: binary-safe and fast),
 * yielding the lines of each chunk together. A trailing "\r" is dropped; a last line without a
 * newline counts.
 */
export async function* splitLines(stream: AsyncIterable<Buffer | string>): AsyncGenerator<Line[]> {
  let rest: Buffer | null = null;
  let number = 0;
  for await (const chunk of stream) {
    let data = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    if (rest) {
      data = Buffer.concat([rest, data]);
      rest = null;
    }
    const lines: Line[] = [];
    let start = 0;
    for (;;) {
      const nl = data.indexOf(10, start);
      if (nl < 0) break;
      number += 1;
      lines.push({ bytes: trimCr(data.subarray(start, nl)), number });
      start = nl + 1;
    }
    if (start < data.length) rest = Buffer.from(data.subarray(start));
    if (lines.length > 0) yield lines;
  }
  if (rest && rest.length > 0) yield [{ bytes: trimCr(rest), number: number + 1 }];
}

function trimCr(line: Buffer): Buffer {
  return line.length > 0 && line[line.length - 1] === 13 ? line.subarray(0, line.length - 1) : line;
}
