import { usageError } from '../errors/errors.js';
import { t } from '../i18n/index.js';

/** Where `--from` asks to start reading, before it is resolved against a partition's offsets. */
export type StartPosition =
  | { kind: 'earliest' }
  | { kind: 'latest' }
  | { kind: 'offset'; offset: bigint }
  | { kind: 'timestamp'; ms: number }
  /** N messages before the end of each partition. */
  | { kind: 'fromEnd'; count: bigint };

/** A partition's first offset still kept and the offset the next message will get. */
export interface Watermarks {
  low: bigint;
  high: bigint;
}

const EARLIEST = new Set(['earliest', 'beginning', 'oldest', 'smallest']);
const LATEST = new Set(['latest', 'end', 'newest', 'largest']);
// 2024-06-01, 2024-06-01T12:00, 2024-06-01T12:00:00.000Z, 2024-06-01 12:00:00+08:00
const ISO_DATE = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * Parses `--from`: earliest|latest, an offset (`1234`), N before the end (`-10`), a timestamp in
 * milliseconds (`@1718000000000`, kcat's `s@1718000000000`) or an ISO date (`2024-06-01T12:00:00Z`;
 * without a zone it is UTC, as Kafka's timestamps are).
 */
export function parseStartPosition(text: string, flag = '--from'): StartPosition {
  const trimmed = text.trim();
  const lower = trimmed.toLowerCase();
  if (EARLIEST.has(lower)) return { kind: 'earliest' };
  if (LATEST.has(lower)) return { kind: 'latest' };
  if (/^\d+$/.test(trimmed)) return { kind: 'offset', offset: BigInt(trimmed) };
  if (/^-\d+$/.test(trimmed)) {
    const count = BigInt(trimmed.slice(1));
    if (count === 0n) return { kind: 'latest' };
    return { kind: 'fromEnd', count };
  }
  const ms = /^(?:s?@)(\d+)$/.exec(trimmed);
  if (ms && Number.isSafeInteger(Number(ms[1]))) return { kind: 'timestamp', ms: Number(ms[1]) };
  if (ISO_DATE.test(trimmed)) {
    const hasZone = /(Z|[+-]\d{2}:?\d{2})$/.test(trimmed) && trimmed.length > 10;
    const normalised = trimmed.replace(' ', 'T');
    const when = Date.parse(hasZone ? normalised : trimmed.length === 10 ? `${trimmed}T00:00:00Z` : `${normalised}Z`);
    if (!Number.isNaN(when)) return { kind: 'timestamp', ms: when };
  }
  throw usageError(
    flag === '--from' ? t.kafka.cannotReadStartPosition(flag, text) : t.kafka.cannotReadPosition(flag, text),
    t.kafka.startPositionHint,
  );
}

/** Where `--until` asks to stop reading: before an offset, or before the first message at or after a time. */
export type EndPosition = { kind: 'offset'; offset: bigint } | { kind: 'timestamp'; ms: number };

/** Parses `--until`: an offset, a time in milliseconds (`@MS`) or an ISO date, written as for `--from`. */
export function parseEndPosition(text: string): EndPosition {
  let position: StartPosition;
  try {
    position = parseStartPosition(text);
  } catch {
    throw usageError(t.kafka.cannotReadEndPosition(text), t.kafka.endPositionHint);
  }
  if (position.kind === 'offset' || position.kind === 'timestamp') return position;
  throw usageError(t.kafka.notAnEndPosition(text), t.kafka.endPositionOrEndHint);
}

/**
 * The offset to start at in one partition, for every position but a timestamp (which needs the
 * broker). Offsets outside what the partition keeps are clamped to [low, high].
 */
export function resolveStart(position: Exclude<StartPosition, { kind: 'timestamp' }>, w: Watermarks): bigint {
  switch (position.kind) {
    case 'earliest':
      return w.low;
    case 'latest':
      return w.high;
    case 'offset':
      return clamp(position.offset, w);
    case 'fromEnd':
      return clamp(w.high - position.count, w);
  }
}

function clamp(offset: bigint, w: Watermarks): bigint {
  if (offset < w.low) return w.low;
  if (offset > w.high) return w.high;
  return offset;
}

/** "earliest", "offset 5", "10 before the end", "2024-06-01T12:00:00.000Z": for status lines. */
export function describeStart(position: StartPosition): string {
  switch (position.kind) {
    case 'earliest':
    case 'latest':
      return position.kind;
    case 'offset':
      return t.kafka.positionOffset(position.offset.toString());
    case 'fromEnd':
      return t.kafka.positionBeforeEnd(position.count.toString());
    case 'timestamp':
      return new Date(position.ms).toISOString();
  }
}

/** Parses `-p 0,2` or `-p 0-3,7` into sorted, distinct partition numbers. */
export function parsePartitionList(text: string): number[] {
  const out = new Set<number>();
  for (const part of text.split(',').map((s) => s.trim())) {
    const range = /^(\d+)(?:-(\d+))?$/.exec(part);
    if (!range) throw usageError(t.kafka.invalidPartitionList(text), t.kafka.partitionListHint);
    const from = Number(range[1]);
    const to = range[2] === undefined ? from : Number(range[2]);
    // Partition numbers are int32 on the wire.
    if (to > 2_147_483_647) throw usageError(t.kafka.partitionOutOfRange(range[2] ?? range[1] ?? ''));
    if (to < from || to - from > 100_000) throw usageError(t.kafka.invalidPartitionRange(part));
    for (let p = from; p <= to; p += 1) out.add(p);
  }
  return [...out].sort((a, b) => a - b);
}
