import type { ChalkInstance } from 'chalk';
import type { ConfigView, SettingView } from '../config/redact.js';
import type { Source } from '../config/types.js';
import { t } from '../i18n/index.js';

/** "default", "env CKAFKA_TOPIC_NAME", "-X acks", "/path/ckafka.config.json [profile prod]". */
export function describeSource(source: Source): string {
  switch (source.kind) {
    case 'default':
      return t.config.sourceDefault;
    case 'env':
      return t.config.sourceEnv(source.name);
    case 'flag':
      return source.name;
    case 'file':
      return source.profile === undefined ? source.path : t.config.sourceProfile(source.path, source.profile);
  }
}

/** `config show -o json`: the redacted view, field names as documented in docs/configuration.md; notes in English. */
export function renderConfigJson(view: ConfigView): string {
  return `${JSON.stringify(view, (key, value: unknown) => (key === 'localNote' ? undefined : value), 2)}\n`;
}

interface Row {
  key: string;
  setting: SettingView | undefined;
}

// Chinese (and other wide) characters take two columns of a terminal: columns are padded by that.
const WIDE = /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u{20000}-\u{3fffd}]/u;

function columns(text: string): number {
  let width = 0;
  for (const ch of text) width += WIDE.test(ch) ? 2 : 1;
  return width;
}

const pad = (text: string, width: number): string => text + ' '.repeat(Math.max(0, width - columns(text)));

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
  const valueText = (s: SettingView | undefined) => (s === undefined ? t.config.showNotSet : Array.isArray(s.value) ? s.value.join(',') : s.value);
  const keyWidth = Math.max(...rows.map((r) => columns(r.key)));
  const valueWidth = Math.min(40, Math.max(...rows.map((r) => columns(valueText(r.setting)))));

  const [fileLabel, profileLabel] = [t.config.showConfigFile, t.config.showProfile];
  const labelWidth = Math.max(columns(fileLabel), columns(profileLabel)) + 1;
  let out = `${c.bold(fileLabel)}${' '.repeat(labelWidth - columns(fileLabel))}${view.files.length === 0 ? c.dim(t.config.showNoFile) : view.files.join(t.common.listSeparator)}\n`;
  out += `${c.bold(profileLabel)}${' '.repeat(labelWidth - columns(profileLabel))}${view.profile ?? c.dim(t.config.showNoProfile)}\n\n`;
  out += c.bold(`${pad(t.config.showSetting, keyWidth)}  ${pad(t.config.showValue, valueWidth)}  ${t.config.showSource}`) + '\n';
  let lastGroup = '';
  for (const { key, setting } of rows) {
    const group = key.includes('.') && !key.startsWith('bootstrap') ? key.slice(0, key.indexOf('.')) : '';
    if (group !== lastGroup) out += '\n';
    lastGroup = group;
    const value = valueText(setting);
    const source = setting === undefined ? '' : describeSource(setting.source);
    const shown = setting === undefined ? c.dim(pad(value, valueWidth)) : pad(value, valueWidth);
    out += `${pad(key, keyWidth)}  ${shown}  ${c.dim(source)}`.trimEnd() + '\n';
    const note = setting?.localNote ?? setting?.note;
    if (note !== undefined) out += `${' '.repeat(keyWidth + 2)}${c.yellow(`↳ ${note}`)}\n`;
  }
  return out;
}
