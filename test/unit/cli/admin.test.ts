import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it, vi } from 'vitest';
import { main } from '../../../src/main.js';
import type { AdminRequest } from '../../../src/cli/run/admin.js';

// The adapters' argv → request, without a cluster: the operation is replaced by a recorder.
const seen: AdminRequest[] = [];
vi.mock('../../../src/cli/run/admin.js', () => ({
  runAdmin: async (_ctx: unknown, _config: unknown, request: AdminRequest) => {
    seen.push(request);
    return 0;
  },
}));

async function run(argv: string[], tty = false) {
  seen.length = 0;
  const err = new PassThrough();
  let stderr = '';
  err.on('data', (d: Buffer) => (stderr += d.toString()));
  const io = {
    stdout: new PassThrough(),
    stderr: err,
    stdin: Object.assign(Readable.from([]), { isTTY: tty }),
    env: { NO_COLOR: '1' },
    cwd: process.cwd(),
    signal: new AbortController().signal,
  };
  const code = await main([...argv, '-b', '127.0.0.1:1'], io);
  return { code, stderr, request: seen[0] };
}

describe('admin command adapters', () => {
  it('reset-offsets: --to words, --shift-by with a negative value, -p ranges, dry run by default', async () => {
    expect((await run(['group', 'reset-offsets', 'g', '-t', 't', '--to', '-5'])).request).toEqual({
      kind: 'group-reset-offsets',
      reset: { groupId: 'g', topic: 't', target: { kind: 'to', position: { kind: 'fromEnd', count: 5n } }, execute: false },
    });
    expect((await run(['group', 'reset-offsets', 'g', '-t', 't', '--shift-by', '-3', '-p', '0,2-3', '--execute'])).request).toEqual({
      kind: 'group-reset-offsets',
      reset: { groupId: 'g', topic: 't', target: { kind: 'shift', by: -3n }, partitions: [0, 2, 3], execute: true },
    });
    expect((await run(['group', 'reset-offsets', 'g', '-t', 't', '--to', '2024-06-01'])).request).toMatchObject({
      reset: { target: { kind: 'to', position: { kind: 'timestamp', ms: Date.UTC(2024, 5, 1) } } },
    });
  });

  it.each([
    [['group', 'reset-offsets', 'g', '-t', 't'], 'exactly one of --to'],
    [['group', 'reset-offsets', 'g', '--to', 'earliest'], "required option '-t, --topic <topic>'"],
    [['group', 'reset-offsets', 'g', '-t', 't', '--shift-by', 'x'], '--shift-by needs a whole number'],
    [['group', 'reset-offsets', 'g', '-t', 't', '--to', 'soon'], "--to: cannot read 'soon'"],
    [['topic', 'delete', 'a'], '--yes is required'],
    [['topic', 'alter', 'a', '-P', '0'], '--partitions takes a whole number from 1 to 2147483647'],
    [['topic', 'config', 'a', '--set', 'x'], "--set needs name=value, got 'x'"],
    [['topic', 'config', 'a', '--set', 'x=1', '--delete', 'x'], "config 'x' is given twice"],
    [['topic', 'create', 'a', '--config', 'retention.ms'], "--config needs name=value, got 'retention.ms'"],
  ])('%j is a usage error (exit 2) naming the problem, before any connection', async (argv, message) => {
    const r = await run(argv);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.request).toBeUndefined();
  });

  it('topic delete: on a terminal no --yes is needed (ckafka asks); names are deduplicated', async () => {
    expect((await run(['topic', 'delete', 'a', 'b', 'a'], true)).request).toEqual({ kind: 'topic-delete', topics: ['a', 'b'], yes: false });
    expect((await run(['topic', 'delete', 'a', '-y'])).request).toEqual({ kind: 'topic-delete', topics: ['a'], yes: true });
  });

  it('topic config: --set and --delete in order; group delete takes several groups', async () => {
    expect((await run(['topic', 'config', 'a', '--set', 'retention.ms=1', '--set', 'x=a=b', '--delete', 'cleanup.policy'])).request).toEqual({
      kind: 'topic-config', topic: 'a',
      changes: [{ name: 'retention.ms', op: 'set', value: '1' }, { name: 'x', op: 'set', value: 'a=b' }, { name: 'cleanup.policy', op: 'delete' }],
    });
    expect((await run(['group', 'delete', 'g1', 'g2'])).request).toEqual({ kind: 'group-delete', groupIds: ['g1', 'g2'] });
  });
});
