import { describe, expect, inject, it } from 'vitest';
import { emptyConfig, runCli, type RunOptions } from '../harness/run-cli.js';
import { createTopic, sendMessages, uniqueTopic } from '../harness/kafka.js';

// The commands under a Chinese locale against a real broker: what people read (reports, status
// lines, summaries, check's verdict, tables) is in Chinese; exit codes are the same as in English;
// stdout in a machine format (-o json) is the same bytes, only the message text inside an error
// field (errstr, problems) being in the language of the run.

const { bootstrap } = inject('kafka');
const config = emptyConfig();
const base = ['--config', config, '-b', bootstrap];
const ZH: RunOptions = { env: { LANG: 'zh_CN.UTF-8' } };
const CJK = /[\u4e00-\u9fff]/;

/** JSON input with everything given, so that two runs to fresh topics write the same reports. */
const input = [0, 1, 2, 3].map((i) => JSON.stringify({ key: `k${i}`, value: `订单 ${i}`, partition: i % 2, timestamp: 1_717_243_200_000 + i, headers: { n: String(i) } })).join('\n');

/** Each line that is not data (stderr) starts with `% ` when it is a status line. */
const statusLines = (stderr: string) => stderr.split('\n').filter((l) => l !== '');

describe('produce in Chinese', () => {
  it('reports and sums up in Chinese; exit code and -o json stdout as in English', async () => {
    const topics = [uniqueTopic('zh-produce'), uniqueTopic('zh-produce')];
    await Promise.all(topics.map((t) => createTopic(bootstrap, t, 2)));
    const produce = (topic: string, options: RunOptions, ...extra: string[]) =>
      runCli(['produce', ...base, '-t', topic, '--input', 'json', ...extra], { ...options, stdin: input });

    const text = await produce(topics[0]!, ZH);
    expect(text.code, text.stderr).toBe(0);
    // One request per partition: the partitions' reports come in the order their requests end.
    const reports = text.stdout.trimEnd().split('\n').sort();
    expect(reports).toEqual([
      `发送成功  ${topics[0]} [0] @ 0  2024-06-01T12:00:00.000Z  键 k0  长度 8  "订单 0"  消息头 n=0`,
      `发送成功  ${topics[0]} [0] @ 1  2024-06-01T12:00:00.002Z  键 k2  长度 8  "订单 2"  消息头 n=2`,
      `发送成功  ${topics[0]} [1] @ 0  2024-06-01T12:00:00.001Z  键 k1  长度 8  "订单 1"  消息头 n=1`,
      `发送成功  ${topics[0]} [1] @ 1  2024-06-01T12:00:00.003Z  键 k3  长度 8  "订单 3"  消息头 n=3`,
    ]);
    expect(text.stderr).toMatch(new RegExp(`^完成：4 条消息中 4 条已成功发送到主题 '${topics[0]}'，用时 \\d+\\.\\d\\d 秒\\n$`));

    const [en, zh] = [await produce(topics[1]!, {}, '-o', 'json'), await produce(topics[0]!, ZH, '-o', 'json')];
    expect(zh.code).toBe(en.code);
    // The second run to topics[0] starts at offset 2 in each partition: the same reports otherwise.
    const normal = (stdout: string, topic: string, shift: number) =>
      stdout.replaceAll(topic, 'TOPIC').replace(/"offset":(\d+)/g, (_, o: string) => `"offset":${Number(o) - shift}`).split('\n').sort();
    expect(normal(zh.stdout, topics[0]!, 2)).toEqual(normal(en.stdout, topics[1]!, 0));
    expect(zh.stderr.replaceAll(topics[0]!, 'TOPIC').replace(/"elapsed_ms":\d+/, '')).toBe(en.stderr.replaceAll(topics[1]!, 'TOPIC').replace(/"elapsed_ms":\d+/, ''));
  });

  it('a refused message: the same exit code and report fields, the reason in Chinese', async () => {
    const topic = uniqueTopic('zh-refused');
    await createTopic(bootstrap, topic, 1);
    const argv = ['produce', ...base, '-t', topic, '-p', '7', 'x'];
    const [en, zh] = [await runCli(argv), await runCli(argv, ZH)];
    expect(en.code).toBe(6);
    expect(zh.code).toBe(en.code);
    expect(zh.stdout).toBe(`发送失败  ${topic} [7]  第 1 行  键 -  长度 1  "x"  主题 '${topic}' 中不存在分区 7（现有分区：0）\n`);
    expect(zh.stderr).toMatch(new RegExp(`^未全部完成：1 条消息中 0 条已成功发送到主题 '${topic}'；1 条发送失败：主题 '${topic}' 中不存在分区 7（现有分区：0），用时 `));
    const [enJson, zhJson] = [await runCli([...argv, '-o', 'json']), await runCli([...argv, '-o', 'json'], ZH)];
    expect(zhJson.code).toBe(enJson.code);
    const report = (stdout: string) => {
      const { errstr, timestamp: _t, ...fields } = JSON.parse(stdout) as Record<string, unknown>;
      return { fields, errstr };
    };
    expect(report(zhJson.stdout).fields).toEqual(report(enJson.stdout).fields);
    expect(report(zhJson.stdout).fields).toMatchObject({ err: -1, status: 'failed', partition: 7, offset: -1 });
    expect(report(zhJson.stdout).errstr).toMatch(CJK);
  });
});

