import kafkajs, { CompressionTypes } from 'kafkajs';
import type { CompressionName } from '../../config/types.js';

// Node's ESM loader does not see `CompressionCodecs` among kafkajs's CommonJS exports (vitest
// does): take it from the module object, or the built CLI fails on start.
const { CompressionCodecs } = kafkajs;

interface Codec {
  compress(encoder: { buffer: Buffer }): Promise<Buffer>;
  decompress(buffer: Buffer): Promise<Buffer>;
}

// Each codec's module loads only when a batch with that codec is first written or read.
const loaders: Record<'snappy' | 'lz4' | 'zstd', () => Promise<Codec>> = {
  snappy: async () => {
    const { snappyCompress, snappyDecompress } = await import('./snappy.js');
    return { compress: async (e) => snappyCompress(e.buffer), decompress: async (b) => snappyDecompress(b) };
  },
  lz4: async () => {
    const { lz4Compress, lz4Decompress } = await import('./lz4.js');
    return { compress: async (e) => lz4Compress(e.buffer), decompress: async (b) => lz4Decompress(b) };
  },
  zstd: async () => {
    const { zstdCompress, zstdDecompress } = await import('./zstd.js');
    return { compress: (e) => zstdCompress(e.buffer), decompress: (b) => zstdDecompress(b) };
  },
};

function lazy(load: () => Promise<Codec>): () => Codec {
  let loaded: Promise<Codec> | undefined;
  const get = () => (loaded ??= load());
  const codec: Codec = {
    compress: async (encoder) => (await get()).compress(encoder),
    decompress: async (buffer) => (await get()).decompress(buffer),
  };
  return () => codec;
}

/** Registers snappy, lz4 and zstd with kafkajs (gzip is built in). */
export function registerCodecs(): void {
  const table = CompressionCodecs as unknown as Record<number, () => Codec>;
  table[CompressionTypes.Snappy] = lazy(loaders.snappy);
  table[CompressionTypes.LZ4] = lazy(loaders.lz4);
  table[CompressionTypes.ZSTD] = lazy(loaders.zstd);
}

/** kafkajs's numeric code for a compression name. */
export function compressionType(name: CompressionName): CompressionTypes {
  switch (name) {
    case 'none':
      return CompressionTypes.None;
    case 'gzip':
      return CompressionTypes.GZIP;
    case 'snappy':
      return CompressionTypes.Snappy;
    case 'lz4':
      return CompressionTypes.LZ4;
    case 'zstd':
      return CompressionTypes.ZSTD;
  }
}
