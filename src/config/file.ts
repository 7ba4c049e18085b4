import { dirname } from 'node:path';
import { t } from '../i18n/index.js';
import { whereOf, type Problems } from './problems.js';
import { propertyByKey, propertyByName, propertyDef, propertyNames, topLevelKeys, type Role } from './properties.js';
import type { RawEntry } from './resolve.js';
import { didYouMean } from './suggest.js';
import type { Source } from './types.js';
import { unsupportedReason } from './unsupported.js';

/** A config file's settings: the top level and each profile, every key already checked. */
export interface FileSettings {
  path: string;
  top: RawEntry[];
  profiles: Map<string, RawEntry[]>;
  defaultProfile?: string;
}

const ROLE_OBJECTS: readonly Role[] = ['client', 'producer', 'consumer'];
const FILE_ONLY_KEYS = ['profiles', 'default_profile', '$schema', '$comment'];

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Reads a parsed config file (JSON, YAML, package.json key or CKafkaSetting.php array). */
export function readConfigDocument(doc: unknown, path: string, problems: Problems): FileSettings {
  const settings: FileSettings = { path, top: [], profiles: new Map() };
  const fileSource: Source = { kind: 'file', path };
  if (doc === undefined || doc === null) return settings;
  if (!isObject(doc)) {
    problems.add(path, t.config.fileNotObject);
    return settings;
  }
  for (const [key, value] of Object.entries(doc)) {
    if (key === '$schema' || key === '$comment') continue;
    if (key === 'default_profile') {
      if (typeof value === 'string' && value !== '') settings.defaultProfile = value;
      else if (value !== null) problems.add(whereOf(fileSource, key), t.config.defaultProfileNotName);
    } else if (key === 'profiles') {
      readProfiles(value, settings, problems);
    } else {
      readSetting(key, value, { source: fileSource, prefix: '', baseDir: dirname(path) }, settings.top, problems, true);
    }
  }
  return settings;
}

function readProfiles(value: unknown, settings: FileSettings, problems: Problems): void {
  if (!isObject(value)) {
    problems.add(whereOf({ kind: 'file', path: settings.path }, 'profiles'), t.config.profilesNotObject);
    return;
  }
  for (const [name, profile] of Object.entries(value)) {
    const source: Source = { kind: 'file', path: settings.path, profile: name };
    const prefix = `profiles.${name}.`;
    const entries: RawEntry[] = [];
    if (!isObject(profile)) {
      problems.add(whereOf(source, `profiles.${name}`), t.config.profileNotObject);
    } else {
      for (const [key, v] of Object.entries(profile)) {
        readSetting(key, v, { source, prefix, baseDir: dirname(settings.path) }, entries, problems, false);
      }
    }
    settings.profiles.set(name, entries);
  }
}

interface Place {
  source: Source;
  prefix: string;
  baseDir: string;
}

function readSetting(key: string, value: unknown, place: Place, into: RawEntry[], problems: Problems, top: boolean): void {
  const where = whereOf(place.source, place.prefix + key);
  if ((ROLE_OBJECTS as readonly string[]).includes(key)) {
    readRoleObject(key as Role, value, place, into, problems);
    return;
  }
  const name = propertyByKey(key);
  if (name !== undefined) {
    into.push({ name, role: 'client', raw: value, source: place.source, key: place.prefix + key, baseDir: place.baseDir });
    return;
  }
  if (!top && FILE_ONLY_KEYS.includes(key)) {
    problems.add(where, t.config.topLevelOnly);
    return;
  }
  const property = propertyByName(key);
  if (property !== undefined) {
    const def = propertyDef(property);
    const advice = def.key !== undefined ? t.config.writeAsKey(def.key) : t.config.putInRole(def.scope, key);
    problems.add(where, t.config.propertyNotTopLevel(key, advice));
    return;
  }
  const valid = [...topLevelKeys(), ...ROLE_OBJECTS, ...(top ? FILE_ONLY_KEYS.slice(0, 2) : [])];
  problems.add(where, t.config.unknownKey(didYouMean(key, valid), valid.join(t.common.listSeparator)));
}

function readRoleObject(role: Role, value: unknown, place: Place, into: RawEntry[], problems: Problems): void {
  const objectKey = place.prefix + role;
  if (!isObject(value)) {
    problems.add(whereOf(place.source, objectKey), t.config.roleNotObject);
    return;
  }
  for (const [key, raw] of Object.entries(value)) {
    const fullKey = `${objectKey}.${key}`;
    const name = propertyByName(key);
    if (name !== undefined) {
      into.push({ name, role, raw, source: place.source, key: fullKey, baseDir: place.baseDir });
      continue;
    }
    problems.add(whereOf(place.source, fullKey), unknownPropertyMessage(key));
  }
}

/** "unknown property … (did you mean …)" or why a known librdkafka property is refused. */
export function unknownPropertyMessage(name: string): string {
  const reason = unsupportedReason(name);
  if (reason !== undefined) return t.config.unsupportedProperty(name, reason);
  const key = propertyByKey(name);
  if (key !== undefined) {
    const def = propertyDef(key);
    return def.property === false ? t.config.topLevelKeyNotProperty(name) : t.config.topLevelKeyAsProperty(name, key);
  }
  return t.config.unknownProperty(didYouMean(name, propertyNames()));
}
