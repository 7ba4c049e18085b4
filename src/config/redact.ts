import type { ResolvedConfig, Setting, Source } from './types.js';

export const REDACTED = '[redacted]';

/** A Setting as `config show` prints it: JSON-safe, secrets replaced. */
export interface SettingView {
  value: string | string[];
  source: Source;
  /** In English: `config show -o json` is the same in every language. */
  note?: string;
  /** The note in the user's language when that is not English; for the text, never in JSON. */
  localNote?: string;
}

/** The effective configuration with every secret redacted: what `config show` prints (also as JSON). */
export interface ConfigView {
  files: string[];
  profile: string | null;
  settings: { bootstrap_servers?: SettingView; topic_name?: SettingView; group_id?: SettingView };
  properties: Record<'client' | 'producer' | 'consumer', Record<string, SettingView>>;
  /** What the kafka layer hands kafkajs, redacted. */
  kafkajs: { client: Record<string, unknown>; producer: Record<string, unknown>; consumer: Record<string, unknown> };
}

const pemSummary = (pem: string): string => `[PEM, ${Buffer.byteLength(pem)} bytes]`;

function view<T extends string | string[]>(setting: Setting<T>, name = ''): SettingView {
  let value: string | string[] = setting.value;
  if (setting.secret === true) value = REDACTED;
  else if (typeof value === 'string' && name.endsWith('.pem')) value = pemSummary(value);
  const out: SettingView = { value, source: setting.source };
  if (setting.note !== undefined) out.note = setting.note;
  if (setting.localNote !== undefined) out.localNote = setting.localNote;
  return out;
}

/** The display view of a resolved configuration; the only way configuration reaches a printer. */
export function redactConfig(config: ResolvedConfig): ConfigView {
  const settings: ConfigView['settings'] = {};
  if (config.bootstrapServers) settings.bootstrap_servers = view(config.bootstrapServers);
  if (config.topic) settings.topic_name = view(config.topic);
  if (config.groupId) settings.group_id = view(config.groupId);
  const properties = { client: {}, producer: {}, consumer: {} } as ConfigView['properties'];
  for (const role of ['client', 'producer', 'consumer'] as const) {
    for (const name of Object.keys(config.properties[role]).sort()) properties[role][name] = view(config.properties[role][name]!, name);
  }
  return {
    files: config.files,
    profile: config.profile ?? null,
    settings,
    properties,
    kafkajs: { client: redactClient(config.client), producer: { ...config.producer }, consumer: { ...config.consumer } },
  };
}

function redactClient(client: ResolvedConfig['client']): Record<string, unknown> {
  const out: Record<string, unknown> = { ...client, retry: { ...client.retry } };
  if (client.sasl !== undefined) out.sasl = { ...client.sasl, password: REDACTED };
  if (client.ssl !== undefined && client.ssl !== true) {
    const { ca, cert, key, passphrase, checkServerIdentity, ...rest } = client.ssl;
    const ssl: Record<string, unknown> = { ...rest };
    if (ca !== undefined) ssl.ca = ca.map(pemSummary);
    if (cert !== undefined) ssl.cert = pemSummary(cert);
    if (key !== undefined) ssl.key = REDACTED;
    if (passphrase !== undefined) ssl.passphrase = REDACTED;
    if (checkServerIdentity !== undefined) ssl.checkServerIdentity = 'skip host name check';
    out.ssl = ssl;
  }
  return out;
}
