import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../harness/run-cli.js';
import { CkafkaError } from '../../../src/errors/errors.js';
import { setLocale } from '../../../src/i18n/index.js';
import { namedReadErrors } from '../../../src/io/input-file.js';

// produce opens --file before it connects: a missing or unreadable file is a usage error naming
// the path and the reason, in the user's language, with the same exit code in every language.
// Nothing listens on port 9: a check that came after connecting would end with exit 4 instead.

const dir = mkdtempSync(join(tmpdir(), 'ckafka-input-'));
const config = join(dir, 'ckafka.config.json');
writeFileSync(config, '{}');
const env = { CKAFKA_BOOTSTRAP_SERVERS: '127.0.0.1:9', HOME: dir };
const produce = (args: string[], lang: Record<string, string> = {}) =>
  runCli(['produce', '--config', config, '-t', 'x', ...args], { cwd: dir, env: { ...env, ...lang } });

afterEach(() => setLocale('en'));

describe('produce --file that cannot be read', () => {
  it.each([
    ['missing.txt', 'no such file', '文件不存在'],
    ['.', 'it is a directory, expected a file', '这是一个目录，应为文件'],
  ])('%s: exit 2 in English and in Chinese', async (file, english, chinese) => {
    const en = await produce(['--file', file]);
    const zh = await produce(['--file', file], { LANG: 'zh_CN.UTF-8' });
    expect([en.code, zh.code]).toEqual([2, 2]);
    expect(en.stderr).toBe(`ckafka: error: cannot read --file ${file}: ${english}\n`);
    expect(zh.stderr).toBe(`ckafka: 错误：无法读取 --file ${file}：${chinese}\n`);
    expect([en.stdout, zh.stdout]).toEqual(['', '']);
  });

  it('-o json: one JSON error line, the same kind and exit code, the message in Chinese', async () => {
    const en = await produce(['--file', 'missing.txt', '-o', 'json']);
    const zh = await produce(['--file', 'missing.txt', '-o', 'json'], { LANG: 'zh_CN.UTF-8' });
    const error = (stderr: string) => (JSON.parse(stderr) as { error: { kind: string; exit_code: number; message: string } }).error;
    expect(error(zh.stderr)).toEqual({ ...error(en.stderr), message: '无法读取 --file missing.txt：文件不存在' });
    expect([en.code, zh.code]).toEqual([2, 2]);
  });
});

describe('an input that fails part-way', () => {
  async function failure(): Promise<CkafkaError> {
    async function* broken(): AsyncGenerator<Buffer> {
      yield Buffer.from('a\n');
      throw Object.assign(new Error('EIO: i/o error, read'), { code: 'EIO' });
    }
    try {
      for await (const _ of namedReadErrors(broken(), '--file in.txt'));
    } catch (error) {
      if (error instanceof CkafkaError) return error;
      throw error;
    }
    throw new Error('expected the input to fail');
  }

  it('is a partial failure (exit 7) that says what was sent, in either language', async () => {
    const en = await failure();
    expect([en.kind, en.message]).toEqual(['partial', 'cannot read --file in.txt: input/output error']);
    expect(en.hint).toBe('The messages read before the error were sent and reported; the rest of the input was not.');
    setLocale('zh-CN');
    const zh = await failure();
    expect([zh.kind, zh.exitCode, zh.message]).toEqual(['partial', 7, '无法读取 --file in.txt：输入/输出错误']);
    expect(zh.hint).toBe('出错之前读到的消息已发送并报告结果；其余输入没有发送。');
  });
});
