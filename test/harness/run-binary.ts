import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { assertNoStatusOnStdout } from './stdout-guard.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
/** The installed entry point; it runs dist/, so `npm run build` must have run (npm test does). */
export const BIN = `${root}bin/ckafka.js`;

export interface BinaryResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI as a process with no terminal and NO_COLOR, optionally feeding stdin; rejects on status lines on stdout. */
export function runBinary(args: string[], options: { stdin?: string; env?: NodeJS.ProcessEnv } = {}): Promise<BinaryResult> {
  if (!existsSync(`${root}dist/main.js`)) throw new Error('dist/ is missing: run `npm run build` before the integration tests');
  const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, NO_COLOR: '1', ...options.env } });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  child.stdin.end(options.stdin ?? '');
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      try {
        assertNoStatusOnStdout(stdout, args);
        resolve({ code, stdout, stderr });
      } catch (error) {
        reject(error as Error);
      }
    });
  });
}
