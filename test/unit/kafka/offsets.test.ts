import { afterEach, describe, expect, it } from 'vitest';
import { describeStart, parseEndPosition, parsePartitionList, parseStartPosition, resolveStart } from '../../../src/kafka/offsets.js';
import { setLocale } from '../../../src/i18n/index.js';
import { CkafkaError } from '../../../src/errors/errors.js';

const usage = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return e instanceof CkafkaError ? e.kind : 'other';
  }
  return 'none';
};

describe('parseStartPosition', () => {
  it.each([
    ['earliest', { kind: 'earliest' }],
    ['beginning', { kind: 'earliest' }],
    ['LATEST', { kind: 'latest' }],
    ['end', { kind: 'latest' }],
    ['0', { kind: 'offset', offset: 0n }],
    ['1234', { kind: 'offset', offset: 1234n }],
    ['99999999999999999999', { kind: 'offset', offset: 99999999999999999999n }],
    ['-10', { kind: 'fromEnd', count: 10n }],
    ['-0', { kind: 'latest' }],
    ['@1718000000000', { kind: 'timestamp', ms: 1718000000000 }],
    ['s@1718000000000', { kind: 'timestamp', ms: 1718000000000 }],
    ['2024-06-01', { kind: 'timestamp', ms: Date.UTC(2024, 5, 1) }],
    ['2024-06-01T12:00:00Z', { kind: 'timestamp', ms: Date.UTC(2024, 5, 1, 12) }],
    ['2024-06-01T12:00', { kind: 'timestamp', ms: Date.UTC(2024, 5, 1, 12) }],
    ['2024-06-01 12:00:00.250', { kind: 'timestamp', ms: Date.UTC(2024, 5, 1, 12, 0, 0, 250) }],
    ['2024-06-01T20:00:00+08:00', { kind: 'timestamp', ms: Date.UTC(2024, 5, 1, 12) }],
  ])('%s', (text, expected) => {
    expect(parseStartPosition(text)).toEqual(expected);
  });

  it.each(['', 'soon', '1.5', '--3', '@', '@abc', '2024-13-45', '2024-06-01T25:00', '12abc'])('refuses %j as a usage error', (text) => {
    expect(usage(() => parseStartPosition(text))).toBe('usage');
  });
});

describe('resolveStart', () => {
  const w = { low: 10n, high: 20n };
  it('resolves each kind within the partition', () => {
    expect(resolveStart({ kind: 'earliest' }, w)).toBe(10n);
    expect(resolveStart({ kind: 'latest' }, w)).toBe(20n);
    expect(resolveStart({ kind: 'offset', offset: 15n }, w)).toBe(15n);
    expect(resolveStart({ kind: 'fromEnd', count: 3n }, w)).toBe(17n);
  });
  it('clamps offsets to what the partition keeps', () => {
    expect(resolveStart({ kind: 'offset', offset: 2n }, w)).toBe(10n);
    expect(resolveStart({ kind: 'offset', offset: 50n }, w)).toBe(20n);
    expect(resolveStart({ kind: 'fromEnd', count: 100n }, w)).toBe(10n);
  });
  it('describes positions for status lines', () => {
    expect(describeStart({ kind: 'fromEnd', count: 3n })).toBe('3 before the end');
    expect(describeStart({ kind: 'timestamp', ms: 0 })).toBe('1970-01-01T00:00:00.000Z');
  });
});

describe('parsePartitionList', () => {
  it.each([
    ['0', [0]],
    ['0,2', [0, 2]],
    ['2, 0,2', [0, 2]],
    ['0-3', [0, 1, 2, 3]],
    ['5,0-1', [0, 1, 5]],
  ])('%s', (text, expected) => {
    expect(parsePartitionList(text)).toEqual(expected);
  });
  it.each(['', 'a', '1,', '-1', '3-1', '1.5'])('refuses %j', (text) => {
    expect(usage(() => parsePartitionList(text))).toBe('usage');
  });
});

describe('in Chinese', () => {
  afterEach(() => setLocale('en'));
  /** The usage error (exit 2) `fn` throws. */
  const refusal = (fn: () => unknown): CkafkaError => {
    try {
      fn();
    } catch (e) {
      if (e instanceof CkafkaError && e.kind === 'usage') return e;
      throw e;
    }
    throw new Error('not refused');
  };

  it('refusals are usage errors (exit 2) as in English, with the flag, the text and the hint in Chinese', () => {
    setLocale('zh-CN');
    const from = refusal(() => parseStartPosition('yesterday'));
    expect(from.message).toBe("--from：无法将 'yesterday' 识别为起始位置");
    expect(from.hint).toMatch(/^可用 earliest、latest、位点（1234）/);
    expect(refusal(() => parseStartPosition('x', '--to')).message).toBe("--to：无法将 'x' 识别为位置");
    expect(refusal(() => parseEndPosition('latest')).hint).toMatch(/请使用 -e。$/);
    expect(refusal(() => parseEndPosition('soon')).message).toBe("--until：无法将 'soon' 识别为结束位置");
    expect(refusal(() => parsePartitionList('a')).message).toBe("-p：分区列表 'a' 无效");
    expect(refusal(() => parsePartitionList('3-1')).message).toBe("-p：分区范围 '3-1' 无效");
    expect(refusal(() => parsePartitionList('2147483648')).message).toBe('-p：分区 2147483648 超出范围（0 到 2147483647）');
  });

  it('describes positions in Chinese; the words of --from stay as typed', () => {
    setLocale('zh-CN');
    expect(describeStart({ kind: 'fromEnd', count: 3n })).toBe('末尾前 3 条');
    expect(describeStart({ kind: 'offset', offset: 5n })).toBe('位点 5');
    expect(describeStart({ kind: 'earliest' })).toBe('earliest');
  });
});
