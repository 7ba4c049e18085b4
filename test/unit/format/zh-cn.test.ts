import { afterEach, describe, expect, it } from 'vitest';
import { Chalk } from 'chalk';
import { setLocale, type Locale } from '../../../src/i18n/index.js';
import { deliveryRenderer, summaryJson, summaryText } from '../../../src/format/delivery.js';
import { consumeEventText, consumeSummaryText, unreadText } from '../../../src/format/consume-status.js';
import { checkJson, checkJunit, checkText } from '../../../src/format/check.js';
import { brokersText, groupsText, groupText, inspectJson, topicsText, topicText } from '../../../src/format/inspect.js';
import { groupDeleteText, resetJson, resetText, topicConfigText, topicDeleteText } from '../../../src/format/admin.js';
import { messageRenderer } from '../../../src/format/message-text.js';
import { displayWidth } from '../../../src/format/width.js';
import type { DeliveryReport } from '../../../src/kafka/records.js';
import type { ProduceSummary } from '../../../src/ops/produce.js';
import type { CheckResult } from '../../../src/ops/check.js';
import type { ConsumeSummary } from '../../../src/ops/consume.js';
import type { ResetResult } from '../../../src/ops/reset-offsets.js';
import type { GroupDescription, TopicDescription } from '../../../src/kafka/admin.js';
import { runCli, emptyConfig } from '../../harness/run-cli.js';

// What people read comes in Chinese under a Chinese locale; what machines read (JSON) is the same
// bytes in both languages. The renderers are called as a command calls them, after setLocale.

const c = new Chalk({ level: 0 });
const CJK = /[\u4e00-\u9fff]/;

afterEach(() => setLocale('en'));

/** Renders in each language; the second is Chinese. */
function both<T>(render: () => T): [T, T] {
  const out = (['en', 'zh-CN'] as Locale[]).map((locale) => {
    setLocale(locale);
    return render();
  });
  setLocale('en');
  return out as [T, T];
}

const record = { key: Buffer.from('k1'), value: Buffer.from('hello'), headers: [{ key: 'trace', value: Buffer.from('abc') }], timestamp: 1_717_243_200_000, line: 3 };
const reports: DeliveryReport[] = [
  { status: 'delivered', topic: 'orders', partition: 0, offset: '5', record, timestamp: record.timestamp },
  { status: 'sent', topic: 'orders', partition: 1, record, timestamp: record.timestamp },
  { status: 'failed', topic: 'orders', partition: 2, record, timestamp: record.timestamp, error: 'boom', errorKind: 'broker' },
  { status: 'not-sent', topic: 'orders', partition: null, record, timestamp: record.timestamp, error: 'later' },
];
const produced: ProduceSummary = {
  topic: 'orders', delivered: 5, unacknowledged: 1, failed: 2, notSent: 1, inputErrors: 1, interrupted: false, elapsedMs: 1234, failureKinds: ['broker'],
  firstError: { error: 'boom', allSame: true },
};

