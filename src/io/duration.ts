import { usageError } from '../errors/errors.js';

const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** Node's timers hold at most 2^31-1 ms (24.8 days); a longer one would fire at once. */
export const MAX_DURATION_MS = 2_147_483_647;

/**
 * Parses a duration such as `10s`, `500ms`, `2m`, `1h30m` or `1.5s` into milliseconds.
 * A bare number is refused: `--idle-timeout 10` could mean seconds or milliseconds.
 */
export function parseDuration(text: string, flag = 'duration'): number {
  const trimmed = text.trim();
  const part = /(\d+(?:\.\d+)?)(ms|s|m|h)/gy;
  let total = 0;
  let at = 0;
  let parts = 0;
  for (let match = part.exec(trimmed); match; match = part.exec(trimmed)) {
    total += Number(match[1]) * (UNITS[match[2] as string] as number);
    at = part.lastIndex;
    parts += 1;
  }
  if (parts === 0 || at !== trimmed.length) {
    const hint = /^\d+(\.\d+)?$/.test(trimmed)
      ? `Add a unit: ${trimmed}s or ${trimmed}ms.`
      : 'Use a number with a unit: 500ms, 10s, 2m, 1h (or combined: 1m30s).';
    throw usageError(`${flag}: invalid duration '${text}'`, hint);
  }
  const ms = Math.round(total);
  // Only consume's --idle-timeout has a --follow to wait without end.
  const forEver = flag === '--idle-timeout' ? 'Use --follow to wait for ever.' : undefined;
  if (ms <= 0) throw usageError(`${flag}: the duration must be longer than 0, got '${text}'`, forEver);
  if (ms > MAX_DURATION_MS) throw usageError(`${flag}: the duration must be at most 24 days (596h), got '${text}'`, forEver);
  return ms;
}

/** 10000 → "10s", 500 → "500ms", 90000 → "1m30s": the inverse of parseDuration for messages. */
export function formatDuration(ms: number): string {
  if (ms < 1000 || ms % 1000 !== 0) return `${ms}ms`;
  const s = ms / 1000;
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  const rest = s % 60;
  return rest === 0 ? `${m}m` : `${m}m${rest}s`;
}
