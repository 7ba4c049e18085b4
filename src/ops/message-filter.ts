import { usageError } from '../errors/errors.js';
import type { ConsumedMessage } from '../kafka/records.js';
import { t } from '../i18n/index.js';

/** What `--match` looks at: the key, the value, or every value of one header name. */
export type MatchField = { kind: 'key' } | { kind: 'value' } | { kind: 'header'; name: string };

/** One `--match FIELD:REGEX`, checked and compiled. */
export interface MatchSpec {
  field: MatchField;
  pattern: RegExp;
  /** As the user typed it, for status lines. */
  text: string;
}

/** How bytes become the text a pattern is tested on: the same choice as `--encoding`. */
export type MatchEncoding = 'utf8' | 'base64' | 'hex';

/**
 * Parses `--match key:REGEX`, `value:REGEX` or `header.NAME:REGEX` (the field ends at the first
 * ':', so a header name cannot contain one). The regex is JavaScript's, without flags; a bad one
 * is a usage error, found before anything connects.
 */
export function parseMatch(text: string): MatchSpec {
  const colon = text.indexOf(':');
  if (colon < 0) throw usageError(t.output.matchNoField(text), t.output.matchHint);
  const name = text.slice(0, colon);
  const source = text.slice(colon + 1);
  let field: MatchField;
  if (name === 'key' || name === 'value') field = { kind: name };
  else if (name.startsWith('header.') && name.length > 'header.'.length) field = { kind: 'header', name: name.slice('header.'.length) };
  else throw usageError(t.output.matchUnknownField(name, text), t.output.matchHint);
  let pattern: RegExp;
  try {
    pattern = new RegExp(source);
  } catch (error) {
    throw usageError(t.output.matchInvalidRegex(source, (error as Error).message.replace(/^Invalid regular expression: /, '')), t.output.matchHint);
  }
  return { field, pattern, text };
}

/** True when a message passes every spec (no spec: every message passes). */
export type MessagePredicate = (m: ConsumedMessage) => boolean;

/**
 * Compiles the specs into one predicate; all must match. Bytes are tested as they would be shown
 * with the encoding (utf8: decoded, invalid sequences as U+FFFD; base64 or hex: that text). An
 * absent key, value or header never matches, not even an empty pattern.
 */
export function messagePredicate(specs: readonly MatchSpec[], encoding: MatchEncoding): MessagePredicate | null {
  if (specs.length === 0) return null;
  const tests = specs.map((s) => fieldTest(s, encoding));
  if (tests.length === 1) return tests[0] as MessagePredicate;
  return (m) => {
    for (const t of tests) if (!t(m)) return false;
    return true;
  };
}

function fieldTest({ field, pattern }: MatchSpec, encoding: MatchEncoding): MessagePredicate {
  switch (field.kind) {
    case 'key':
      return (m) => {
        const k = m.key;
        return k !== null && pattern.test(k.toString(encoding));
      };
    case 'value':
      return (m) => {
        const v = m.value;
        return v !== null && pattern.test(v.toString(encoding));
      };
    case 'header': {
      const { name } = field;
      // A list, compared by name: a repeated name matches when any of its values does, and a
      // name such as `constructor` or `__proto__` is just a name.
      return (m) => {
        for (const h of m.headers) {
          if (h.key === name && h.value !== null && pattern.test(h.value.toString(encoding))) return true;
        }
        return false;
      };
    }
  }
}
