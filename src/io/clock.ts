/**
 * Milliseconds on a monotonic clock, as performance.now() but without it: the first use of the
 * `performance` global loads perf_hooks (~0.5 ms of a 90 ms start).
 */
export function monotonicMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}
