import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { planReset, resetOffsets, type GroupOffsetsSeam, type ResetTarget } from '../../../src/ops/reset-offsets.js';
import { CkafkaError } from '../../../src/errors/errors.js';
import { setLocale } from '../../../src/i18n/index.js';

const w = (low: bigint, high: bigint) => ({ low, high });

describe('planReset', () => {
  it('earliest, latest, an offset, N before the end, a shift, each clamped to [low, high]', () => {
    const marks = new Map([[0, w(10n, 20n)], [1, w(0n, 5n)]]);
    const committed = new Map([[0, 15n], [1, 1n]]);
    const plan = (target: ResetTarget) => planReset(target, [1, 0], marks, committed).map((r) => [r.partition, r.current, r.new, r.clamped, r.lagAfter]);
    expect(plan({ kind: 'to', position: { kind: 'earliest' } })).toEqual([[0, 15n, 10n, null, 10n], [1, 1n, 0n, null, 5n]]);
    expect(plan({ kind: 'to', position: { kind: 'latest' } })).toEqual([[0, 15n, 20n, null, 0n], [1, 1n, 5n, null, 0n]]);
    expect(plan({ kind: 'to', position: { kind: 'offset', offset: 7n } })).toEqual([[0, 15n, 10n, 'low', 10n], [1, 1n, 5n, 'high', 0n]]);
    expect(plan({ kind: 'to', position: { kind: 'fromEnd', count: 8n } })).toEqual([[0, 15n, 12n, null, 8n], [1, 1n, 0n, 'low', 5n]]);
    expect(plan({ kind: 'shift', by: -3n })).toEqual([[0, 15n, 12n, null, 8n], [1, 1n, 0n, 'low', 5n]]);
    expect(plan({ kind: 'shift', by: 100n })).toEqual([[0, 15n, 20n, 'high', 0n], [1, 1n, 5n, 'high', 0n]]);
  });

  it('a time takes the broker\'s offset, and the end when the broker has none (-1)', () => {
    const marks = new Map([[0, w(0n, 9n)], [1, w(0n, 4n)]]);
    const rows = planReset({ kind: 'to', position: { kind: 'timestamp', ms: 1 } }, [0, 1], marks, new Map(), new Map([[0, 3n], [1, -1n]]));
    expect(rows.map((r) => [r.current, r.new, r.clamped])).toEqual([[null, 3n, null], [null, 4n, null]]);
  });

  it('--shift-by on a partition without a committed offset is refused, naming it', () => {
    expect(() => planReset({ kind: 'shift', by: 1n }, [0, 1], new Map([[0, w(0n, 1n)], [1, w(0n, 1n)]]), new Map([[0, 0n]]))).toThrow(/none for partition 1/);
  });

  it('property: the new offset is always within [low, high], clamped says why, lag after is high − new', () => {
    const target = fc.oneof(
      fc.constant<ResetTarget>({ kind: 'to', position: { kind: 'earliest' } }),
      fc.constant<ResetTarget>({ kind: 'to', position: { kind: 'latest' } }),
      fc.bigInt(0n, 1n << 62n).map<ResetTarget>((offset) => ({ kind: 'to', position: { kind: 'offset', offset } })),
      fc.bigInt(1n, 1n << 62n).map<ResetTarget>((count) => ({ kind: 'to', position: { kind: 'fromEnd', count } })),
      fc.bigInt(-(1n << 62n), 1n << 62n).map<ResetTarget>((by) => ({ kind: 'shift', by })),
    );
    const partition = fc.tuple(fc.bigInt(0n, 1n << 60n), fc.bigInt(0n, 1n << 40n), fc.bigInt(0n, 1n << 40n));
    fc.assert(
      fc.property(target, fc.array(partition, { minLength: 1, maxLength: 8 }), (t, parts) => {
        const marks = new Map(parts.map(([low, span], i) => [i, w(low, low + span)]));
        const committed = new Map(parts.map(([low, span, c], i) => [i, low + (span === 0n ? 0n : c % (span + 1n))]));
        const rows = planReset(t, parts.map((_, i) => i), marks, committed);
        for (const r of rows) {
          expect(r.new >= r.low && r.new <= r.high).toBe(true);
          expect(r.lagAfter).toBe(r.high - r.new);
          if (r.clamped === 'low') expect(r.new).toBe(r.low);
          if (r.clamped === 'high') expect(r.new).toBe(r.high);
          if (t.kind === 'shift' && r.clamped === null) expect(r.new).toBe(r.current! + t.by);
        }
      }),
    );
  });
});