describe('produce output in Chinese', () => {
  it('reports each message with Chinese status words, lined up, and the same fields', () => {
    setLocale('zh-CN');
    const r = deliveryRenderer('text', c, 'utf8');
    const lines = reports.map((x) => r.report(x) as string);
    expect(lines[0]).toBe('发送成功  orders [0] @ 5  2024-06-01T12:00:00.000Z  键 k1  长度 5  "hello"  消息头 trace=abc\n');
    expect(lines[1]).toBe('已发送    orders [1]  2024-06-01T12:00:00.000Z  键 k1  长度 5  "hello"  消息头 trace=abc  （acks=0：Broker 不确认）\n');
    expect(lines[2]).toBe('发送失败  orders [2]  第 3 行  键 k1  长度 5  "hello"  boom\n');
    expect(lines[3]).toBe('未发送    orders  第 3 行  键 k1  长度 5  "hello"  later\n');
    // The topic starts at the same column whatever the status word.
    expect(new Set(lines.map((l) => displayWidth(l.slice(0, l.indexOf('orders')))))).toEqual(new Set([10]));
    expect(r.inputError({ line: 4, error: 'invalid JSON' }, c)).toBe('第 4 行：invalid JSON（未发送）\n');
  });

  it('sums up in Chinese', () => {
    setLocale('zh-CN');
    expect(summaryText(produced, c)).toBe(
      "未全部完成：9 条消息中 5 条已成功发送到主题 'orders'；1 条已发送但未经确认（acks=0）；2 条发送失败：boom；1 条未发送；1 行输入无效，用时 1.23 秒\n",
    );
    const fast = { ...produced, delivered: 5000, unacknowledged: 0, failed: 0, notSent: 0, inputErrors: 0, firstError: undefined };
    expect(summaryText(fast, c)).toBe("完成：5000 条消息中 5000 条已成功发送到主题 'orders'，用时 1.23 秒，每秒 4,052 条\n");
    expect(summaryText({ ...fast, interrupted: true }, c)).toMatch(/^已中断：/);
  });

  it('English stays as it was', () => {
    expect(summaryText(produced, c)).toBe(
      "incomplete: 5 of 9 delivered to 'orders'; 1 sent without acknowledgement (acks=0); 2 failed: boom; 1 not sent; 1 input line invalid in 1.23 s\n",
    );
    const r = deliveryRenderer('text', c, 'utf8');
    expect(r.report(reports[1]!)).toBe('sent       orders [1]  2024-06-01T12:00:00.000Z  key k1  len 5  "hello"  headers trace=abc  (acks=0: not acknowledged)\n');
    expect(r.report(reports[3]!)).toBe('not sent   orders  line 3  key k1  len 5  "hello"  later\n');
  });

  it('writes the same JSON and PHP bytes in both languages', () => {
    for (const format of ['json', 'php'] as const) {
      const [en, zh] = both(() => reports.map((x) => deliveryRenderer(format, c, 'utf8').report(x).toString()).join(''));
      expect(zh).toBe(en);
    }
    const [en, zh] = both(() => summaryJson(produced) + deliveryRenderer('json', c, 'utf8').inputError({ line: 4, error: 'x' }, c));
    expect(zh).toBe(en);
  });
});

const status = { topic: 'orders', groupId: 'php-demo', idleTimeoutMs: 10_000, stopAtEnd: false };
const positions = new Map([[0, 5n], [1, 0n]]);
const consumed: ConsumeSummary = { topic: 'orders', groupId: 'php-demo', consumed: 5, scanned: 5, reason: 'idle', committed: new Map([[1, 3n], [0, 2n]]), elapsedMs: 10_250 };

