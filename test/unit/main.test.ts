import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { runCli } from '../harness/run-cli.js';
import { VERSION } from '../../src/version.js';

describe('main', () => {
  it('prints the version from package.json', async () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(VERSION).toBe(pkg.version);
    const r = await runCli(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(VERSION);
  });

  it('prints help on stdout and exits 0', async () => {
    const r = await runCli(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Usage: ckafka');
  });

  it('treats an unknown command as a usage error (exit 2)', async () => {
    const r = await runCli(['no-such-command']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown command');
  });
});

describe('failureExitCode', () => {
  it('is the failure kind\'s own code only when nothing got through and all failures agree', async () => {
    const { failureExitCode } = await import('../../src/errors/errors.js');
    expect(failureExitCode(['unreachable', 'unreachable'], false, 7)).toBe(4);
    expect(failureExitCode(['auth'], false, 7)).toBe(5);
    expect(failureExitCode(['broker'], true, 7)).toBe(7);
    expect(failureExitCode(['broker', 'unreachable'], false, 8)).toBe(8);
    expect(failureExitCode([], false, 7)).toBe(7);
  });
});
