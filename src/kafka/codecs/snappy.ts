import snappy from 'snappyjs';

// Java producers write snappy in xerial's framing (a magic header, then length-prefixed chunks);
// librdkafka and kafkajs write a bare snappy block. Read both, write the bare block as librdkafka does.
const XERIAL_MAGIC = Buffer.from([0x82, 0x53, 0x4e, 0x41, 0x50, 0x50, 0x59, 0x00]);
const XERIAL_HEADER_LENGTH = 16;

export function snappyCompress(input: Buffer): Buffer {
  return toBuffer(snappy.compress(input));
}

export function snappyDecompress(input: Buffer): Buffer {
  if (!isXerial(input)) return toBuffer(snappy.uncompress(input));
  const chunks: Buffer[] = [];
  let offset = XERIAL_HEADER_LENGTH;
  while (offset < input.length) {
    const size = input.readUInt32BE(offset);
    offset += 4;
    chunks.push(toBuffer(snappy.uncompress(input.subarray(offset, offset + size))));
    offset += size;
  }
  return Buffer.concat(chunks);
}

function isXerial(input: Buffer): boolean {
  return input.length >= XERIAL_HEADER_LENGTH && input.subarray(0, XERIAL_MAGIC.length).equals(XERIAL_MAGIC);
}

const toBuffer = (a: Uint8Array): Buffer => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
