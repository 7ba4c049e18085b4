import type { ChalkInstance } from 'chalk';
import type { ConsumeEvent, ConsumeSummary, StopReason } from '../ops/consume.js';
import { formatDuration } from '../io/duration.js';

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
  const who = s.groupId === null ? 'without a group' : `as group '${s.groupId}'`;
  switch (e.kind) {
    case 'assigned':
      if (e.partitions.length === 0) return c.dim(`% ${who}: no partition of '${s.topic}' assigned to this member (the group has more members than partitions)\n`);
      return c.dim(`% reading '${s.topic}' ${who}: partition:offset ${offsetsText(e.partitions, e.positions)}\n`);
    case 'caught-up': {
      if (s.stopAtEnd) return '';
      const wait = s.idleTimeoutMs === null ? 'until Ctrl-C' : `for ${formatDuration(s.idleTimeoutMs)}`;
      return c.dim(`% reached the end of '${s.topic}' (partition:offset ${offsetsText(e.partitions, e.positions)}); waiting for messages ${wait}\n`);
    }
    case 'commit-failed':
      return `${c.yellow('% warning:')} ${e.error.message} (will try again)\n`;
    case 'restarting':
      return `${c.yellow('% warning:')} ${e.error.message}; the consumer starts again\n`;
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

const REASONS: Record<StopReason, (s: StatusContext) => string> = {
  count: () => 'the requested count reached',
  end: () => 'end of the partitions reached',
  until: () => 'the --until position reached in every partition',
  idle: (s) => `no message for ${formatDuration(s.idleTimeoutMs ?? 0)}`,
  interrupted: () => 'interrupted',
  'output-closed': () => 'output closed',
  'not-owned': (s) => `the end of this member's partitions; other members of group '${s.groupId}' hold the rest`,
};

/**
 * -e in a group that ended with partitions held by other members: which, and how many messages
 * the group has left in them (the command exits 7: the topic was not read to its end).
 */
export function unreadText(summary: ConsumeSummary, s: StatusContext, c: ChalkInstance, json: boolean): string {
  const unread = [...(summary.unread ?? [])].sort(([a], [b]) => a - b);
  const total = unread.reduce((sum, [, n]) => sum + n, 0n);
  const message = `'${s.topic}' was not read to its end: partition(s) ${unread.map(([p]) => p).join(', ')} belong to other members of group '${s.groupId}', ` +
    `with ${total} message(s) unread (partition:messages ${unread.map(([p, n]) => `${p}:${n}`).join(' ')})`;
  const hint = `Another member is reading them, or one that died holds them until its session times out (session.timeout.ms): run again, or see ckafka group describe ${s.groupId}.`;
  if (json) {
    const error = { kind: 'partial', message, hint, exit_code: 7, unread: Object.fromEntries(unread.map(([p, n]) => [p, Number(n)])) };
    return `${JSON.stringify({ error })}\n`;
  }
  return `${c.red('ckafka: error:')} ${message}\n  hint: ${hint}\n`;
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
  const rate = read > 1000 && secs > 0 ? `, ${Math.round(read / secs).toLocaleString('en-US')} msg/s` : '';
  const n = s.matching
    ? `${summary.consumed} of ${summary.scanned} message${summary.scanned === 1 ? '' : 's'} matched`
    : `${summary.consumed} message${summary.consumed === 1 ? '' : 's'}`;
  const commit = committed.length > 0 ? `; committed ${committed.map(([p, o]) => `${p}:${o}`).join(' ')} for group '${summary.groupId}'` : '';
  return `${c.green('% done:')} ${n} from '${summary.topic}' in ${secs.toFixed(2)} s${rate}; stopped: ${REASONS[summary.reason](s)}${commit}\n`;
}
