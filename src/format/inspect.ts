import type { ChalkInstance } from 'chalk';
import type { ClusterInfo, GroupDescription, GroupSummary, TopicDescription, TopicSummary } from '../kafka/admin.js';
import { t as messages } from '../i18n/index.js';
import { table } from './table.js';

/** JSON for every inspection command: one document, pretty-printed, snake_case field names. */
export const inspectJson = (data: unknown): string => `${JSON.stringify(snakeKeys(data), null, 2)}\n`;

/** Our JSON speaks snake_case throughout, as the RdKafka\\Message fields do (topic_name). */
export function snakeKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(snakeKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>).map(([k, v]) => [k.replace(/[A-Z]/g, (ch) => `_${ch.toLowerCase()}`), k === 'assignment' ? v : snakeKeys(v)]),
  );
}

export function brokersText(info: ClusterInfo, c: ChalkInstance): string {
  const o = messages.output;
  const gap = messages.common.prefixGap;
  const rows = info.brokers.map((b) => [b.nodeId, `${b.host}:${b.port}`, b.nodeId === info.controller ? o.yes : '']);
  return `${c.bold(o.labelClusterId)}${gap}${info.clusterId}\n${c.bold(o.labelController)}${gap}${info.controller ?? c.dim(o.unknown)}\n\n${table([o.headId, o.headAddress, o.headController], rows, c)}`;
}

export function topicsText(topics: TopicSummary[], c: ChalkInstance): string {
  const o = messages.output;
  if (topics.length === 0) return c.dim(`${o.noTopics}\n`);
  return table([o.headTopic, o.headPartitions, o.headReplicationFactor], topics.map((t) => [t.name, t.partitions, t.replicationFactor]), c);
}

export function topicText(t: TopicDescription, c: ChalkInstance, allConfigs: boolean): string {
  const o = messages.output;
  const gap = messages.common.prefixGap;
  const total = t.partitions.reduce((s, p) => s + (BigInt(p.high) - BigInt(p.low)), 0n);
  let out = `${c.bold(o.labelTopic)}${gap}${t.name}  ${c.bold(o.labelPartitions)}${gap}${t.partitions.length}  ${c.bold(o.labelMessages)}${gap}${total}\n\n`;
  out += table(
    [o.headPartition, o.headLeader, o.headReplicas, o.headIsr, o.headLow, o.headHigh],
    t.partitions.map((p) => [p.partition, p.leader, p.replicas.join(','), p.isr.join(',') + (p.offline.length ? c.red(` ${o.offline(p.offline.join(','))}`) : ''), p.low, p.high]),
    c,
  );
  const configs = allConfigs ? t.configs : t.configs.filter((x) => !x.isDefault);
  out += `\n${c.bold(allConfigs ? o.labelConfig : o.labelConfigNotDefault)}\n`;
  out += configs.length === 0 ? c.dim(`  ${o.allDefaults}\n`) : configs.map((x) => `  ${x.name}=${x.sensitive ? o.sensitive : (x.value ?? '')}\n`).join('');
  return out;
}

export function groupsText(groups: GroupSummary[], c: ChalkInstance): string {
  const o = messages.output;
  if (groups.length === 0) return c.dim(`${o.noGroups}\n`);
  return table([o.headGroup, o.headState, o.headProtocol], groups.map((g) => [g.groupId, g.state, g.protocolType || '-']), c);
}

export function groupText(g: GroupDescription, c: ChalkInstance): string {
  const o = messages.output;
  const gap = messages.common.prefixGap;
  let out = `${c.bold(o.labelGroup)}${gap}${g.groupId}  ${c.bold(o.labelState)}${gap}${g.state}  ${c.bold(o.labelMembers)}${gap}${g.members.length}  ${c.bold(o.labelTotalLag)}${gap}${g.totalLag}\n`;
  if (g.members.length === 0 && g.partitions.length > 0) out += c.dim(`${o.noActiveMembers}\n`);
  out += '\n';
  if (g.partitions.length === 0) return out + c.dim(`${o.noOffsetsNoPartitions}\n`);
  out += table(
    [o.headTopic, o.headPartition, o.headCommitted, o.headEnd, o.headLag, o.headMember, o.headHost],
    g.partitions.map((p) => [p.topic, p.partition, p.committed ?? '-', p.end, p.lag, p.clientId ?? '-', p.host ?? '-']),
    c,
  );
  return out;
}
