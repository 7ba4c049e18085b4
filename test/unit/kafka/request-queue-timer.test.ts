import { afterEach, describe, expect, it, vi } from 'vitest';
import RequestQueue from 'kafkajs/src/network/requestQueue/index.js';
import { applyRequestQueueTimerFix } from '../../../src/kafka/request-queue-timer.js';

type Queue = { throttledUntil: number; throttleCheckTimeoutId: unknown; pending: unknown[]; checkPendingRequests(): void; scheduleCheckPendingRequests(): void };

function queue(over: Partial<Queue>): Queue {
  const q = Object.create(RequestQueue.prototype as object) as Queue;
  return Object.assign(q, { throttledUntil: -1, throttleCheckTimeoutId: null, pending: [], checkPendingRequests: vi.fn() }, over);
}

afterEach(() => vi.restoreAllMocks());

describe("kafkajs's request queue timer", () => {
  it('never passes setTimeout a negative delay (kafkajs gave minus the current time: Node 24 warns)', () => {
    applyRequestQueueTimerFix();
    const delays: number[] = [];
    vi.spyOn(globalThis, 'setTimeout').mockImplementation(((_fn: () => void, ms: number) => {
      delays.push(ms);
      return 0 as unknown as NodeJS.Timeout;
    }) as typeof setTimeout);
    queue({}).scheduleCheckPendingRequests();
    queue({ pending: [1] }).scheduleCheckPendingRequests();
    queue({ throttledUntil: Date.now() + 500, pending: [1] }).scheduleCheckPendingRequests();
    expect(delays[0]).toBe(1);
    expect(delays[1]).toBe(10);
    expect(delays[2]).toBeGreaterThan(400);
    expect(delays[2]).toBeLessThanOrEqual(500);
  });

  it('checks the queue when the timer fires', () => {
    applyRequestQueueTimerFix();
    let fire: () => void = () => undefined;
    vi.spyOn(globalThis, 'setTimeout').mockImplementation(((fn: () => void) => {
      fire = fn;
      return 1 as unknown as NodeJS.Timeout;
    }) as typeof setTimeout);
    const q = queue({});
    q.scheduleCheckPendingRequests();
    expect(q.throttleCheckTimeoutId).toBe(1);
    fire();
    expect(q.throttleCheckTimeoutId).toBeNull();
    expect(q.checkPendingRequests).toHaveBeenCalledOnce();
  });
});