describe('consume output in Chinese', () => {
  it('keeps the `% ` of status lines, in Chinese', () => {
    setLocale('zh-CN');
    const lines = [
      consumeEventText({ kind: 'assigned', partitions: [0, 1], positions }, status, c, false),
      consumeEventText({ kind: 'assigned', partitions: [], positions }, status, c, false),
      consumeEventText({ kind: 'caught-up', partitions: [0, 1], positions }, status, c, false),
      consumeEventText({ kind: 'caught-up', partitions: [0, 1], positions }, { ...status, groupId: null, idleTimeoutMs: null }, c, false),
      consumeSummaryText(consumed, status, c, false),
    ];
    expect(lines[0]).toBe("% 开始读取主题 'orders'（消费分组 'php-demo'）：分区:位点 0:5 1:0\n");
    expect(lines[2]).toBe("% 已读到主题 'orders' 的末尾（分区:位点 0:5 1:0）；等待新消息，最长 10s\n");
    expect(lines[3]).toContain('直到按下 Ctrl-C');
    expect(lines[4]).toBe("% 完成：从主题 'orders' 读取 5 条消息，用时 10.25 秒；停止原因：10s 内没有新消息；已为消费分组 'php-demo' 提交位点 0:2 1:3\n");
    for (const line of lines) {
      expect(line.startsWith('% ')).toBe(true);
      expect(line).toMatch(CJK);
    }
  });

  it('says why it stopped, for every reason', () => {
    setLocale('zh-CN');
    for (const reason of ['count', 'end', 'until', 'idle', 'interrupted', 'output-closed', 'not-owned'] as const) {
      expect(consumeSummaryText({ ...consumed, reason }, status, c, false)).toMatch(/；停止原因：[^；]*[\u4e00-\u9fff]/);
    }
    const matching = consumeSummaryText({ ...consumed, consumed: 2, scanned: 1500, committed: new Map() }, { ...status, matching: true }, c, false);
    expect(matching).toBe("% 完成：从主题 'orders' 读取 1500 条消息（其中 2 条匹配），用时 10.25 秒，每秒 146 条；停止原因：10s 内没有新消息\n");
  });

  it('writes the same JSON events and summary in both languages', () => {
    const [en, zh] = both(() =>
      [
        consumeEventText({ kind: 'assigned', partitions: [0, 1], positions }, status, c, true),
        consumeEventText({ kind: 'caught-up', partitions: [0, 1], positions }, status, c, true),
        consumeSummaryText(consumed, { ...status, matching: true }, c, true),
      ].join(''),
    );
    expect(zh).toBe(en);
  });

  it('reports partitions left to other members in Chinese, with the error line of the language', () => {
    const unread = { ...consumed, reason: 'not-owned' as const, unread: new Map([[2, 4n], [1, 3n]]) };
    const [en, zh] = both(() => unreadText(unread, { ...status, stopAtEnd: true }, c, false));
    expect(en).toContain("ckafka: error: 'orders' was not read to its end: partition(s) 1, 2 belong to other members of group 'php-demo', with 7 message(s) unread (partition:messages 1:3 2:4)\n  hint: ");
    expect(zh).toContain("ckafka: 错误：主题 'orders' 没有读到末尾：分区 1、2 属于消费分组 'php-demo' 的其他成员，还有 7 条消息未读（分区:消息数 1:3 2:4）\n  提示：");
  });

  it('labels the readable message text in Chinese, leaving the message itself as it is', () => {
    const m = { topic: 'orders', partition: 0, offset: '7', timestamp: -1, key: Buffer.from('键k'), value: Buffer.from('订单 1'), headers: [{ key: 'trace', value: Buffer.from('abc') }] };
    const [en, zh] = both(() => messageRenderer({ kind: 'text' }, c, 'utf8')([m]) as string);
    expect(en).toBe('orders [0] @ 7  no timestamp  key 键k  len 8  headers trace=abc\n订单 1\n');
    expect(zh).toBe('orders [0] @ 7  无时间戳  键 键k  长度 8  消息头 trace=abc\n订单 1\n');
    for (const kind of ['json', 'raw', 'php'] as const) {
      const [a, b] = both(() => messageRenderer({ kind }, c, 'utf8')([m]).toString());
      expect(b).toBe(a);
    }
  });
});

const checked: CheckResult = {
  verdict: 'pass', topic: 'orders', runId: 'abc123', count: 12, delivered: 12, received: 12, missing: 0, duplicates: 0, corrupted: 0,
  produceLatency: { min: 1, median: 2, p99: 5, max: 6 }, endToEndLatency: { min: 3, median: 4, p99: 9, max: 9.5 }, problems: [], produceProblems: 0,
  failureKinds: [], elapsedMs: 440,
};

