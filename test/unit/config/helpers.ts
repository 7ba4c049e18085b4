import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach } from 'vitest';
import { CkafkaError } from '../../../src/errors/errors.js';
import { loadConfig } from '../../../src/config/load.js';
import type { ConfigRequest, ResolvedConfig } from '../../../src/config/types.js';

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A fresh directory, removed after the test. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ckafka-config-'));
  made.push(dir);
  return dir;
}

/** Writes a file (creating directories); objects are written as JSON. */
export function write(dir: string, name: string, content: string | object): string {
  const path = join(dir, name);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return path;
}

/**
 * A request isolated from the developer's own files: nothing from process.env, and HOME is the
 * working directory itself unless given, so the upward search stops there.
 */
export function request(cwd: string, extra: Partial<ConfigRequest> = {}): ConfigRequest {
  return { cwd, flags: {}, ...extra, env: { HOME: cwd, ...extra.env } };
}

export async function load(cwd: string, extra: Partial<ConfigRequest> = {}): Promise<ResolvedConfig> {
  return loadConfig(request(cwd, extra));
}

/** The config error loadConfig throws (fails the test if it resolves or throws something else). */
export async function loadError(cwd: string, extra: Partial<ConfigRequest> = {}): Promise<CkafkaError> {
  try {
    await load(cwd, extra);
  } catch (error) {
    if (error instanceof CkafkaError) return error;
    throw error;
  }
  throw new Error('expected loadConfig to fail');
}
