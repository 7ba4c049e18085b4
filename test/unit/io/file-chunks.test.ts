import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readFileChunks } from '../../../src/io/file-chunks.js';

function file(bytes: Buffer): string {
  const path = join(mkdtempSync(join(tmpdir(), 'ckafka-chunks-')), 'input');
  writeFileSync(path, bytes);
  return path;
}

const input = Buffer.from(Array.from({ length: 1000 }, (_, i) => `line ${i}\n`).join(''));

describe('readFileChunks', () => {
  it.each([false, true])('reads the whole file, size bytes at a time (reuse %s)', async (reuse) => {
    const handle = await open(file(input), 'r');
    try {
      const parts: Buffer[] = [];
      const memory = new Set<ArrayBufferLike>();
      for await (const chunk of readFileChunks(handle, new AbortController().signal, 1000, reuse)) {
        memory.add(chunk.buffer);
        parts.push(Buffer.from(chunk)); // copied before the next is asked for, as a reusing reader's user must
      }
      expect(Buffer.concat(parts).equals(input)).toBe(true);
      expect(parts.map((p) => p.length)).toEqual([...Array(Math.floor(input.length / 1000)).fill(1000), input.length % 1000]);
      expect(memory.size).toBe(reuse ? 1 : parts.length);
    } finally {
      await handle.close();
    }
  });

  it('stops reading once the signal fired', async () => {
    const handle = await open(file(input), 'r');
    try {
      const controller = new AbortController();
      const sizes: number[] = [];
      for await (const chunk of readFileChunks(handle, controller.signal, 100, false)) {
        sizes.push(chunk.length);
        if (sizes.length === 3) controller.abort();
      }
      expect(sizes).toEqual([100, 100, 100]);
    } finally {
      await handle.close();
    }
  });

  it('gives nothing for an empty file', async () => {
    const handle = await open(file(Buffer.alloc(0)), 'r');
    try {
      const chunks: Buffer[] = [];
      for await (const chunk of readFileChunks(handle, new AbortController().signal, 100, true)) chunks.push(chunk);
      expect(chunks).toEqual([]);
    } finally {
      await handle.close();
    }
  });
});