describe('check output in Chinese', () => {
  it('gives the verdict in Chinese, the stages lined up', () => {
    setLocale('zh-CN');
    expect(checkText(checked, c)).toBe(
      [
        'ckafka check  主题 orders  运行 ID abc123  共 12 条消息',
        '  生产  12/12 发送成功  发送延迟 最小 1 ms，中位数 2 ms，p99 5 ms，最大 6 ms',
        '  消费  12/12 完整收到  端到端延迟 最小 3 ms，中位数 4 ms，p99 9 ms，最大 9.5 ms',
        '通过，用时 0.44 秒',
        '',
      ].join('\n'),
    );
    const failed = { ...checked, verdict: 'not-received' as const, received: 11, missing: 1, endToEndLatency: null, problems: ['未收到：1 条消息，序号 4'] };
    const text = checkText(failed, c);
    expect(text).toContain('  消费  11/12 完整收到  端到端延迟 无\n');
    expect(text).toContain('  ✗ 未收到：1 条消息，序号 4\n');
    expect(text.trimEnd().split('\n').at(-1)).toBe('未通过（not-received），用时 0.44 秒');
  });

  it('English stays as it was', () => {
    expect(checkText(checked, c)).toBe(
      [
        'ckafka check  topic orders  run abc123  12 message(s)',
        '  produce  12/12 delivered        latency min 1 ms, median 2 ms, p99 5 ms, max 6 ms',
        '  consume  12/12 received intact  end to end min 3 ms, median 4 ms, p99 9 ms, max 9.5 ms',
        'PASS in 0.44 s',
        '',
      ].join('\n'),
    );
  });

  it('writes the same JSON in both languages, and JUnit cases under the same names', () => {
    const [en, zh] = both(() => checkJson(checked));
    expect(zh).toBe(en);
    expect(JSON.parse(en)).not.toHaveProperty('produce_problems');
    const at = new Date(0);
    const failed = { ...checked, verdict: 'produce-failed' as const, delivered: 10, received: 10, missing: 2, problems: ['p1', 'p2', 'missing'], produceProblems: 2 };
    const [junitEn, junitZh] = both(() => checkJunit(failed, at));
    const names = (xml: string) => [...xml.matchAll(/name="([^"]*)"/g)].map((m) => m[1]);
    expect(names(junitZh)).toEqual(names(junitEn));
    expect(junitEn).toContain('<failure message="2 of 12 not delivered">2 of 12 not delivered\np1\np2</failure>');
    expect(junitEn).toContain('<failure message="missing">missing</failure>');
    expect(junitZh).toContain('<failure message="12 条中有 2 条未发送成功">12 条中有 2 条未发送成功\np1\np2</failure>');
  });
});

const topic: TopicDescription = {
  name: 'orders',
  partitions: [
    { partition: 0, leader: 1, replicas: [1, 2], isr: [1, 2], offline: [], low: '0', high: '12' },
    { partition: 1, leader: 2, replicas: [2, 1], isr: [2], offline: [1], low: '3', high: '5' },
  ],
  configs: [{ name: 'retention.ms', value: '3600000', isDefault: false, sensitive: false }],
};
const group: GroupDescription = {
  groupId: 'php-demo', state: 'Empty', protocol: '', members: [], totalLag: '4',
  partitions: [{ topic: 'orders', partition: 0, committed: '8', end: '12', lag: '4', memberId: null, clientId: null, host: null }],
};
const reset: ResetResult = {
  groupId: 'php-demo', topic: 'orders', executed: false,
  partitions: [{ partition: 0, current: 8n, new: 0n, clamped: 'low', lagAfter: 12n, low: 0n, high: 12n }],
};

/** Every line of a table (from its heading on) has its cells starting at the heading's columns. */
function expectAligned(tableText: string): void {
  const lines = tableText.trimEnd().split('\n');
  const starts = (line: string) => {
    const out: number[] = [];
    let at = 0;
    for (const part of line.split(/( {2,})/)) {
      if (part !== '' && !part.startsWith('  ')) out.push(at);
      at += displayWidth(part);
    }
    return out;
  };
  const heading = starts(lines[0]!);
  for (const line of lines.slice(1)) {
    // Right-aligned numbers start further right; every text cell starts where its heading does.
    for (const s of starts(line)) expect(heading.some((h, i) => s >= h && (heading[i + 1] === undefined || s < heading[i + 1]!))).toBe(true);
    expect(starts(line)).toHaveLength(heading.length);
  }
}