describe('consume in Chinese', () => {
  it('status lines keep `% ` and are Chinese; the summary too; -o json stdout as in English', async () => {
    const topic = uniqueTopic('zh-consume');
    await createTopic(bootstrap, topic, 2);
    await sendMessages(bootstrap, topic, [0, 1, 2, 3].map((i) => ({ key: `k${i}`, value: `订单 ${i}`, partition: i % 2 })));
    const consume = (options: RunOptions, group: string, ...extra: string[]) => runCli(['consume', ...base, '-t', topic, '-g', group, '-e', ...extra], options);

    const text = await consume(ZH, uniqueTopic('zh-group'));
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toMatch(new RegExp(`(^|\\n)${topic} \\[0\\] @ 0  \\S+  键 k0  长度 8\\n订单 0\\n`));
    const lines = statusLines(text.stderr);
    for (const line of lines) {
      expect(line.startsWith('% '), line).toBe(true);
      expect(line).toMatch(CJK);
    }
    expect(lines[0]).toMatch(new RegExp(`^% 开始读取主题 '${topic}'（消费分组 'zh-group-[^']+'）：分区:位点 0:0 1:0$`));
    expect(lines.at(-1)).toMatch(new RegExp(`^% 完成：从主题 '${topic}' 读取 4 条消息，用时 [\\d.]+ 秒；停止原因：已读到分区末尾；已为消费分组 '[^']+' 提交位点 0:2 1:2$`));

    const [en, zh] = [await consume({}, uniqueTopic('en-json'), '-o', 'json'), await consume(ZH, uniqueTopic('zh-json'), '-o', 'json')];
    expect(zh.code).toBe(en.code);
    // The same lines; the two partitions' messages interleave as their fetches come back.
    const sorted = (stdout: string) => stdout.split('\n').sort();
    expect(sorted(zh.stdout)).toEqual(sorted(en.stdout));
    expect(zh.stdout.split('\n')).toHaveLength(5);
  });
});

describe('check in Chinese', () => {
  it('passes with a Chinese verdict; -o json has the same fields and verdict', async () => {
    const topic = uniqueTopic('zh-check');
    await createTopic(bootstrap, topic, 2);
    const text = await runCli(['check', ...base, '-t', topic, '-n', '4'], ZH);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toMatch(new RegExp(`^ckafka check  主题 ${topic}  运行 ID [0-9a-f]+  共 4 条消息\\n  生产  4/4 发送成功  发送延迟 最小 [\\d.]+ ms`));
    expect(text.stdout).toContain('  消费  4/4 完整收到  端到端延迟 最小 ');
    expect(text.stdout).toMatch(/\n通过，用时 \d+\.\d\d 秒\n$/);

    const [en, zh] = [await runCli(['check', ...base, '-t', topic, '-n', '4', '-o', 'json']), await runCli(['check', ...base, '-t', topic, '-n', '4', '-o', 'json'], ZH)];
    expect(zh.code).toBe(en.code);
    const shape = (stdout: string) => {
      const r = JSON.parse(stdout) as Record<string, unknown>;
      return { keys: Object.keys(r), verdict: r.verdict, counts: [r.count, r.delivered, r.received, r.missing, r.duplicates, r.corrupted], problems: r.problems };
    };
    expect(shape(zh.stdout)).toEqual(shape(en.stdout));
  });

  it('fails with the same exit code (8), the verdict and problems in Chinese', async () => {
    // With acks=0 the broker drops a message over the topic's limit without a word: sent, never received.
    const topic = uniqueTopic('zh-check-lost');
    await createTopic(bootstrap, topic, 1, { 'max.message.bytes': '300' });
    const argv = ['check', ...base, '-t', topic, '-n', '3', '--size', '1000', '--acks', '0', '--timeout', '4s'];
    const [en, zh] = [await runCli(argv), await runCli(argv, ZH)];
    expect(en.code).toBe(8);
    expect(zh.code).toBe(en.code);
    expect(zh.stdout).toContain('  消费  0/3 完整收到  端到端延迟 无\n');
    expect(zh.stdout).toContain('  ✗ 未收到：3 条消息，序号 0、1、2\n');
    expect(zh.stdout).toMatch(/\n未通过（not-received），用时 \d+\.\d\d 秒\n$/);
    const json = await runCli([...argv, '-o', 'json'], ZH);
    expect(json.code).toBe(8);
    expect(JSON.parse(json.stdout)).toMatchObject({ verdict: 'not-received', delivered: 3, received: 0, missing: 3, problems: ['未收到：3 条消息，序号 0、1、2'] });
  });
});

