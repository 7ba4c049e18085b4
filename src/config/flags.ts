import { CkafkaError } from '../errors/errors.js';
import { t } from '../i18n/index.js';
import { unknownPropertyMessage } from './file.js';
import type { Problems } from './problems.js';
import { propertyByName, type PropertyName } from './properties.js';
import type { Layer, RawEntry } from './resolve.js';
import type { ConfigRequest } from './types.js';

/** `-X name=value`, in order (a later one wins, as in kcat). */
export function propertyFlagLayer(request: ConfigRequest, problems: Problems): Layer {
  const entries: RawEntry[] = [];
  (request.properties ?? []).forEach((flag, index) => {
    const eq = flag.indexOf('=');
    // The text is not echoed: `-X sasl.password:s3cret` must not print the password.
    if (eq <= 0) {
      const what = eq < 0 ? t.config.propertyFlagNoEquals : t.config.propertyFlagNoName;
      throw new CkafkaError('usage', t.config.propertyFlagMalformed(index + 1, what), { hint: t.config.propertyFlagHint });
    }
    const given = flag.slice(0, eq).trim();
    const name = propertyByName(given);
    if (name === undefined) {
      problems.add(`-X ${given}`, unknownPropertyMessage(given));
      return;
    }
    entries.push({ name, role: 'client', raw: flag.slice(eq + 1), source: { kind: 'flag', name: `-X ${given}` }, key: given, baseDir: request.cwd });
  });
  return { entries, lastWins: true };
}

/** Properties set by command flags such as --acks; they beat -X. */
export function overrideLayer(request: ConfigRequest, problems: Problems): Layer {
  const entries: RawEntry[] = [];
  for (const o of request.overrides ?? []) {
    const name = propertyByName(o.name);
    if (name === undefined) {
      problems.add(o.source.kind === 'flag' ? o.source.name : o.name, unknownPropertyMessage(o.name));
      continue;
    }
    entries.push({ name, role: o.role, raw: o.value, source: o.source, key: o.name, baseDir: request.cwd });
  }
  return { entries, lastWins: true };
}

const TYPED_FLAGS: ReadonlyArray<[keyof ConfigRequest['flags'], PropertyName, string]> = [
  ['bootstrapServers', 'bootstrap.servers', '--bootstrap-servers'],
  ['topic', 'topic_name', '--topic'],
  ['groupId', 'group.id', '--group'],
];

/** -b, -t, -g: the flags the user typed, highest precedence. */
export function typedFlagLayer(request: ConfigRequest): Layer {
  const entries: RawEntry[] = [];
  for (const [field, name, flag] of TYPED_FLAGS) {
    const value = request.flags[field];
    if (value === undefined) continue;
    entries.push({ name, role: 'client', raw: value, source: { kind: 'flag', name: flag }, key: flag, baseDir: request.cwd });
  }
  return { entries, lastWins: true };
}
