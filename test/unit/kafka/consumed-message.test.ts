import { describe, expect, it } from 'vitest';
import type { KafkaMessage } from 'kafkajs';
import { consumedMessage } from '../../../src/kafka/consumed-message.js';

const base = { key: null, value: Buffer.from('v'), offset: '3', attributes: 0, size: 0 } as const;

describe('consumedMessage', () => {
  it('takes the header list of ckafka\'s fetch decoder as it is', () => {
    const list = [{ key: 'a', value: Buffer.from('1') }, { key: 'constructor', value: null }, { key: 'a', value: Buffer.from('2') }];
    const m = consumedMessage('t', 0, { ...base, timestamp: '5', headers: list } as unknown as KafkaMessage);
    expect(m.headers).toBe(list);
  });

  it('reads kafkajs\'s header object (its own decoder) without the prototype members its reduce picked up', () => {
    // What kafkajs's record decoder builds for constructor=x, toString=y, a=1, a=2, __proto__=p.
    const folded: Record<string, unknown> = { constructor: [Object, Buffer.from('x')], toString: [Object.prototype.toString, Buffer.from('y')], a: [Buffer.from('1'), Buffer.from('2')], n: null };
    Object.defineProperty(folded, '__proto__', { value: [Object.prototype, Buffer.from('p')], enumerable: true });
    const m = consumedMessage('t', 0, { ...base, timestamp: '5', headers: folded } as unknown as KafkaMessage);
    expect(m.headers.map((h) => [h.key, h.value?.toString() ?? null])).toEqual([['constructor', 'x'], ['toString', 'y'], ['a', '1'], ['a', '2'], ['n', null], ['__proto__', 'p']]);
  });

  it('gives -1 for a record without a timestamp (magic 0), as Java and librdkafka do', () => {
    expect(consumedMessage('t', 0, { ...base, headers: undefined } as unknown as KafkaMessage).timestamp).toBe(-1);
    expect(consumedMessage('t', 0, { ...base, timestamp: '-1' } as unknown as KafkaMessage).timestamp).toBe(-1);
    expect(consumedMessage('t', 0, { ...base, timestamp: '1718000000000' } as unknown as KafkaMessage).timestamp).toBe(1718000000000);
  });
});
