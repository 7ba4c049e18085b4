import { describe, expect, it } from 'vitest';
import { assertNoStatusOnStdout, statusLines } from '../../harness/stdout-guard.js';

describe('the harness stdout guard', () => {
  it('finds status lines among data lines', () => {
    const stdout = [
      'Message 0',
      "% reached the end of 'orders' (partition:offset 0:5); waiting for messages for 10s",
      '{"err":0,"status":"delivered","payload":"x"}',
      '{"event":"assigned","partitions":[0]}',
      '{"summary":{"consumed":5}}',
      '% kafkajs WARN [Connection] x',
      'ckafka: error: produce to \'t\': boom',
      'a % in the middle is data',
      '{"events":1}',
    ].join('\n');
    expect(statusLines(stdout)).toEqual([
      "% reached the end of 'orders' (partition:offset 0:5); waiting for messages for 10s",
      '{"event":"assigned","partitions":[0]}',
      '{"summary":{"consumed":5}}',
      '% kafkajs WARN [Connection] x',
      'ckafka: error: produce to \'t\': boom',
    ]);
  });

  it('makes a run with status on stdout fail, naming the command', () => {
    expect(() => assertNoStatusOnStdout('a\n% done: 1 message\n', ['consume', '-t', 'x'])).toThrow(/status on stdout .*`ckafka consume -t x`:\n% done: 1 message/);
    expect(() => assertNoStatusOnStdout('a\nb\n', ['consume'])).not.toThrow();
  });
});
