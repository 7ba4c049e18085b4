import { describe, expect, inject, it } from 'vitest';
import { emptyConfig, runCli } from '../harness/run-cli.js';
import { kafkaAdmin, sendMessages, uniqueTopic } from '../harness/kafka.js';

const { bootstrap } = inject('kafka');
const config = emptyConfig();
const base = ['--config', config, '-b', bootstrap];
// `topic create` takes --config name=value (topic configs): the config file goes before the command.
const create = (...args: string[]) => runCli(['--config', config, 'topic', 'create', ...args, '-b', bootstrap]);
const json = async (argv: string[]) => {
  const r = await runCli([...argv, '-o', 'json']);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as Record<string, unknown> & unknown[];
};

describe('inspection commands', () => {
  it('brokers: the cluster id, the controller and each broker', async () => {
    const info = await json(['brokers', ...base]);
    expect(info.cluster_id).toMatch(/\S+/);
    expect(info.brokers).toEqual([{ node_id: 1, host: '127.0.0.1', port: Number(bootstrap.split(':')[1]) }]);
    expect(info.controller).toBe(1);
    const text = await runCli(['brokers', ...base]);
    expect(text.stdout).toMatch(/ID\s+ADDRESS\s+CONTROLLER\n\s+1\s+127\.0\.0\.1:\d+\s+yes/);
  });

  it('topic create, list and describe with watermarks and config; an existing topic is refused', async () => {
    const topic = uniqueTopic('inspect');
    const created = await create(topic, '-P', '3', '-R', '1', '--config', 'retention.ms=3600000');
    expect(created.code).toBe(0);
    expect(created.stdout).toContain(`created topic '${topic}' with 3 partition(s)`);
    const again = await create(topic, '-P', '3');
    expect(again.code).toBe(6);
    expect(again.stderr).toContain(`topic '${topic}' already exists`);

    const list = await json(['topic', 'list', ...base]);
    expect(list).toContainEqual({ name: topic, partitions: 3, replication_factor: 1, internal: false });
    expect((list as { name: string }[]).some((t) => t.name === '__consumer_offsets')).toBe(false);

    await sendMessages(bootstrap, topic, [{ value: 'a', partition: 0 }, { value: 'b', partition: 0 }, { value: 'c', partition: 2 }]);
    const d = await json(['topic', 'describe', topic, ...base]);
    expect(d.partitions).toEqual([
      { partition: 0, leader: 1, replicas: [1], isr: [1], offline: [], low: '0', high: '2' },
      { partition: 1, leader: 1, replicas: [1], isr: [1], offline: [], low: '0', high: '0' },
      { partition: 2, leader: 1, replicas: [1], isr: [1], offline: [], low: '0', high: '1' },
    ]);
    expect(d.configs).toContainEqual({ name: 'retention.ms', value: '3600000', is_default: false, sensitive: false });
    const text = await runCli(['topic', 'describe', topic, ...base]);
    expect(text.stdout).toContain('messages: 3');
    expect(text.stdout).toContain('retention.ms=3600000');
  });

  it('describing a missing topic or group is a clear error (exit 6)', async () => {
    const t = await runCli(['topic', 'describe', uniqueTopic('nothere'), ...base]);
    expect(t.code).toBe(6);
    expect(t.stderr).toMatch(/topic '.*' does not exist/);
    const g = await runCli(['group', 'describe', uniqueTopic('nogroup'), ...base]);
    expect(g.code).toBe(6);
    expect(g.stderr).toMatch(/consumer group '.*' does not exist/);
  });

  it('topic create refuses an invalid name before connecting, in the words -t uses for produce and consume', async () => {
    const name = 'bad name!';
    const admin = await kafkaAdmin(bootstrap);
    try {
      const r = await create(name, '-P', '1');
      const consumed = await runCli(['consume', ...base, '-t', name, '-e']);
      expect(r.stderr).toBe(`ckafka: error: <topic>: expected a topic name of 1–249 characters from a-z A-Z 0-9 . _ -, got '${name}'\n`);
      expect(consumed.stderr).toContain(`expected a topic name of 1–249 characters from a-z A-Z 0-9 . _ -, got '${name}'`);
      expect(r.code).toBe(2);
      // 250 characters is one too many; the broker is never asked (nothing created).
      const long = await create('x'.repeat(250));
      expect(long.code).toBe(2);
      expect(long.stderr).toMatch(/expected a topic name of 1–249 characters/);
      expect((await admin.listTopics()).filter((t) => t === name || t.startsWith('xxxxx'))).toEqual([]);
      // A topic config that is not name=value (a config file given after the command) is said, not a silent exit 2.
      const conf = await create(uniqueTopic('conf'), '--config', 'ckafka.json');
      expect(conf.code).toBe(2);
      expect(conf.stderr).toMatch(/--config needs name=value, got 'ckafka.json'/);
    } finally {
      await admin.disconnect();
    }
  });

  it('group list and describe: committed offset, end offset and lag change as the group consumes', async () => {
    const topic = uniqueTopic('lag');
    const group = uniqueTopic('lag-group');
    expect((await create(topic, '-P', '1')).code).toBe(0);
    await sendMessages(bootstrap, topic, Array.from({ length: 10 }, (_, i) => ({ value: `m${i}` })));

    const first = await runCli(['consume', ...base, '-t', topic, '-g', group, '-c', '4', '-o', 'raw']);
    expect(first.code).toBe(0);
    expect(first.stdout).toBe('m0\nm1\nm2\nm3\n');
    let g = await json(['group', 'describe', group, ...base]);
    expect(g.state).toBe('Empty');
    expect(g.partitions).toEqual([{ topic, partition: 0, committed: '4', end: '10', lag: '6', member_id: null, client_id: null, host: null }]);
    expect(g.total_lag).toBe('6');

    const rest = await runCli(['consume', ...base, '-t', topic, '-g', group, '-e', '-o', 'raw']);
    expect(rest.code).toBe(0);
    g = await json(['group', 'describe', group, ...base]);
    expect(g.total_lag).toBe('0');

    const groups = await json(['group', 'list', ...base]);
    expect(groups).toContainEqual({ group_id: group, protocol_type: 'consumer', state: 'Empty' });
    const text = await runCli(['group', 'describe', group, ...base]);
    expect(text.stdout).toMatch(new RegExp(`${topic}\\s+0\\s+10\\s+10\\s+0`));
  });

  it('an unreachable cluster is exit 4 with the address in the message', async () => {
    const r = await runCli(['topic', 'list', '--config', config, '-b', '127.0.0.1:1']);
    expect(r.code).toBe(4);
    expect(r.stderr).toContain('127.0.0.1:1');
  });
});
