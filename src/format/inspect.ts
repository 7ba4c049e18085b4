import type { ChalkInstance } from 'chalk';
import type { ClusterInfo, GroupDescription, GroupSummary, TopicDescription, TopicSummary } from '../kafka/admin.js';
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
  const rows = info.brokers.map((b) => [b.nodeId, `${b.host}:${b.port}`, b.nodeId === info.controller ? 'yes' : '']);
  return `${c.bold('cluster id:')} ${info.clusterId}\n${c.bold('controller:')} ${info.controller ?? c.dim('unknown')}\n\n${table(['ID', 'ADDRESS', 'CONTROLLER'], rows, c)}`;
}

export function topicsText(topics: TopicSummary[], c: ChalkInstance): string {
  if (topics.length === 0) return c.dim('(no topics)\n');
  return table(['TOPIC', 'PARTITIONS', 'REPLICAS'], topics.map((t) => [t.name, t.partitions, t.replicationFactor]), c);
}

export function topicText(t: TopicDescription, c: ChalkInstance, allConfigs: boolean): string {
  const total = t.partitions.reduce((s, p) => s + (BigInt(p.high) - BigInt(p.low)), 0n);
  let out = `${c.bold('topic:')} ${t.name}  ${c.bold('partitions:')} ${t.partitions.length}  ${c.bold('messages:')} ${total}\n\n`;
  out += table(
    ['PARTITION', 'LEADER', 'REPLICAS', 'ISR', 'LOW', 'HIGH'],
    t.partitions.map((p) => [p.partition, p.leader, p.replicas.join(','), p.isr.join(',') + (p.offline.length ? c.red(` offline ${p.offline.join(',')}`) : ''), p.low, p.high]),
    c,
  );
  const configs = allConfigs ? t.configs : t.configs.filter((x) => !x.isDefault);
  out += `\n${c.bold(allConfigs ? 'config:' : 'config (not default; --all-configs for every one):')}\n`;
  out += configs.length === 0 ? c.dim('  (all defaults)\n') : configs.map((x) => `  ${x.name}=${x.sensitive ? '(sensitive)' : (x.value ?? '')}\n`).join('');
  return out;
}

export function groupsText(groups: GroupSummary[], c: ChalkInstance): string {
  if (groups.length === 0) return c.dim('(no consumer groups)\n');
  return table(['GROUP', 'STATE', 'PROTOCOL'], groups.map((g) => [g.groupId, g.state, g.protocolType || '-']), c);
}

export function groupText(g: GroupDescription, c: ChalkInstance): string {
  let out = `${c.bold('group:')} ${g.groupId}  ${c.bold('state:')} ${g.state}  ${c.bold('members:')} ${g.members.length}  ${c.bold('total lag:')} ${g.totalLag}\n`;
  if (g.members.length === 0 && g.partitions.length > 0) out += c.dim('no active members: the group only has committed offsets\n');
  out += '\n';
  if (g.partitions.length === 0) return out + c.dim('(no committed offsets and no assigned partitions)\n');
  out += table(
    ['TOPIC', 'PARTITION', 'COMMITTED', 'END', 'LAG', 'MEMBER', 'HOST'],
    g.partitions.map((p) => [p.topic, p.partition, p.committed ?? '-', p.end, p.lag, p.clientId ?? '-', p.host ?? '-']),
    c,
  );
  return out;
}
