import type { ChalkInstance } from 'chalk';
import type { ConfigView, SettingView } from '../config/redact.js';
import type { Source } from '../config/types.js';

/** "default", "env CKAFKA_TOPIC_NAME", "-X acks", "/path/ckafka.config.json [profile prod]". */
export function describeSource(source: Source): string {
  switch (source.kind) {
    case 'default':
      return 'default';
    case 'env':
      return `env ${source.name}`;
    case 'flag':
      return source.name;
    case 'file':
      return source.profile === undefined ? source.path : `${source.path} [profile ${source.profile}]`;
  }
}

/** `config show -o json`: the redacted view, field names as documented in docs/configuration.md. */
export function renderConfigJson(view: ConfigView): string {
  return `${JSON.stringify(view, null, 2)}\n`;
}

interface Row {
  key: string;
  setting: SettingView | undefined;
}

/** `config show`: one row per setting with its value and where it came from; notes under it. */
export function renderConfigText(view: ConfigView, c: ChalkInstance): string {
  const rows: Row[] = [
    { key: 'bootstrap_servers', setting: view.settings.bootstrap_servers },
    { key: 'topic_name', setting: view.settings.topic_name },
    { key: 'group_id', setting: view.settings.group_id },
  ];
  for (const role of ['client', 'producer', 'consumer'] as const) {
    for (const [name, setting] of Object.entries(view.properties[role])) rows.push({ key: `${role}.${name}`, setting });
  }
  const valueText = (s: SettingView | undefined) => (s === undefined ? '(not set)' : Array.isArray(s.value) ? s.value.join(',') : s.value);
  const keyWidth = Math.max(...rows.map((r) => r.key.length));
  const valueWidth = Math.min(40, Math.max(...rows.map((r) => valueText(r.setting).length)));

  let out = `${c.bold('config file:')} ${view.files.length === 0 ? c.dim('(none found)') : view.files.join(', ')}\n`;
  out += `${c.bold('profile:')}     ${view.profile ?? c.dim('(none)')}\n\n`;
  out += c.bold(`${'SETTING'.padEnd(keyWidth)}  ${'VALUE'.padEnd(valueWidth)}  SOURCE`) + '\n';
  let lastGroup = '';
  for (const { key, setting } of rows) {
    const group = key.includes('.') && !key.startsWith('bootstrap') ? key.slice(0, key.indexOf('.')) : '';
    if (group !== lastGroup) out += '\n';
    lastGroup = group;
    const value = valueText(setting);
    const source = setting === undefined ? '' : describeSource(setting.source);
    const shown = setting === undefined ? c.dim(value.padEnd(valueWidth)) : value.padEnd(valueWidth);
    out += `${key.padEnd(keyWidth)}  ${shown}  ${c.dim(source)}`.trimEnd() + '\n';
    if (setting?.note !== undefined) out += `${' '.repeat(keyWidth + 2)}${c.yellow(`↳ ${setting.note}`)}\n`;
  }
  return out;
}
