import LongClass from 'kafkajs/src/utils/long.js';
import DecoderClass from 'kafkajs/src/protocol/decoder.js';

/*
 * kafkajs 2.2.4 (its last release) decodes each record with BigInt-backed Long objects: it parses
 * the batch's first offset and first timestamp from strings again for every record, and reads
 * the timestamp delta with Long arithmetic byte by byte. Consuming a million small messages
 * spends a tenth of its time there. Two drop-in replacements keep the results identical:
 * a cache of the last two strings parsed (Longs are immutable) and a varlong reader that uses
 * plain numbers up to 49 bits, falling back to kafkajs's own code above that.
 */

interface KafkajsDecoder {
  buffer: Buffer;
  offset: number;
  readVarLong(): unknown;
}

let applied = false;

/** Installs the faster paths once; a kafkajs whose internals differ is left as it is. */
export function applyDecodeSpeedups(): void {
  if (applied) return;
  applied = true;
  // Static imports: the bundle (scripts/bundle.mjs) must patch its own copy of kafkajs.
  const Long = LongClass;
  const Decoder = DecoderClass;
  if (typeof Long.fromString !== 'function' || typeof Long.fromNumber !== 'function' || typeof Decoder.prototype.readVarLong !== 'function') return;

  const fromString = Long.fromString.bind(Long);
  let key1: string | undefined;
  let value1: unknown;
  let key2: string | undefined;
  let value2: unknown;
  Long.fromString = (text: string) => {
    if (text === key1) return value1;
    if (text === key2) return value2;
    const value = fromString(text);
    key2 = key1;
    value2 = value1;
    key1 = text;
    value1 = value;
    return value;
  };

  const readVarLong = Decoder.prototype.readVarLong;
  Decoder.prototype.readVarLong = function fastReadVarLong(this: KafkajsDecoder): unknown {
    const buffer = this.buffer;
    let offset = this.offset;
    let result = 0;
    let shift = 0;
    let byte: number;
    do {
      // Beyond 7 bytes (49 bits) a number could lose precision: let kafkajs read it.
      if (shift > 42) return readVarLong.call(this);
      byte = buffer[offset++] as number;
      result += (byte & 0x7f) * 2 ** shift;
      shift += 7;
    } while (byte >= 0x80);
    this.offset = offset;
    // Zigzag: 0, -1, 1, -2, 2, … are written as 0, 1, 2, 3, 4, …
    return Long.fromNumber(result % 2 === 0 ? result / 2 : -(result + 1) / 2);
  };
}
