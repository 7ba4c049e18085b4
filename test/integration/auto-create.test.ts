import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startKafka, type KafkaCluster } from '../harness/broker.js';
import { kafkaAdmin, uniqueTopic } from '../harness/kafka.js';
import { emptyConfig, runCli } from '../harness/run-cli.js';

// A cluster that creates no topics (auto.create.topics.enable=false, a CKafka instance switch):
// produce refuses a missing topic at once, and nothing is created.
let kafka: KafkaCluster;
beforeAll(async () => {
  kafka = await startKafka({ brokerProps: { 'auto.create.topics.enable': false } });
});
afterAll(async () => {
  await kafka?.stop();
});

describe('produce to a missing topic on a cluster that does not create topics', () => {
  it('is refused with exit 6 and the reason, promptly, and the topic is not created', async () => {
    const topic = uniqueTopic('never-created');
    const started = Date.now();
    const r = await runCli(['produce', '--config', emptyConfig(), '-b', kafka.bootstrap, '-t', topic, '-n', '1']);
    expect(r.code).toBe(6);
    expect(r.stderr).toContain(`topic '${topic}' does not exist, and the cluster does not create topics automatically`);
    expect(r.stdout).toBe('');
    expect(Date.now() - started).toBeLessThan(4000);
    const admin = await kafkaAdmin(kafka.bootstrap);
    try {
      expect(await admin.listTopics()).not.toContain(topic);
    } finally {
      await admin.disconnect();
    }
  });

  it('in Chinese: the same refusal and exit code, the reason and the hint in Chinese; -o json keeps kind and exit_code', async () => {
    const topic = uniqueTopic('never-created-zh');
    const argv = ['produce', '--config', emptyConfig(), '-b', kafka.bootstrap, '-t', topic, '-n', '1'];
    const zh = { env: { LANG: 'zh_CN.UTF-8' } };
    const r = await runCli(argv, zh);
    expect(r.code).toBe(6);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`主题 '${topic}' 不存在，且集群不会自动创建主题（auto.create.topics.enable 已关闭）`);
    expect(r.stderr).toContain(`请先创建该主题（ckafka topic create ${topic}），或检查主题名称（ckafka topic list）。`);
    const errorLine = (stderr: string) => (JSON.parse(stderr) as { error: Record<string, unknown> }).error;
    const [en, cn] = [errorLine((await runCli([...argv, '-o', 'json'])).stderr), errorLine((await runCli([...argv, '-o', 'json'], zh)).stderr)];
    expect([en.kind, en.exit_code]).toEqual(['broker', 6]);
    expect([cn.kind, cn.exit_code]).toEqual(['broker', 6]);
    expect(cn.hint).toMatch(/^请先创建该主题/);
  });
});

describe('on a cluster that creates missing topics (the shared test broker)', () => {
  it('consume, check and inspection never create one', async () => {
    const { bootstrap } = inject('kafka');
    const topic = uniqueTopic('never-created');
    const args = ['--config', emptyConfig(), '-b', bootstrap];
    expect((await runCli(['consume', ...args, '-t', topic, '-e'])).code).toBe(6);
    expect((await runCli(['check', ...args, '-t', topic])).code).toBe(6);
    expect((await runCli(['topic', 'describe', ...args, topic])).code).toBe(6);
    const admin = await kafkaAdmin(bootstrap);
    try {
      expect(await admin.listTopics()).not.toContain(topic);
    } finally {
      await admin.disconnect();
    }
  });
});
