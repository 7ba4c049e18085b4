import { beforeEach, describe, expect, it, vi } from 'vitest';
import { runCli } from '../../harness/run-cli.js';
import type { ConfigRequest } from '../../../src/config/types.js';
import type { ConsumeOptions } from '../../../src/cli/commands/consume.js';

// The adapter alone: argv → (config request, options); the run module (and Kafka) is replaced.
const calls: { request: ConfigRequest; options: ConsumeOptions }[] = [];
vi.mock('../../../src/cli/run/consume.js', () => ({
  runConsume: async (_ctx: unknown, request: ConfigRequest, options: ConsumeOptions) => {
    calls.push({ request, options });
    return 0;
  },
}));

async function parse(...argv: string[]) {
  calls.length = 0;
  const r = await runCli(['consume', ...argv]);
  return { ...r, call: calls[0] };
}

beforeEach(() => {
  calls.length = 0;
});

describe('ckafka consume flags', () => {
  it('defaults to the demo: readable text, 10 s idle timeout, committing, config topic and group', async () => {
    const { code, call } = await parse();
    expect(code).toBe(0);
    expect(call!.options).toEqual({ stopAtEnd: false, idleTimeoutMs: 10_000, commit: true, format: { kind: 'text' }, encoding: 'utf8', quiet: false, verbose: 0 });
    expect(call!.request.flags).toEqual({});
  });

  it.each([
    [['-t', 'orders', '-g', 'g1'], { topic: 'orders', groupId: 'g1' }],
    [['-b', 'h:1', '-t', 'x'], { bootstrapServers: 'h:1', topic: 'x' }],
  ])('%j reaches the config request', async (argv, flags) => {
    expect((await parse(...argv)).call!.request.flags).toEqual(flags);
  });

  it.each([
    [['--from', 'earliest'], { from: { kind: 'earliest' } }],
    [['--from', '-5'], { from: { kind: 'fromEnd', count: 5n } }],
    [['--from', '@1718000000000'], { from: { kind: 'timestamp', ms: 1718000000000 } }],
    [['-c', '3'], { count: 3 }],
    [['-e'], { stopAtEnd: true }],
    [['--idle-timeout', '500ms'], { idleTimeoutMs: 500 }],
    [['--follow'], { idleTimeoutMs: null }],
    [['--no-commit'], { commit: false }],
    [['-p', '0,2'], { partitions: [0, 2] }],
    [['-o', 'json'], { format: { kind: 'json' } }],
    [['-o', 'raw', '--encoding', 'hex'], { format: { kind: 'raw' }, encoding: 'hex' }],
    [['-f', '%s\\n'], { format: { kind: 'format', format: '%s\\n' } }],
    [['-q', '-v', '-v'], { quiet: true, verbose: 2 }],
    [['--until', '100'], { until: { kind: 'offset', offset: 100n } }],
    [['--until', '2026-11-26T09:00Z'], { until: { kind: 'timestamp', ms: Date.UTC(2026, 10, 26, 9) } }],
    [['--match', 'key:^a', '--match', 'header.x:b'], { match: [{ field: { kind: 'key' }, text: 'key:^a' }, { field: { kind: 'header', name: 'x' }, text: 'header.x:b' }] }],
  ])('%j', async (argv, expected) => {
    const { code, call } = await parse(...argv);
    expect(code).toBe(0);
    expect(call!.options).toMatchObject(expected);
  });

  it.each([
    [['--from', 'yesterday'], "cannot read 'yesterday'"],
    [['--idle-timeout', '10'], 'invalid duration'],
    [['-p', 'a'], 'invalid partition list'],
    [['-c', '-1'], '--count'],
    [['-p', '0', '-g', 'g'], 'cannot be combined with -g'],
    [['--follow', '--idle-timeout', '1s'], 'contradict'],
    [['--follow', '-e'], 'contradict'],
    [['-o', 'json', '-f', '%s'], 'contradict'],
    [['-o', 'xml'], 'xml'],
    [['--until', 'latest'], "--until: 'latest' is not an end position"],
    [['--until', '-5'], 'is not an end position'],
    [['--until', 'soon'], "--until: cannot read 'soon'"],
    [['--match', 'value:(a'], "--match: invalid regular expression '(a'"],
    [['--match', 'body:a'], "unknown field 'body'"],
  ])('%j is a usage error', async (argv, message) => {
    const { code, stderr, call } = await parse(...argv);
    expect(code).toBe(2);
    expect(stderr).toContain(message);
    expect(call).toBeUndefined();
  });

  it('--help does not load the run module or kafkajs', async () => {
    const r = await runCli(['consume', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('--from <position>');
    expect(calls).toHaveLength(0);
  });
});
