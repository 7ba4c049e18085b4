import { t } from '../i18n/index.js';
import { describeValue, whereOf, type Problems } from './problems.js';
import { PROPERTY_NAMES, propertyDef, type PropertyName, type Role } from './properties.js';
import type { NoteText, Source } from './types.js';
import { ValueError } from './values.js';

/** One value as the user wrote it, before layering. */
export interface RawEntry {
  name: PropertyName;
  /** The object it was written in: top-level keys, env and -X count as 'client' (both roles). */
  role: Role;
  raw: unknown;
  source: Source;
  /** As written: 'producer.acks', 'profiles.prod.sasl_username', 'CKAFKA_TOPIC_NAME', '-X acks'. */
  key: string;
  /** Relative paths in the value are resolved against this directory. */
  baseDir: string;
}

/** One source of values; layers are given lowest precedence first. */
export interface Layer {
  entries: RawEntry[];
  /** -X and flags: a later entry replaces an earlier one. In files, two different values are an error. */
  lastWins?: boolean;
}

export interface Resolved {
  entry: RawEntry;
  /** The value in librdkafka's string form. */
  text: string;
  value: unknown;
}

export interface IgnoredEntry {
  role: Role;
  resolved: Resolved;
  note: NoteText;
}

export interface Resolution {
  /** The winning value per slot (see SLOTS); the entry's own name tells which property of the slot won. */
  effective: Map<PropertyName, Resolved>;
  /** Values librdkafka ignores in the role they were written for (and so does ckafka). */
  ignored: IgnoredEntry[];
}

/**
 * Properties that give the same setting two ways; within one layer only one of them may be set,
 * and a higher layer's choice replaces a lower one's (a password file in the environment beats a
 * password in the config file).
 */
const SLOTS: Partial<Record<PropertyName, PropertyName>> = {
  'sasl.password.file': 'sasl.password',
  'ssl.ca.pem': 'ssl.ca.location',
  'ssl.certificate.pem': 'ssl.certificate.location',
  'ssl.key.pem': 'ssl.key.location',
};
export const slotOf = (name: PropertyName): PropertyName => SLOTS[name] ?? name;

/** librdkafka's string form of a value read from a file (files may hold numbers, booleans, lists). */
export function textOf(raw: unknown, list: boolean): string | undefined {
  if (typeof raw === 'string') return raw;
  if (typeof raw === 'number' && Number.isFinite(raw)) return String(raw);
  if (typeof raw === 'boolean') return String(raw);
  if (list && Array.isArray(raw) && raw.every((item) => typeof item === 'string')) return raw.join(',');
  return undefined;
}

function parseEntry(entry: RawEntry, problems: Problems): Resolved | undefined {
  const def = propertyDef(entry.name);
  const where = whereOf(entry.source, entry.key);
  const secret = def.secret === true;
  const text = secret && typeof entry.raw !== 'string' ? undefined : textOf(entry.raw, def.list === true);
  try {
    if (text === undefined) throw new ValueError(secret ? t.config.valueQuotedString : def.list ? t.config.valueStringOrList : t.config.valueScalar);
    return { entry, text, value: def.parse(text) };
  } catch (error) {
    if (!(error instanceof ValueError)) throw error;
    problems.add(where, `${t.config.expected(error.expected)}${error.showValue ? describeValue(entry.raw, secret) : ''}`);
    return undefined;
  }
}

/** Does a value written for `role` take effect for a property of librdkafka scope `scope`? */
const applies = (role: Role, scope: Role): boolean => role === 'client' || scope === 'client' || role === scope;

/**
 * Layers the sources: the highest layer that sets a property wins. Every value is validated,
 * also those a higher layer replaces, so a broken file is reported even when a flag hides it.
 */
export function resolveLayers(layers: readonly Layer[], problems: Problems): Resolution {
  const parsed = layers.map((layer) => ({
    lastWins: layer.lastWins === true,
    values: layer.entries.map((e) => parseEntry(e, problems)).filter((r): r is Resolved => r !== undefined),
  }));
  const effective = new Map<PropertyName, Resolved>();
  const ignored: IgnoredEntry[] = [];

  for (const name of PROPERTY_NAMES) {
    if (slotOf(name) !== name) continue;
    const scope = propertyDef(name).scope;
    for (const layer of [...parsed].reverse()) {
      const candidates = layer.values.filter((r) => slotOf(r.entry.name) === name && applies(r.entry.role, scope));
      if (candidates.length === 0) continue;
      const winner = layer.lastWins ? candidates[candidates.length - 1]! : candidates[0]!;
      if (!layer.lastWins) reportConflicts(candidates, problems);
      effective.set(name, winner);
      break;
    }
    for (const role of ['producer', 'consumer'] as const) {
      if (applies(role, scope)) continue;
      for (const layer of [...parsed].reverse()) {
        const hit = layer.values.filter((r) => r.entry.name === name && r.entry.role === role).pop();
        if (hit === undefined) continue;
        ignored.push({ role, resolved: hit, note: ignoredNote(name, role, scope) });
        break;
      }
    }
  }
  return { effective, ignored };
}

const ROLE_WORDS = { client: 'roleClient', producer: 'roleProducer', consumer: 'roleConsumer' } as const;

function ignoredNote(name: string, role: Role, scope: Role): NoteText {
  return (m) => m.noteIgnored(name, m[ROLE_WORDS[role]], m[ROLE_WORDS[scope]], name === 'request.timeout.ms' ? m.noteIgnoredRequestTimeout : '');
}

function reportConflicts(candidates: Resolved[], problems: Problems): void {
  const first = candidates[0]!;
  for (const other of candidates.slice(1)) {
    if (other.entry.name === first.entry.name && JSON.stringify(other.value) === JSON.stringify(first.value)) continue;
    const secret = propertyDef(first.entry.name).secret === true || propertyDef(other.entry.name).secret === true;
    const values = secret || first.entry.name !== other.entry.name ? '' : t.config.conflictValues(first.text, other.text);
    const clientWide = first.entry.role !== other.entry.role && propertyDef(first.entry.name).scope === 'client';
    const advice = clientWide ? t.config.conflictClientWide : t.config.conflictSetOne;
    problems.add(whereOf(other.entry.source, other.entry.key), t.config.conflictsWith(first.entry.key, values, advice));
  }
}
