import { CkafkaError } from '../errors/errors.js';
import { t } from '../i18n/index.js';
import type { Source } from './types.js';

/** Where a value was written, for messages: the file and key, the variable, or the flag. */
export function whereOf(source: Source, key: string): string {
  switch (source.kind) {
    case 'file':
      return `${source.path}: ${key}`;
    case 'env':
      return t.config.whereEnv(source.name);
    case 'flag':
      return source.name;
    case 'default':
      return t.config.whereDefault(key);
  }
}

/** Collects every configuration problem so the user sees all of them at once, one line each. */
export class Problems {
  readonly list: string[] = [];

  add(where: string, message: string): void {
    const line = t.config.problemAt(where, message);
    if (!this.list.includes(line)) this.list.push(line);
  }

  get empty(): boolean {
    return this.list.length === 0;
  }

  /** Throws one config error (exit 3) listing every problem found so far. */
  throwIfAny(hint: string = t.config.configHint): void {
    if (this.empty) return;
    const message =
      this.list.length === 1
        ? this.list[0]!
        : `${t.config.problemsHeading(this.list.length)}\n${this.list.map((p) => `  - ${p}`).join('\n')}`;
    throw new CkafkaError('config', message, { hint });
  }
}

/** A short, safe description of a value for a message; secrets are never described. */
export function describeValue(raw: unknown, secret = false): string {
  if (secret) return '';
  if (raw === null) return t.config.gotNull;
  if (raw === undefined) return t.config.gotNothing;
  if (Array.isArray(raw)) return t.config.gotList;
  if (typeof raw === 'object') return t.config.gotObject;
  if (typeof raw === 'string') return t.config.gotText(raw.length > 80 ? `${raw.slice(0, 77)}...` : raw);
  return t.config.gotValue(String(raw));
}
