import { createServer } from 'node:net';
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import type { Command } from 'commander';
import { buildProgram } from '../../../src/cli/program.js';
import { columns, wrap } from '../../../src/cli/help.js';
import { setLocale, type Locale } from '../../../src/i18n/index.js';
import { emptyConfig, runCli } from '../../harness/run-cli.js';

// The command line under a Chinese locale: help (commander's own words too) and usage errors in
// Chinese, with the exit codes and the machine output of the English run.

const ZH = { LANG: 'zh_CN.UTF-8' };
const HAN = /[\u4e00-\u9fff]/;
const CJK = /[\u3400-\u9fff\u3000-\u303f\uff00-\uffef]/;

/** Every command's full --help (after-help text included), unwrapped, in a language. */
function everyHelp(locale: Locale): { path: string; text: string }[] {
  setLocale(locale);
  const out = new PassThrough();
  let text = '';
  out.on('data', (d: Buffer) => (text += d.toString()));
  const program = buildProgram({ io: { stdout: out, stderr: new PassThrough() } as never, exitCode: 0, outputJson: false });
  // One line per item and per paragraph: what is checked is the text, not where it wraps.
  Object.assign(program.configureHelp(), { helpWidth: 100_000 });
  const helps: { path: string; text: string }[] = [];
  const visit = (cmd: Command, path: string[]) => {
    text = '';
    cmd.outputHelp();
    helps.push({ path: path.join(' ') || '(ckafka)', text });
    for (const sub of cmd.commands) visit(sub, [...path, sub.name()]);
  };
  visit(program, []);
  return helps;
}

/** Examples are command lines (and `bash:  source <(ckafka completion bash)`): the same in every language. */
const isExample = (line: string) => /^ {2}(ckafka |(bash|zsh|fish): )/.test(line) && !/#/.test(line);

describe('help in Chinese', () => {
  afterEach(() => setLocale('en'));

  it.each([[['--help']], [['produce', '--help']], [['consume', '--help']]])('ckafka %j: Chinese, exit 0 as in English', async (argv) => {
    const zh = await runCli(argv, { env: ZH });
    const en = await runCli(argv);
    expect(zh.code).toBe(0);
    expect(en.code).toBe(0);
    expect(zh.stdout).toMatch(/^用法：ckafka /);
    expect(zh.stdout).toContain('\n选项：\n');
    expect(zh.stdout).toContain('-h, --help');
    expect(zh.stdout).toContain('显示命令的帮助');
    for (const english of ['Usage:', 'Options:', 'Commands:', 'Arguments:', 'display help for command', 'default:', 'choices:']) {
      expect(zh.stdout).not.toContain(english);
    }
    // The same flags and commands, in the same order.
    const flags = (text: string) => text.match(/^ {2}(-\S+|[a-z][\w-]*)/gm);
    expect(flags(zh.stdout)).toEqual(flags(en.stdout));
    expect(zh.stderr).toBe('');
  });

  it('ckafka --help: its commands, the version option and the help command', async () => {
    const r = await runCli(['--help'], { env: ZH });
    expect(r.stdout).toContain('\n命令：\n');
    expect(r.stdout).toMatch(/-V, --version +输出版本号/);
    expect(r.stdout).toMatch(/help \[command\] +显示命令的帮助/);
    expect(r.stdout).toMatch(/consume \[options\] +读取并输出消息/);
  });

  it('produce --help: defaults and choices in Chinese, their values as they are', async () => {
    const r = await runCli(['produce', '--help'], { env: ZH });
    expect(r.stdout).toMatch(/-o, --output <format> +输出格式（可选值："text"、"json"、"php"；默\s+认："text"）/);
    expect(r.stdout).toContain('\n参数：\n  messages ');
  });

  it('consume --help: the text after the options, examples kept as typed', async () => {
    const r = await runCli(['consume', '--help'], { env: ZH });
    expect(r.stdout).toContain('\n示例：\n');
    expect(r.stdout).toContain("  ckafka consume -t orders -e --match 'value:\"status\":\"failed\"' --match header.source:^web$\n");
    expect(r.stdout).toContain('按 Ctrl-C 会提交这些位点并离开消费分组');
  });

  it('no line of any command\'s help is left in English, but flags, placeholders and examples', () => {
    const helps = everyHelp('zh-CN');
    expect(helps.length).toBeGreaterThan(20);
    const english: string[] = [];
    for (const { path, text } of helps) {
      for (const line of text.split('\n')) {
        if (line.trim() === '' || isExample(line)) continue;
        // An item: the term (flags, a command and its placeholders), two spaces, its description.
        const item = /^ {2}(\S.*?) {2,}(\S.*)$/.exec(line);
        const words = item ? item[2]! : line;
        if (!HAN.test(words)) english.push(`${path}: ${line}`);
      }
    }
    expect(english).toEqual([]);
  });

  it('English help has no Chinese in it', () => {
    for (const { path, text } of everyHelp('en')) expect(CJK.test(text), path).toBe(false);
  });

  it('Chinese text wraps by terminal columns (two for a Chinese character), never before closing punctuation', async () => {
    const r = await runCli(['consume', '--help'], { env: ZH });
    for (const line of r.stdout.split('\n')) {
      if (!line.startsWith('  ckafka ')) expect(columns(line), line).toBeLessThanOrEqual(80);
    }
    const wrapped = wrap('一二三四五，六七八九十（甲乙）', 12, 4, columns);
    expect(wrapped.split('\n')).toEqual(['一二三四五，', '六七八九十', '（甲乙）']);
    expect(wrapped.replace(/\n/g, '')).toBe('一二三四五，六七八九十（甲乙）');
    // Text without wide characters is wrapped as commander does: at spaces only.
    expect(wrap('aaa bbb ccc-ddd', 8, 4, columns)).toBe('aaa bbb\nccc-ddd');
  });
});

