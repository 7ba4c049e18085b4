import type { ChalkInstance } from 'chalk';
import type { GroupDeleteResult } from '../kafka/group-admin.js';
import type { TopicConfigEntry } from '../kafka/topic-admin.js';
import type { ResetResult } from '../ops/reset-offsets.js';
import { inspectJson } from './inspect.js';
import { table } from './table.js';

/** `group reset-offsets -o json`: offsets as strings (64-bit), clamped as 'low' | 'high' | null. */
export function resetJson(r: ResetResult): string {
  return inspectJson({
    groupId: r.groupId,
    topic: r.topic,
    executed: r.executed,
    partitions: r.partitions.map((p) => ({
      partition: p.partition,
      current: p.current?.toString() ?? null,
      new: p.new.toString(),
      lagAfter: p.lagAfter.toString(),
      clamped: p.clamped,
    })),
  });
}

export function resetText(r: ResetResult, c: ChalkInstance): string {
  const note = (p: ResetResult['partitions'][number]) =>
    p.clamped === 'low' ? c.yellow(`clamped to the first kept offset (${p.low})`) : p.clamped === 'high' ? c.yellow(`clamped to the end (${p.high})`) : '';
  let out = `${c.bold('group:')} ${r.groupId}  ${c.bold('topic:')} ${r.topic}\n\n`;
  out += table(
    ['PARTITION', 'CURRENT', 'NEW', 'LAG-AFTER', 'NOTE'],
    r.partitions.map((p) => [p.partition, p.current?.toString() ?? '-', p.new.toString(), p.lagAfter.toString(), note(p)]),
    c,
  );
  out += r.executed ? `\ncommitted the new offsets of ${r.partitions.length} partition(s)\n` : c.yellow('\ndry run: nothing changed; add --execute to commit these offsets\n');
  return out;
}

export function groupDeleteText(results: GroupDeleteResult[], c: ChalkInstance): string {
  return table(['GROUP', 'RESULT'], results.map((r) => [r.groupId, r.deleted ? 'deleted' : c.red(`not deleted: ${r.message} (${r.error})`)]), c);
}

export function topicDeleteText(deleted: string[], unknown: string[], c: ChalkInstance): string {
  return table(['TOPIC', 'RESULT'], [...deleted.map((t) => [t, 'deleted']), ...unknown.map((t) => [t, c.red('does not exist')])], c);
}

export function topicConfigText(topic: string, entries: TopicConfigEntry[], c: ChalkInstance): string {
  const rows = entries.map((e) => [e.name, e.sensitive ? '(sensitive)' : (e.value ?? ''), e.source === 'dynamic' ? c.bold(e.source) : e.source]);
  return `${c.bold('topic:')} ${topic}  ${c.dim('(source dynamic: set on the topic; default and static-broker: not)')}\n\n${table(['NAME', 'VALUE', 'SOURCE'], rows, c)}`;
}
