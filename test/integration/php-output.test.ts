import { describe, expect, inject, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { createTopic, readMessages, uniqueTopic } from '../harness/kafka.js';
import { emptyConfig } from '../harness/run-cli.js';
import { runBinary } from '../harness/run-binary.js';

// `-o php` prints what the demo's Producer.php prints (SPEC.md Appendix A), so scripts that grep
// its lines keep working: checked here against what the broker stored.
const { bootstrap } = inject('kafka');

/** The demo's delivery report of one message, as Producer.php prints it for a message without key or headers. */
const producerReport = (topic: string, m: { partition: number; offset: string; timestamp: string; value: string }) =>
  `**Producer**发送消息：message=\\RdKafka\\Message::__set_state(array(
   'err' => 0,
   'topic_name' => '${topic}',
   'timestamp' => ${m.timestamp},
   'partition' => ${m.partition},
   'payload' => '${m.value}',
   'len' => ${m.value.length},
   'key' => NULL,
   'offset' => ${m.offset},
   'headers' => 
  array (
  ),
   'opaque' => NULL,
))
`;

describe('produce -o php', () => {
  it("prints the demo's delivery reports and its success line, byte for byte, for what the broker stored", async () => {
    const topic = uniqueTopic('php-produce');
    await createTopic(bootstrap, topic, 3);
    const r = await runBinary(['--config', emptyConfig(), '-b', bootstrap, 'produce', '-t', topic, '-n', '5', '-o', 'php']);
    expect(r.code, r.stderr).toBe(0);
    const stored = await readMessages(bootstrap, topic, 5);
    expect(stored.map((m) => m.value).sort()).toEqual(['Message 0', 'Message 1', 'Message 2', 'Message 3', 'Message 4']);
    // Reports come grouped by partition as each acknowledgement arrives; within one, in offset order.
    const reports = r.stdout.split(/(?=\*\*Producer\*\*)/);
    expect(reports.pop()).toBe('**Producer**消息发送成功\n');
    const expected = new Set(stored.map((m) => producerReport(topic, { ...m, value: m.value ?? '' })));
    expect(new Set(reports)).toEqual(expected);
    expect(reports).toHaveLength(5);
  });

  it("prints the demo's error callback lines when the cluster cannot be reached, and exits 4", async () => {
    const r = await runBinary(['--config', emptyConfig(), '-b', '127.0.0.1:1', 'produce', '-t', 'any', '-n', '1', '-o', 'php']);
    expect(r.code).toBe(4);
    const lines = r.stdout.split('\n').filter(Boolean);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^\*\*Producer\*\*发送消息错误：err=-195 reason=127\.0\.0\.1:1\/bootstrap: .*ECONNREFUSED.* $/);
    expect(lines[1]).toBe('**Producer**发送消息错误：err=-187 reason=1/1 brokers are down ');
    expect(r.stderr).toContain('cannot reach the cluster');
  });
});

describe('consume -o php', () => {
  it("prints Consumer.php's lines for kcat's message (key, repeated and empty headers) and its timeout line", async () => {
    const topic = uniqueTopic('php-consume');
    await createTopic(bootstrap, topic, 1);
    // As SPEC.md Appendix A captured it: h twice (the last value wins), bin empty.
    execFileSync('kcat', ['-P', '-b', bootstrap, '-t', topic, '-K:', '-H', 'h=1', '-H', 'h=2', '-H', 'bin='], { input: 'dk:dup\n' });
    const [stored] = await readMessages(bootstrap, topic, 1);
    const r = await runBinary(['--config', emptyConfig(), '-b', bootstrap, 'consume', '-t', topic, '-g', uniqueTopic('php-demo'), '--idle-timeout', '1s', '-o', 'php']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe(`**消费者**接收到消息：\\RdKafka\\Message::__set_state(array(
   'err' => 0,
   'topic_name' => '${topic}',
   'timestamp' => ${stored?.timestamp},
   'partition' => 0,
   'payload' => 'dup',
   'len' => 3,
   'key' => 'dk',
   'offset' => 0,
   'headers' => 
  array (
    'h' => '2',
    'bin' => '',
  ),
   'opaque' => NULL,
))
**消费者**等待超时
`);
  });

  it('prints no timeout line when it stops at the end of the partitions (-e)', async () => {
    const topic = uniqueTopic('php-consume-end');
    await createTopic(bootstrap, topic, 1);
    execFileSync('kcat', ['-P', '-b', bootstrap, '-t', topic], { input: 'one\n' });
    const r = await runBinary(['--config', emptyConfig(), '-b', bootstrap, 'consume', '-t', topic, '-e', '-o', 'php']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^\*\*消费者\*\*接收到消息：\\RdKafka\\Message::__set_state\(array\(\n[^]*'payload' => 'one',\n[^]*\)\)\n$/);
    expect(r.stdout).not.toContain('等待超时');
  });
});
