import { afterEach, describe, expect, it } from 'vitest';
import { formatDuration, parseDuration } from '../../../src/io/duration.js';
import { CkafkaError } from '../../../src/errors/errors.js';
import { setLocale } from '../../../src/i18n/index.js';

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

describe('parseDuration in Chinese', () => {
  afterEach(() => setLocale('en'));

  /** The usage error for `text`, in the current language. */
  function refusal(text: string, flag?: string): CkafkaError {
    try {
      parseDuration(text, flag);
    } catch (error) {
      if (error instanceof CkafkaError) return error;
      throw error;
    }
    throw new Error(`expected ${text} to be refused`);
  }

  it('says what is wrong and how to write it, with the same kind of error', () => {
    const en = [refusal('10', '--timeout'), refusal('0s', '--idle-timeout'), refusal('999h', '--timeout'), refusal('x')];
    setLocale('zh-CN');
    const zh = [refusal('10', '--timeout'), refusal('0s', '--idle-timeout'), refusal('999h', '--timeout'), refusal('x')];
    expect(zh.map((e) => e.kind)).toEqual(en.map((e) => e.kind));
    expect(zh.map((e) => [e.message, e.hint])).toEqual([
      ["--timeout：无效的时长 '10'", '请加上单位：10s 或 10ms。'],
      ["--idle-timeout：时长必须大于 0，实际为 '0s'", '如需一直等待，请使用 --follow。'],
      ["--timeout：时长最多为 24 天（596h），实际为 '999h'", undefined],
      ["时长：无效的时长 'x'", '请使用带单位的数字：500ms、10s、2m、1h（也可组合：1m30s）。'],
    ]);
    expect(en.map((e) => e.message)).toEqual([
      "--timeout: invalid duration '10'",
      "--idle-timeout: the duration must be longer than 0, got '0s'",
      "--timeout: the duration must be at most 24 days (596h), got '999h'",
      "duration: invalid duration 'x'",
    ]);
  });
});