describe('tables in Chinese', () => {
  it('have Chinese headings and labels, lined up by display width', () => {
    setLocale('zh-CN');
    const groups = groupsText([{ groupId: 'php-demo', state: 'Stable', protocolType: 'consumer' }, { groupId: '订单消费组', state: 'Empty', protocolType: '' }], c);
    expect(groups).toBe(['消费分组    状态    协议', 'php-demo    Stable  consumer', '订单消费组  Empty   -', ''].join('\n'));
    const topics = topicsText([{ name: 'orders', partitions: 3, replicationFactor: 1, internal: false }, { name: '订单', partitions: 12, replicationFactor: 3, internal: false }], c);
    expect(topics).toBe(['主题    分区数  副本数', 'orders       3       1', '订单        12       3', ''].join('\n'));
    const described = groupText(group, c);
    expect(described).toContain('消费分组：php-demo  状态：Empty  成员数：0  总堆积：4\n没有活跃成员');
    expectAligned(described.slice(described.indexOf('主题')));
    const topicOut = topicText(topic, c, false);
    expect(topicOut).toContain('主题：orders  分区数：2  消息数：14\n');
    expect(topicOut).toContain('离线 1');
    expect(topicOut).toContain('配置（非默认值；用 --all-configs 查看全部）：\n  retention.ms=3600000\n');
    expectAligned(topicOut.slice(topicOut.indexOf('分区  '), topicOut.indexOf('\n\n配置')));
    const plan = resetText(reset, c);
    expect(plan).toContain('已限定为最早保留的位点（0）');
    expect(plan).toContain('试运行：未做任何更改');
    expect(brokersText({ clusterId: 'abc', controller: null, brokers: [{ nodeId: 1, host: 'h', port: 9092 }] }, c)).toContain('控制器：未知');
    expect(groupsText([], c)).toBe('（没有消费分组）\n');
    expect(topicsText([], c)).toBe('（没有主题）\n');
    expect(topicDeleteText(['a'], ['b'], c)).toBe('主题  结果\na     已删除\nb     不存在\n');
    expect(groupDeleteText([{ groupId: 'g', deleted: false, error: 'NON_EMPTY_GROUP', message: 'x' }], c)).toContain('未删除：x（NON_EMPTY_GROUP）');
    const config = topicConfigText('orders', [{ name: 'cleanup.policy', value: 'delete', source: 'default', sensitive: false } as never], c);
    expect(config.split('\n')[0]).toBe('主题：orders  （来源 dynamic：在该主题上设置；default 和 static-broker：不是）');
  });

  it('write the same JSON in both languages', () => {
    const [en, zh] = both(() => inspectJson(group) + inspectJson(topic) + resetJson(reset));
    expect(zh).toBe(en);
  });
});

describe('usage errors of consume in Chinese', () => {
  it.each([
    [['--match', 'body:a'], "--match：'body:a' 中的字段 'body' 无法识别", '请写成 key:REGEX'],
    [['--match', 'nothing'], "--match：'nothing' 缺少字段", '请写成 key:REGEX'],
    [['--match', 'value:(a'], "--match：正则表达式 '(a' 无效：", '请写成 key:REGEX'],
    [['-f', '%x'], "--format：'%x' 第 1 个字符处的占位符 '%x' 无法识别", '可用的占位符'],
    [['-f', '\\q'], "--format：'\\q' 中的转义 '\\q' 无法识别", '可用的转义'],
  ])('%j: the message and hint in Chinese, the same exit code', async (args, message, hint) => {
    const argv = ['--config', emptyConfig(), 'consume', '-b', '127.0.0.1:1', '-t', 'orders', ...args];
    const en = await runCli(argv);
    const zh = await runCli(argv, { env: { LANG: 'zh_CN.UTF-8' } });
    expect(en.code).toBe(2);
    expect(zh.code).toBe(en.code);
    expect(zh.stdout).toBe(en.stdout);
    expect(zh.stderr).toContain(message);
    expect(zh.stderr).toContain(hint);
  });
});
