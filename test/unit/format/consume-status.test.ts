import { describe, expect, it } from 'vitest';
import { Chalk } from 'chalk';
import { consumeEventText, consumeSummaryText } from '../../../src/format/consume-status.js';
import { CkafkaError } from '../../../src/errors/errors.js';

const c = new Chalk({ level: 0 });
const status = { topic: 'orders', groupId: 'php-demo', idleTimeoutMs: 10_000, stopAtEnd: false };
const positions = new Map([[0, 5n], [1, 0n]]);

describe('consume status lines', () => {
  it('says where reading starts, and when it has caught up', () => {
    expect(consumeEventText({ kind: 'assigned', partitions: [0, 1], positions }, status, c, false)).toBe("% reading 'orders' as group 'php-demo': partition:offset 0:5 1:0\n");
    expect(consumeEventText({ kind: 'caught-up', partitions: [0, 1], positions }, status, c, false)).toBe("% reached the end of 'orders' (partition:offset 0:5 1:0); waiting for messages for 10s\n");
    expect(consumeEventText({ kind: 'caught-up', partitions: [0], positions }, { ...status, idleTimeoutMs: null, groupId: null }, c, false)).toContain('until Ctrl-C');
    expect(consumeEventText({ kind: 'caught-up', partitions: [0], positions }, { ...status, stopAtEnd: true }, c, false)).toBe('');
    expect(consumeEventText({ kind: 'assigned', partitions: [], positions }, status, c, false)).toContain('more members than partitions');
  });

  it('gives JSON objects in JSON mode', () => {
    expect(JSON.parse(consumeEventText({ kind: 'assigned', partitions: [0, 1], positions }, status, c, true))).toEqual({ event: 'assigned', partitions: [0, 1], offsets: { 0: 5, 1: 0 } });
    const warning = consumeEventText({ kind: 'restarting', error: new CkafkaError('unreachable', 'broker went away') }, status, c, true);
    expect(JSON.parse(warning)).toEqual({ event: 'restarting', message: 'broker went away' });
  });

  it('sums up how many, why it stopped and what was committed', () => {
    const summary = { topic: 'orders', groupId: 'php-demo', consumed: 5, scanned: 5, reason: 'idle' as const, committed: new Map([[1, 3n], [0, 2n]]), elapsedMs: 10_250 };
    expect(consumeSummaryText(summary, status, c, false)).toBe("% done: 5 messages from 'orders' in 10.25 s; stopped: no message for 10s; committed 0:2 1:3 for group 'php-demo'\n");
    expect(JSON.parse(consumeSummaryText(summary, status, c, true))).toEqual({
      summary: { topic: 'orders', group_id: 'php-demo', consumed: 5, stopped: 'idle', committed: { 0: 2, 1: 3 }, elapsed_ms: 10250 },
    });
    expect(consumeSummaryText({ ...summary, consumed: 1, reason: 'interrupted', committed: new Map() }, status, c, false)).toBe("% done: 1 message from 'orders' in 10.25 s; stopped: interrupted\n");
  });

  it('with --match, says how many were read and how many matched', () => {
    const summary = { topic: 'orders', groupId: null, consumed: 2, scanned: 1500, reason: 'until' as const, committed: new Map(), elapsedMs: 1000 };
    const matching = { ...status, matching: true };
    expect(consumeSummaryText(summary, matching, c, false)).toBe("% done: 2 of 1500 messages matched from 'orders' in 1.00 s, 1,500 msg/s; stopped: the --until position reached in every partition\n");
    expect(JSON.parse(consumeSummaryText(summary, matching, c, true)).summary).toMatchObject({ consumed: 2, scanned: 1500, matched: 2, stopped: 'until' });
    expect(JSON.parse(consumeSummaryText(summary, status, c, true)).summary).not.toHaveProperty('scanned');
  });
});
