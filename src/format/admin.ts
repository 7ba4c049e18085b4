import type { ChalkInstance } from 'chalk';
import type { GroupDeleteResult } from '../kafka/group-admin.js';
import type { TopicConfigEntry } from '../kafka/topic-admin.js';
import type { ResetResult } from '../ops/reset-offsets.js';
import { t } from '../i18n/index.js';
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
  const o = t.output;
  const gap = t.common.prefixGap;
  const note = (p: ResetResult['partitions'][number]) =>
    p.clamped === 'low' ? c.yellow(o.clampedLow(String(p.low))) : p.clamped === 'high' ? c.yellow(o.clampedHigh(String(p.high))) : '';
  let out = `${c.bold(o.labelGroup)}${gap}${r.groupId}  ${c.bold(o.labelTopic)}${gap}${r.topic}\n\n`;
  out += table(
    [o.headPartition, o.headCurrent, o.headNew, o.headLagAfter, o.headNote],
    r.partitions.map((p) => [p.partition, p.current?.toString() ?? '-', p.new.toString(), p.lagAfter.toString(), note(p)]),
    c,
  );
  out += r.executed ? `\n${o.resetCommitted(r.partitions.length)}\n` : c.yellow(`\n${o.resetDryRun}\n`);
  return out;
}

export function groupDeleteText(results: GroupDeleteResult[], c: ChalkInstance): string {
  const o = t.output;
  return table([o.headGroup, o.headResult], results.map((r) => [r.groupId, r.deleted ? o.deleted : c.red(o.notDeleted(String(r.message), String(r.error)))]), c);
}

export function topicDeleteText(deleted: string[], unknown: string[], c: ChalkInstance): string {
  const o = t.output;
  return table([o.headTopic, o.headResult], [...deleted.map((name) => [name, o.deleted]), ...unknown.map((name) => [name, c.red(o.doesNotExist)])], c);
}

export function topicConfigText(topic: string, entries: TopicConfigEntry[], c: ChalkInstance): string {
  const o = t.output;
  const gap = t.common.prefixGap;
  const rows = entries.map((e) => [e.name, e.sensitive ? o.sensitive : (e.value ?? ''), e.source === 'dynamic' ? c.bold(e.source) : e.source]);
  return `${c.bold(o.labelTopic)}${gap}${topic}  ${c.dim(o.configSourceNote)}\n\n${table([o.headName, o.headValue, o.headSource], rows, c)}`;
}
