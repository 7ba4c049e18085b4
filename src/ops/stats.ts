/** min, median, p99 and max of a list of durations, in ms (nearest-rank percentiles). */
export interface LatencyStats {
  min: number;
  median: number;
  p99: number;
  max: number;
}

export function latencyStats(values: readonly number[]): LatencyStats | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
  const round = (n: number) => Math.round(n * 10) / 10;
  return { min: round(sorted[0]!), median: round(rank(0.5)), p99: round(rank(0.99)), max: round(sorted.at(-1)!) };
}
