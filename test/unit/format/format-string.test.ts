import { describe, expect, it } from 'vitest';
import { compileFormat } from '../../../src/format/format-string.js';
import type { ConsumedMessage } from '../../../src/kafka/records.js';
import { CkafkaError } from '../../../src/errors/errors.js';

const message = (over: Partial<ConsumedMessage> = {}): ConsumedMessage => ({
  topic: 'orders',
  partition: 2,
  offset: '41',
  timestamp: 1718000000000,
  key: Buffer.from('k1'),
  value: Buffer.from('hello'),
  headers: [
    { key: 'a', value: Buffer.from('1') },
    { key: 'b', value: null },
  ],
  ...over,
});

const render = (format: string, m = message(), encoding: 'utf8' | 'base64' | 'hex' = 'utf8') => compileFormat(format, encoding)(m).toString('latin1');

describe('compileFormat', () => {
  it('fills every kcat placeholder', () => {
    expect(render('%t|%p|%o|%T|%k|%s|%h|%K|%S')).toBe('orders|2|41|1718000000000|k1|hello|a=1,b|2|5');
  });
  it('handles escapes and a literal percent sign', () => {
    expect(render('%s\\n')).toBe('hello\n');
    expect(render('%p\\t%o\\r\\\\\\0')).toBe('2\t41\r\\\0');
    expect(render('100%% %s')).toBe('100% hello');
  });
  it('adds no newline of its own (as kcat)', () => {
    expect(render('%s')).toBe('hello');
  });
  it('prints null keys and values as empty with length -1', () => {
    expect(render('[%k][%s] %K %S', message({ key: null, value: null }))).toBe('[][] -1 -1');
  });
  it('keeps binary bytes as they are, or encodes them when asked', () => {
    const bin = message({ value: Buffer.from([0xff, 0x00, 0x41]) });
    expect(compileFormat('%s', 'utf8')(bin)).toEqual(Buffer.from([0xff, 0x00, 0x41]));
    expect(render('%s', bin, 'base64')).toBe('/wBB');
    expect(render('%s %k', bin, 'hex')).toBe('ff0041 6b31');
  });
  it('returns the same bytes for a format without placeholders', () => {
    expect(render('---\\n')).toBe('---\n');
  });
  it.each(['%x', '%', 'a\\q', 'end\\'])('refuses %j as a usage error', (format) => {
    let error: unknown;
    try {
      compileFormat(format, 'utf8');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CkafkaError);
    expect((error as CkafkaError).kind).toBe('usage');
  });
});
