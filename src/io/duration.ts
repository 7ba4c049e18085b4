import { usageError } from '../errors/errors.js';
import { t } from '../i18n/index.js';

const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** Node's timers hold at most 2^31-1 ms (24.8 days); a longer one would fire at once. */
export const MAX_DURATION_MS = 2_147_483_647;

/**
 * Parses a duration such as `10s`, `500ms`, `2m`, `1h30m` or `1.5s` into milliseconds.
 * A bare number is refused: `--idle-timeout 10` could mean seconds or milliseconds.
 */
export function parseDuration(text: string, flag = t.config.durationWord): number {
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
    const hint = /^\d+(\.\d+)?$/.test(trimmed) ? t.config.durationAddUnit(trimmed) : t.config.durationUseUnit;
    throw usageError(t.config.durationInvalid(flag, text), hint);
  }
  const ms = Math.round(total);
  // Only consume's --idle-timeout has a --follow to wait without end.
  const forEver = flag === '--idle-timeout' ? t.config.durationFollowHint : undefined;
  if (ms <= 0) throw usageError(t.config.durationNotPositive(flag, text), forEver);
  if (ms > MAX_DURATION_MS) throw usageError(t.config.durationTooLong(flag, text), forEver);
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
