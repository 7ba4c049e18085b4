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

  it('refuses a CKAFKA_LANG it does not speak: a usage error (exit 2) in English, before anything runs', async () => {
    for (const argv of [['--help'], ['produce', '-b', '127.0.0.1:9', 'x']]) {
      const r = await runCli(argv, { env: { CKAFKA_LANG: 'fr', LANG: 'zh_CN.UTF-8' } });
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe(
        'ckafka: error: CKAFKA_LANG=fr is not a language ckafka speaks\n' +
          '  hint: Use CKAFKA_LANG=zh-CN or CKAFKA_LANG=en, or unset it to follow LC_ALL, LC_MESSAGES and LANG.\n',
      );
    }
  });

  it('speaks Chinese under a Chinese locale: help and usage errors, with the same exit codes', async () => {
    const help = await runCli(['--help'], { env: { LC_ALL: 'zh_CN.UTF-8' } });
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^用法：ckafka \[options\] \[command\]\n/);
    const unknown = await runCli(['no-such-command'], { env: { LANG: 'zh_CN.UTF-8' } });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("未知命令 'no-such-command'");
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
