import type { ChalkInstance } from 'chalk';
import type { ConsumeEvent, ConsumeSummary, StopReason } from '../ops/consume.js';
import { formatDuration } from '../io/duration.js';
import { t } from '../i18n/index.js';

export interface StatusContext {
  topic: string;
  groupId: string | null;
  idleTimeoutMs: number | null;
  stopAtEnd: boolean;
  /** --match was given: the summary says how many were read and how many matched. */
  matching?: boolean;
}

const offsetsText = (partitions: number[], positions: Map<number, bigint>): string =>
  partitions.map((p) => `${p}:${positions.get(p) ?? '?'}`).join(' ');

/** A status line for stderr (kcat's `% ` prefix), or one JSON object in JSON mode. */
export function consumeEventText(e: ConsumeEvent, s: StatusContext, c: ChalkInstance, json: boolean): string {
  if (json) return `${JSON.stringify(eventJson(e))}\n`;
  const o = t.output;
  const who = s.groupId === null ? o.consumeWithoutGroup : o.consumeAsGroup(s.groupId);
  switch (e.kind) {
    case 'assigned':
      if (e.partitions.length === 0) return c.dim(`${o.consumeNoPartition(who, s.topic)}\n`);
      return c.dim(`${o.consumeReading(s.topic, who, offsetsText(e.partitions, e.positions))}\n`);
    case 'caught-up': {
      if (s.stopAtEnd) return '';
      const wait = s.idleTimeoutMs === null ? o.consumeWaitForever : o.consumeWaitFor(formatDuration(s.idleTimeoutMs));
      return c.dim(`${o.consumeCaughtUp(s.topic, offsetsText(e.partitions, e.positions), wait)}\n`);
    }
    case 'commit-failed':
      return `${o.consumeCommitRetry(c.yellow(o.consumeWarning), e.error.message)}\n`;
    case 'restarting':
      return `${o.consumeRestarting(c.yellow(o.consumeWarning), e.error.message)}\n`;
  }
}

function eventJson(e: ConsumeEvent): Record<string, unknown> {
  switch (e.kind) {
    case 'assigned':
    case 'caught-up':
      return { event: e.kind, partitions: e.partitions, offsets: Object.fromEntries(e.partitions.map((p) => [p, Number(e.positions.get(p) ?? -1)])) };
    case 'commit-failed':
    case 'restarting':
      return { event: e.kind, message: e.error.message };
  }
}

/** Why consume stopped, in words (read when the summary is made: the language is chosen per run). */
const REASONS: Record<StopReason, (s: StatusContext) => string> = {
  count: () => t.output.stopCount,
  end: () => t.output.stopEnd,
  until: () => t.output.stopUntil,
  idle: (s) => t.output.stopIdle(formatDuration(s.idleTimeoutMs ?? 0)),
  interrupted: () => t.output.stopInterrupted,
  'output-closed': () => t.output.stopOutputClosed,
  'not-owned': (s) => t.output.stopNotOwned(String(s.groupId)),
};

/**
 * -e in a group that ended with partitions held by other members: which, and how many messages
 * the group has left in them (the command exits 7: the topic was not read to its end).
 */
export function unreadText(summary: ConsumeSummary, s: StatusContext, c: ChalkInstance, json: boolean): string {
  const unread = [...(summary.unread ?? [])].sort(([a], [b]) => a - b);
  const total = unread.reduce((sum, [, n]) => sum + n, 0n);
  const group = String(s.groupId);
  const message = t.output.consumeUnread(s.topic, unread.map(([p]) => p).join(t.common.listSeparator), group, String(total), unread.map(([p, n]) => `${p}:${n}`).join(' '));
  const hint = t.output.consumeUnreadHint(group);
  if (json) {
    const error = { kind: 'partial', message, hint, exit_code: 7, unread: Object.fromEntries(unread.map(([p, n]) => [p, Number(n)])) };
    return `${JSON.stringify({ error })}\n`;
  }
  return `${c.red(t.common.errorPrefix)}${t.common.prefixGap}${message}\n${t.common.hintPrefix}${t.common.prefixGap}${hint}\n`;
}

/** The closing line on stderr: how many, why it stopped, what was committed. */
export function consumeSummaryText(summary: ConsumeSummary, s: StatusContext, c: ChalkInstance, json: boolean): string {
  const committed = [...summary.committed].sort(([a], [b]) => a - b);
  if (json) {
    const body = {
      topic: summary.topic,
      group_id: summary.groupId,
      consumed: summary.consumed,
      ...(s.matching ? { scanned: summary.scanned, matched: summary.consumed } : {}),
      stopped: summary.reason,
      committed: Object.fromEntries(committed.map(([p, o]) => [p, Number(o)])),
      ...(summary.unread ? { unread: Object.fromEntries([...summary.unread].map(([p, n]) => [p, Number(n)])) } : {}),
      elapsed_ms: Math.round(summary.elapsedMs),
    };
    return `${JSON.stringify({ summary: body })}\n`;
  }
  const secs = summary.elapsedMs / 1000;
  const read = s.matching ? summary.scanned : summary.consumed;
  const o = t.output;
  const rate = read > 1000 && secs > 0 ? o.ratePerSecond(Math.round(read / secs).toLocaleString('en-US')) : '';
  const n = s.matching ? o.consumeMatched(summary.consumed, summary.scanned) : o.consumeCount(summary.consumed);
  const commit = committed.length > 0 ? o.consumeCommitted(committed.map(([p, at]) => `${p}:${at}`).join(' '), String(summary.groupId)) : '';
  return `${o.consumeSummary(c.green(o.consumeDone), n, summary.topic, secs.toFixed(2), rate, REASONS[summary.reason](s), commit)}\n`;
}