describe('usage errors in Chinese', () => {
  it.each([
    { argv: ['produce', '--cont', '3'], zh: ["ckafka: 错误：未知选项 '--cont'", '（您是指 --count 吗？）', '（加上 --help 查看用法）'] },
    { argv: ['prodce'], zh: ["未知命令 'prodce'", '（您是指 produce 吗？）'] },
    { argv: ['topic', 'lst'], zh: ["未知命令 'lst'", '（您是指 list 吗？）'] },
    { argv: ['produce', '-n', 'abc'], zh: ["选项 '-n, --count <n>' 的取值 'abc' 无效：--count 须为 1 到 1000000000 之间的整数（十进制数字）。"] },
    { argv: ['topic', 'alter', 't', '-P', '0'], zh: ['--partitions 须为 1 到 2147483647 之间的整数'] },
    { argv: ['produce', '-o', 'xml'], zh: ["选项 '-o, --output <format>' 的取值 'xml' 无效：可选值为 text、json、php。"] },
    { argv: ['completion', 'tcsh'], zh: ["参数 'shell' 的取值 'tcsh' 无效：可选值为 bash、zsh、fish。"] },
    { argv: ['topic', 'describe'], zh: ["缺少必需的参数 'topic'"] },
    { argv: ['produce', '-n'], zh: ["选项 '-n, --count <n>' 缺少取值"] },
    { argv: ['group', 'reset-offsets', 'g'], zh: ["未指定必需的选项 '-t, --topic <topic>'"] },
    { argv: ['topic', 'describe', 'a', 'b'], zh: ["'describe' 的参数过多：应为 1 个，实际为 2 个。"] },
    { argv: ['group', 'reset-offsets', 'g', '-t', 'x', '--shift-by', 'abc'], zh: ["--shift-by 需要一个整数（负数表示往回移），实际为 'abc'"] },
    { argv: ['consume', '--follow', '-e'], zh: ['ckafka: 错误：--follow 与 -e（--stop-at-end）相互矛盾'] },
    { argv: ['consume', '-p', '0', '-g', 'g'], zh: ['不能与 -g 同时使用', '  提示：去掉 -g 可读取指定的分区'] },
    { argv: ['produce', '-k', 'a', '-K', ':'], zh: ['-k（--key）与 -K（--key-delimiter）不能同时使用'] },
    { argv: ['topic', 'create', 'x', '--config', 'bad'], zh: ["--config 的格式应为 name=value，实际为 'bad'", '提示：主题配置的格式为 name=value'] },
    { argv: ['topic', 'delete', 'x'], zh: ['没有可用于确认的终端，必须指定 --yes'] },
  ])('ckafka $argv', async ({ argv, zh }) => {
    // A closed port: a check that came too late would connect and end with exit 4, not 2.
    const env = { CKAFKA_BOOTSTRAP_SERVERS: '127.0.0.1:9', HOME: '/nonexistent' };
    const chinese = await runCli(argv, { env: { ...env, ...ZH } });
    const english = await runCli(argv, { env });
    expect(english.code).toBe(2);
    expect(chinese.code).toBe(2);
    expect(chinese.stdout).toBe(english.stdout);
    for (const text of zh) expect(chinese.stderr).toContain(text);
    expect(chinese.stderr).not.toMatch(/\berror:|unknown|Did you mean|add --help|is invalid|contradict/);
    // As many lines as in English: the same error, hint and "(add --help …)" lines.
    expect(chinese.stderr.split('\n').length).toBe(english.stderr.split('\n').length);
  });

  it('in JSON mode only the message and hint change', async () => {
    const argv = ['consume', '-f', '%s', '-o', 'json'];
    const zh = JSON.parse((await runCli(argv, { env: ZH })).stderr) as { error: Record<string, unknown> };
    const en = JSON.parse((await runCli(argv)).stderr) as { error: Record<string, unknown> };
    expect(Object.keys(zh.error)).toEqual(Object.keys(en.error));
    expect({ ...zh.error, message: '', hint: '' }).toEqual({ ...en.error, message: '', hint: '' });
    expect(zh.error.message).toBe('-f（--format）与 -o json 相互矛盾');
  });

  it('CKAFKA_LANG=zh-CN wins over an English LANG, CKAFKA_LANG=en over a Chinese one', async () => {
    expect((await runCli(['--nope'], { env: { LANG: 'en_US.UTF-8', CKAFKA_LANG: 'zh-CN' } })).stderr).toContain("未知选项 '--nope'");
    expect((await runCli(['--nope'], { env: { ...ZH, CKAFKA_LANG: 'en' } })).stderr).toBe("ckafka: error: unknown option '--nope'\n(add --help for usage)\n");
  });
});

