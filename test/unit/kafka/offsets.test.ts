import { describe, expect, it } from 'vitest';
import { describeStart, parsePartitionList, parseStartPosition, resolveStart } from '../../../src/kafka/offsets.js';
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