describe('group and topic tables in Chinese', () => {
  it('Chinese headings and labels, the same exit codes, -o json the same bytes', async () => {
    const topic = uniqueTopic('zh-tables');
    const group = uniqueTopic('zh-tables-group');
    await createTopic(bootstrap, topic, 2);
    await sendMessages(bootstrap, topic, [{ value: 'a', partition: 0 }, { value: 'b', partition: 0 }, { value: 'c', partition: 1 }]);
    expect((await runCli(['consume', ...base, '-t', topic, '-g', group, '-e', '-q', '-o', 'raw'])).code).toBe(0);

    const describeGroup = await runCli(['group', 'describe', ...base, group], ZH);
    expect(describeGroup.code).toBe(0);
    expect(describeGroup.stdout).toMatch(new RegExp(`^消费分组：${group}  状态：Empty  成员数：0  总堆积：0\\n没有活跃成员：该消费分组只有已提交的位点\\n\\n`));
    expect(describeGroup.stdout).toContain('主题');
    const heading = describeGroup.stdout.split('\n').find((l) => l.startsWith('主题'))!;
    expect(heading.split(/ {2,}/)).toEqual(['主题', '分区', '已提交位点', '最新位点', '堆积', '成员', '主机']);

    const describeTopic = await runCli(['topic', 'describe', ...base, topic], ZH);
    expect(describeTopic.code).toBe(0);
    expect(describeTopic.stdout).toMatch(new RegExp(`^主题：${topic}  分区数：2  消息数：3\\n\\n分区  Leader 节点  副本  ISR 副本  最早位点  最新位点\\n   0            1     1         1         0         2\\n   1            1     1         1         0         1\\n`));

    const list = await runCli(['topic', 'list', ...base], ZH);
    expect(list.code).toBe(0);
    expect(list.stdout.split('\n')[0]!.split(/ {2,}/)).toEqual(['主题', '分区数', '副本数']);
    const groups = await runCli(['group', 'list', ...base], ZH);
    expect(groups.code).toBe(0);
    expect(groups.stdout.split('\n')[0]!.split(/ {2,}/)).toEqual(['消费分组', '状态', '协议']);

    const reset = await runCli(['group', 'reset-offsets', ...base, group, '-t', topic, '--to', 'earliest'], ZH);
    expect(reset.code).toBe(0);
    expect(reset.stdout).toContain('分区  当前位点  新位点  重置后堆积');
    expect(reset.stdout).toContain('试运行：未做任何更改；加上 --execute 才会提交这些位点');

    for (const argv of [['group', 'describe', ...base, group], ['topic', 'describe', ...base, topic], ['group', 'reset-offsets', ...base, group, '-t', topic, '--to', 'earliest'], ['brokers', ...base]]) {
      const [en, zh] = [await runCli([...argv, '-o', 'json']), await runCli([...argv, '-o', 'json'], ZH)];
      expect(zh.code, argv.join(' ')).toBe(en.code);
      expect(zh.stdout, argv.join(' ')).toBe(en.stdout);
    }
  });
});
