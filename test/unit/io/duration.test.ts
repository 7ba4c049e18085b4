import { describe, expect, it } from 'vitest';
import { formatDuration, parseDuration } from '../../../src/io/duration.js';
import { CkafkaError } from '../../../src/errors/errors.js';

describe('parseDuration', () => {
  it.each([
    ['10s', 10_000],
    ['500ms', 500],
    ['2m', 120_000],
    ['1h', 3_600_000],
    ['1m30s', 90_000],
    ['1.5s', 1500],
    [' 250ms ', 250],
  ])('%s is %i ms', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  it.each(['10', '', 's', '10x', '-1s', '0s', '10 s', '1s2'])('refuses %j as a usage error', (text) => {
    let error: unknown;
    try {
      parseDuration(text, '--idle-timeout');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CkafkaError);
    expect((error as CkafkaError).kind).toBe('usage');
    expect((error as CkafkaError).message).toContain('--idle-timeout');
  });

  it('suggests a unit for a bare number', () => {
    expect(() => parseDuration('10')).toThrow(/duration/);
    try {
      parseDuration('10');
    } catch (e) {
      expect((e as CkafkaError).hint).toContain('10s');
    }
  });
});

describe('formatDuration', () => {
  it.each([
    [10_000, '10s'],
    [500, '500ms'],
    [1500, '1500ms'],
    [120_000, '2m'],
    [90_000, '1m30s'],
  ])('%i ms is %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
    expect(parseDuration(text)).toBe(ms);
  });
});
