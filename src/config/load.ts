import { CkafkaError } from '../errors/errors.js';
import { t } from '../i18n/index.js';
import { envLayer, envValue, PROFILE_ENV } from './env.js';
import { readConfigDocument, type FileSettings } from './file.js';
import { overrideLayer, propertyFlagLayer, typedFlagLayer } from './flags.js';
import { Values } from './lookup.js';
import { mapSettings } from './map.js';
import { Problems } from './problems.js';
import { DEMO_IGNORED_DEFAULTS, PROPERTY_NAMES, propertyDef } from './properties.js';
import { resolveLayers, type Layer, type RawEntry } from './resolve.js';
import { findConfigFile } from './search.js';
import { didYouMean } from './suggest.js';
import type { ConfigRequest, ResolvedConfig, Setting } from './types.js';
import { validateCombinations } from './validate.js';

/**
 * The effective configuration for one command: flags > environment > profile > config file >
 * the PHP demo's defaults, with where each value came from. Throws a config error (exit 3)
 * listing every problem. cosmiconfig and the YAML parser are loaded only here.
 */
export async function loadConfig(request: ConfigRequest): Promise<ResolvedConfig> {
  const problems = new Problems();
  const found = await findConfigFile(request);
  const file = found === undefined ? undefined : readConfigDocument(found.doc, found.path, problems);
  const profile = chooseProfile(request, file);

  const layers: Layer[] = [defaultLayer(request.cwd)];
  if (file !== undefined) layers.push({ entries: file.top });
  if (file !== undefined && profile !== undefined) layers.push({ entries: file.profiles.get(profile) ?? [] });
  layers.push(envLayer(request.env, request.cwd), propertyFlagLayer(request, problems), overrideLayer(request, problems), typedFlagLayer(request));

  const values = new Values(resolveLayers(layers, problems));
  validateCombinations(values, problems);
  problems.throwIfAny();
  const mapped = await mapSettings(values, request.env, problems);
  problems.throwIfAny();

  const setting = <T>(name: 'bootstrap.servers' | 'topic_name' | 'group.id', value: T | undefined): Setting<T> | undefined => {
    const r = values.resolved(name);
    return r === undefined || value === undefined ? undefined : { value, source: r.entry.source };
  };
  const config: ResolvedConfig = { files: found === undefined ? [] : [found.path], ...mapped };
  if (profile !== undefined) config.profile = profile;
  const bootstrapServers = setting('bootstrap.servers', values.get('bootstrap.servers'));
  const topic = setting('topic_name', values.get('topic_name'));
  const groupId = setting('group.id', values.get('group.id'));
  if (bootstrapServers !== undefined) config.bootstrapServers = bootstrapServers;
  if (topic !== undefined) config.topic = topic;
  if (groupId !== undefined) config.groupId = groupId;
  return config;
}

/** Every default of the property table, plus the demo's consumer request.timeout.ms. */
export function defaultLayer(cwd: string): Layer {
  const entries: RawEntry[] = [];
  for (const name of PROPERTY_NAMES) {
    const def = propertyDef(name);
    if (def.default === undefined) continue;
    entries.push({ name, role: def.scope, raw: def.default, source: { kind: 'default' }, key: name, baseDir: cwd });
  }
  for (const { role, name, value } of DEMO_IGNORED_DEFAULTS) {
    entries.push({ name, role, raw: value, source: { kind: 'default' }, key: `${role}.${name}`, baseDir: cwd });
  }
  return { entries };
}

/** --profile, else CKAFKA_PROFILE, else the file's default_profile. */
function chooseProfile(request: ConfigRequest, file: FileSettings | undefined): string | undefined {
  const fromEnv = envValue(request.env, PROFILE_ENV);
  const asked = request.profile ?? fromEnv;
  const from = request.profile !== undefined ? '--profile' : fromEnv !== undefined ? PROFILE_ENV : undefined;
  const name = asked ?? file?.defaultProfile;
  if (name === undefined) return undefined;
  const via = from ?? t.config.profileVia(String(file?.path));
  if (file === undefined) {
    throw new CkafkaError('config', t.config.profileNeedsFile(name, via, request.cwd), { hint: t.config.profileNeedsFileHint });
  }
  if (file.profiles.has(name)) return name;
  const available = [...file.profiles.keys()];
  const list = available.length === 0 ? t.config.noProfiles(file.path) : t.config.profilesAvailable(file.path, available.join(t.common.listSeparator));
  throw new CkafkaError('config', t.config.unknownProfile(name, via, didYouMean(name, available), list));
}