describe('resetOffsets', () => {
  const seam = (members: number, commits: Map<number, bigint>[] = []): GroupOffsetsSeam => ({
    members: async () => ({ state: members ? 'Stable' : 'Empty', members: Array.from({ length: members }, (_, i) => ({ memberId: `m${i}`, clientId: 'app', host: '/10.0.0.1' })) }),
    partitionIds: async () => [0, 1],
    watermarks: async () => new Map([[0, w(0n, 10n)], [1, w(0n, 10n)]]),
    committed: async () => new Map([[0, 4n]]),
    offsetsAtTime: async () => new Map(),
    commit: async (_g, _t, offsets) => void commits.push(offsets),
  });

  it('commits only with execute, and never for a group with members', async () => {
    const commits: Map<number, bigint>[] = [];
    const request = { groupId: 'g', topic: 't', target: { kind: 'to', position: { kind: 'latest' } } as ResetTarget, execute: false };
    await resetOffsets(seam(0, commits), request);
    expect(commits).toEqual([]);
    await resetOffsets(seam(0, commits), { ...request, execute: true });
    expect(commits).toEqual([new Map([[0, 10n], [1, 10n]])]);
    const refused = resetOffsets(seam(2, commits), { ...request, execute: true });
    await expect(refused).rejects.toThrow(/has 2 active member\(s\)[\s\S]*app \/10\.0\.0\.1 m1/);
    await expect(refused).rejects.toBeInstanceOf(CkafkaError);
    expect(commits).toHaveLength(1);
  });

  it('a partition the topic does not have is refused before anything else', async () => {
    await expect(resetOffsets(seam(0), { groupId: 'g', topic: 't', target: { kind: 'shift', by: 1n }, partitions: [0, 5], execute: true })).rejects.toThrow(/no partition 5/);
  });

  describe('in Chinese', () => {
    afterEach(() => setLocale('en'));

    it('refuses with the same kind of error, said in Chinese', async () => {
      setLocale('zh-CN');
      const request = { groupId: 'g', topic: 't', target: { kind: 'to', position: { kind: 'latest' } } as ResetTarget, execute: true };
      const active = await resetOffsets(seam(2), request).catch((e: unknown) => e as CkafkaError);
      expect(active).toBeInstanceOf(CkafkaError);
      expect(active).toMatchObject({ kind: 'broker' });
      expect((active as CkafkaError).message).toMatch(/^消费分组 'g' 有 2 个活跃成员（状态 Stable）；[\s\S]*未做任何更改。成员：\n {2}app \/10\.0\.0\.1 m0\n/);
      expect((active as CkafkaError).hint).toBe('请停止这些消费者后再运行此命令（查看它们：ckafka group describe g）。');
      const missing = resetOffsets(seam(0), { ...request, partitions: [0, 5, 7] });
      await expect(missing).rejects.toThrow("主题 't' 没有分区 5、7（它共有 2 个分区：0–1）");
      expect(() => planReset({ kind: 'shift', by: 1n }, [0, 1, 2], new Map(), new Map([[0, 0n]]))).toThrow('--shift-by 移动的是已提交的位点，而该消费分组在分区 1、2 上没有已提交的位点');
    });
  });
});
