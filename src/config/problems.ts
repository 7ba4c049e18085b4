import { CkafkaError } from '../errors/errors.js';
import type { Source } from './types.js';

export const CONFIG_HINT = 'Run `ckafka config show` for the effective configuration; docs/configuration.md lists every key.';

/** Where a value was written, for messages: the file and key, the variable, or the flag. */
export function whereOf(source: Source, key: string): string {
  switch (source.kind) {
    case 'file':
      return `${source.path}: ${key}`;
    case 'env':
      return `environment variable ${source.name}`;
    case 'flag':
      return source.name;
    case 'default':
      return `default ${key}`;
  }
}

/** Collects every configuration problem so the user sees all of them at once, one line each. */
export class Problems {
  readonly list: string[] = [];

  add(where: string, message: string): void {
    const line = `${where}: ${message}`;
    if (!this.list.includes(line)) this.list.push(line);
  }

  get empty(): boolean {
    return this.list.length === 0;
  }

  /** Throws one config error (exit 3) listing every problem found so far. */
  throwIfAny(hint: string = CONFIG_HINT): void {
    if (this.empty) return;
    const message =
      this.list.length === 1
        ? this.list[0]!
        : `${this.list.length} problems in the configuration:\n${this.list.map((p) => `  - ${p}`).join('\n')}`;
    throw new CkafkaError('config', message, { hint });
  }
}

/** A short, safe description of a value for a message; secrets are never described. */
export function describeValue(raw: unknown, secret = false): string {
  if (secret) return '';
  if (raw === null) return ', got null';
  if (raw === undefined) return ', got nothing';
  if (Array.isArray(raw)) return ', got a list';
  if (typeof raw === 'object') return ', got an object';
  if (typeof raw === 'string') return `, got '${raw.length > 80 ? `${raw.slice(0, 77)}...` : raw}'`;
  return `, got ${String(raw)}`;
}
