import { describe, expect, inject, it } from 'vitest';
import { AssignerProtocol, type PartitionAssigner } from 'kafkajs';
import { runCli } from '../harness/run-cli.js';
import { createTopic, sendMessages, testKafka, uniqueTopic, type TestMessage } from '../harness/kafka.js';
import { committed, emptyConfig, jsonLines, startCli } from './consume-helpers.js';

const { bootstrap } = inject('kafka');
const base = ['consume', '--config', emptyConfig(), '-b', bootstrap];
const spread = (prefix: string, n: number, partitions: number): TestMessage[] =>
  Array.from({ length: n }, (_, i) => ({ value: `${prefix} ${i}`, partition: i % partitions }));
const lines = (text: string) => text.split('\n').filter((l) => l !== '');
/** The partitions of the last assignment a run reported on stderr (JSON status lines). */
const lastAssignment = (stderr: string): number[] | undefined =>
  jsonLines(stderr).filter((e) => e.event === 'assigned').at(-1)?.partitions as number[] | undefined;

describe('consumer groups', () => {
  it('two members share the partitions; when one leaves, the other takes over', async () => {
    const topic = uniqueTopic('shared');
    const group = uniqueTopic('shared-group');
    await createTopic(bootstrap, topic, 4);
    const args = [...base, '-t', topic, '-g', group, '--follow', '-o', 'json'];
    const a = startCli([...args]);
    await a.waitFor('stderr', (t) => lastAssignment(t)?.length === 4);
    const b = startCli([...args]);
    // After the rebalance each member has two of the four partitions.
    await b.waitFor('stderr', (t) => lastAssignment(t)?.length === 2);
    await a.waitFor('stderr', (t) => lastAssignment(t)?.length === 2);
    const ofA = lastAssignment(a.stderr())!;
    const ofB = lastAssignment(b.stderr())!;
    expect([...ofA, ...ofB].sort()).toEqual([0, 1, 2, 3]);

    await sendMessages(bootstrap, topic, spread('first', 40, 4));
    await a.waitFor('stdout', (t) => lines(t).length === 20);
    await b.waitFor('stdout', (t) => lines(t).length === 20);
    for (const m of jsonLines(a.stdout())) expect(ofA).toContain(m.partition);
    for (const m of jsonLines(b.stdout())) expect(ofB).toContain(m.partition);

    // A leaves (Ctrl-C): it commits what it printed and B gets all four partitions.
    a.interrupt();
    expect((await a.done).code).toBe(0);
    await b.waitFor('stderr', (t) => lastAssignment(t)?.length === 4);
    await sendMessages(bootstrap, topic, spread('second', 40, 4));
    await b.waitFor('stdout', (t) => lines(t).length === 60);
    b.interrupt();
    const rb = await b.done;
    expect(rb.code).toBe(0);
    const all = [...jsonLines(a.stdout()), ...jsonLines(rb.stdout)].map((m) => m.payload);
    expect(all).toHaveLength(80);
    expect(new Set(all).size).toBe(80);
    expect(await committed(bootstrap, group, topic)).toEqual({ 0: 20, 1: 20, 2: 20, 3: 20 });
  });

  it('Ctrl-C commits what was printed, leaves the group and exits 0; the next run goes on from there', async () => {
    const topic = uniqueTopic('interrupt');
    const group = uniqueTopic('interrupt-group');
    await createTopic(bootstrap, topic, 2);
    await sendMessages(bootstrap, topic, spread('m', 10, 2));
    const run = startCli([...base, '-t', topic, '-g', group, '--follow', '-o', 'raw']);
    await run.waitFor('stdout', (t) => lines(t).length === 10);
    run.interrupt();
    const r = await run.done;
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/% done: 10 messages .*stopped: interrupted; committed 0:5 1:5/);
    await sendMessages(bootstrap, topic, spread('n', 4, 2));
    const next = await runCli([...base, '-t', topic, '-g', group, '-e', '-o', 'raw']);
    expect(lines(next.stdout).sort()).toEqual(['n 0', 'n 1', 'n 2', 'n 3']);
  });

  it('a group that cannot be joined is a clear broker error, not a hang', async () => {
    const topic = uniqueTopic('unjoinable');
    const group = uniqueTopic('unjoinable-group');
    await createTopic(bootstrap, topic, 1);
    // A member that speaks another assignment protocol: the coordinator refuses ckafka's join.
    const other: PartitionAssigner = () => ({
      name: 'SomethingElse',
      version: 0,
      async assign({ members }) {
        return members.map((m) => ({ memberId: m.memberId, memberAssignment: AssignerProtocol.MemberAssignment.encode({ version: 0, assignment: { [topic]: [0] }, userData: Buffer.alloc(0) }) }));
      },
      protocol({ topics }) {
        return { name: 'SomethingElse', metadata: AssignerProtocol.MemberMetadata.encode({ version: 0, topics, userData: Buffer.alloc(0) }) };
      },
    });
    const consumer = testKafka(bootstrap).consumer({ groupId: group, partitionAssigners: [other], maxWaitTimeInMs: 200 });
    await consumer.connect();
    await consumer.subscribe({ topic });
    let joined!: () => void;
    const isJoined = new Promise<void>((resolve) => (joined = resolve));
    consumer.on(consumer.events.GROUP_JOIN, () => joined());
    await consumer.run({ eachMessage: async () => undefined });
    await isJoined;
    try {
      const started = Date.now();
      const r = await runCli([...base, '-t', topic, '-g', group, '-e']);
      expect(r.code).toBe(6);
      expect(r.stderr).toContain('INCONSISTENT_GROUP_PROTOCOL');
      expect(r.stderr).toContain(group);
      expect(r.stderr).toContain('choose another group with -g');
      expect(Date.now() - started).toBeLessThan(20_000);
    } finally {
      await consumer.disconnect();
    }
  });
});
