import { describe, expect, it } from 'vitest';
import { adaptiveFetchSize } from '../../../src/kafka/fetch-sizer.js';

describe('adaptiveFetchSize', () => {
  it('aims at about a thousand messages per partition and fetch, within its bounds', () => {
    const sizer = adaptiveFetchSize('sizer-test', { messages: 1000, min: 64 * 1024, max: 1024 * 1024 }, 128 * 1024)!;
    expect(sizer).not.toBeNull();
    expect(sizer.current()).toBe(128 * 1024);
    sizer.observe(0, 0);
    expect(sizer.current()).toBe(128 * 1024);
    sizer.observe(1000, 1000 * 100);
    expect(sizer.current()).toBe(170 * 1000);
    for (let i = 0; i < 20; i += 1) sizer.observe(100, 100 * 1024);
    expect(sizer.current()).toBe(1024 * 1024);
    // Tiny messages: their size plus Kafka's per-record overhead (about 70 bytes) decides.
    for (let i = 0; i < 60; i += 1) sizer.observe(1000, 1000 * 2);
    expect(sizer.current()).toBe(72 * 1000);
    sizer.release();
    const small = adaptiveFetchSize('sizer-test-2', { messages: 100, min: 64 * 1024, max: 1024 * 1024 })!;
    small.observe(10, 10 * 100);
    expect(small.current()).toBe(64 * 1024);
    small.release();
  });
});