describe('command errors in Chinese, before or instead of a cluster', () => {
  it('check against a broker that never answers: exit 4, the action and the limit in Chinese, the JSON fields of English', async () => {
    const silent = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    try {
      const argv = ['check', '--config', emptyConfig(), '-b', `127.0.0.1:${(silent.address() as { port: number }).port}`, '-t', 'orders', '--timeout', '300ms'];
      const text = await runCli(argv, { env: ZH });
      expect(text.code).toBe(4);
      expect(text.stderr).toMatch(/^ckafka: 错误：检查主题 'orders'：127\.0\.0\.1:\d+ 在 --timeout 规定的 300 毫秒内没有应答\n {2}提示：请检查 bootstrap_servers/);
      const [zh, en] = [await runCli([...argv, '-o', 'json'], { env: ZH }), await runCli([...argv, '-o', 'json'])];
      expect([zh.code, en.code]).toEqual([4, 4]);
      const fields = (s: string) => Object.keys(JSON.parse(s) as object);
      expect(fields(zh.stdout)).toEqual(fields(en.stdout));
      expect(fields(zh.stderr)).toEqual(fields(en.stderr));
    } finally {
      silent.close();
    }
  });
});

describe('completion in Chinese', () => {
  it('the same candidates, described in Chinese, one per line, for each shell', async () => {
    for (const shell of ['zsh', 'fish']) {
      const words = ['consume', '--f'];
      const zh = await runCli(['__complete', shell, '--', ...words], { env: ZH });
      const en = await runCli(['__complete', shell, '--', ...words]);
      expect(zh.code).toBe(0);
      const sep = shell === 'zsh' ? ':' : '\t';
      const values = (text: string) => text.trimEnd().split('\n').map((l) => l.split(sep)[0]);
      expect(values(zh.stdout)).toEqual(values(en.stdout));
      const lines = zh.stdout.trimEnd().split('\n').slice(1);
      expect(lines.length).toBeGreaterThan(1);
      for (const line of lines) expect(line.slice(line.indexOf(sep) + 1), line).toMatch(HAN);
      // A description with quotes, a backslash and a colon stays on its line, as it is.
      expect(lines).toContain(`--format${sep}kcat 风格的格式：%t %p %o %T %k %s %h %K %S、\\n \\t（例如 '%p:%o %s\\n'）`);
    }
    const positions = await runCli(['__complete', 'fish', '--', 'consume', '--from', ''], { env: ZH });
    expect(positions.stdout).toBe(':\nearliest\t保留的第一条消息\nlatest\t末尾：只读新消息\n');
  });
});
