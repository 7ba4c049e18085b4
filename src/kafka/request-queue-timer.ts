import RequestQueue from 'kafkajs/src/network/requestQueue/index.js';

/*
 * kafkajs 2.2.4 (its last release) schedules its request queue's next check at
 * `throttledUntil - Date.now()`; throttledUntil starts at -1, so with nothing throttled the delay
 * is minus the current time in ms (-1796…). Node clamps it to 1 ms, and Node 24 also prints a
 * TimeoutNegativeWarning for it, on a user's stderr, once per connection. This is kafkajs's
 * method with the delay kept at 1 ms or more: the same timing, no warning.
 */

/** kafkajs's own interval for a queue that holds requests back (network/requestQueue/index.js). */
const CHECK_PENDING_REQUESTS_INTERVAL = 10;

interface QueueState {
  throttledUntil: number;
  throttleCheckTimeoutId: NodeJS.Timeout | null;
  pending: unknown[];
  checkPendingRequests(): void;
}

let applied = false;

/** Installs the fixed scheduler once; a kafkajs whose request queue differs is left as it is. */
export function applyRequestQueueTimerFix(): void {
  if (applied) return;
  applied = true;
  const proto = RequestQueue.prototype as unknown as Partial<QueueState> & { scheduleCheckPendingRequests?: () => void };
  if (typeof proto.scheduleCheckPendingRequests !== 'function' || typeof proto.checkPendingRequests !== 'function') return;
  proto.scheduleCheckPendingRequests = function scheduleCheckPendingRequests(this: QueueState): void {
    let scheduleAt = this.throttledUntil - Date.now();
    if (!this.throttleCheckTimeoutId) {
      if (this.pending.length > 0) scheduleAt = scheduleAt > 0 ? scheduleAt : CHECK_PENDING_REQUESTS_INTERVAL;
      this.throttleCheckTimeoutId = setTimeout(() => {
        this.throttleCheckTimeoutId = null;
        this.checkPendingRequests();
      }, Math.max(1, scheduleAt));
    }
  };
}
