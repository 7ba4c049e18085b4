/** Value parsers for the property table: each takes librdkafka's string form and returns a typed value. */

/** Thrown by a parser: `expected` completes "expected …". */
export class ValueError extends Error {
  /** @param showValue false when `expected` already quotes the offending part. */
  constructor(
    readonly expected: string,
    readonly showValue = true,
  ) {
    super(`expected ${expected}`);
    this.name = 'ValueError';
  }
}

export type Parser<T> = (text: string) => T;

/** A whole number in [min, max] (librdkafka's ranges unless stated). */
export function integer(min: number, max: number): Parser<number> {
  const expected = `an integer from ${min} to ${max}`;
  return (text) => {
    if (!/^[+-]?\d+$/.test(text.trim())) throw new ValueError(expected);
    const n = Number(text);
    if (!Number.isSafeInteger(n) || n < min || n > max) throw new ValueError(expected);
    return n;
  };
}

export const boolean: Parser<boolean> = (text) => {
  const t = text.trim().toLowerCase();
  if (t === 'true' || t === '1') return true;
  if (t === 'false' || t === '0') return false;
  throw new ValueError('true or false');
};

/** One of a fixed set of words (case-insensitive), each mapped to a value. */
export function oneOf<T>(choices: Readonly<Record<string, T>>, rejected: Readonly<Record<string, string>> = {}): Parser<T> {
  // Object.keys lists integer-like keys first; show words first ('all, -1, 0, 1').
  const keys = Object.keys(choices);
  const names = [...keys.filter((k) => !/^\d+$/.test(k)), ...keys.filter((k) => /^\d+$/.test(k))];
  const expected = `one of ${names.join(', ')}`;
  return (text) => {
    const t = text.trim().toLowerCase();
    const found = Object.entries(choices).find(([name]) => name.toLowerCase() === t);
    if (found) return found[1];
    const reason = Object.entries(rejected).find(([name]) => name.toLowerCase() === t)?.[1];
    throw new ValueError(reason === undefined ? expected : `${expected} (${reason})`);
  };
}

export const text: Parser<string> = (value) => {
  if (value.trim() === '') throw new ValueError('a non-empty string');
  return value;
};

/** A secret is taken exactly as written (spaces included), but must not be empty. */
export const secret: Parser<string> = (value) => {
  if (value === '') throw new ValueError('a non-empty string');
  return value;
};

/**
 * `host:port[,host:port…]`. kafkajs splits `[::1]:9092` at the first colon, so IPv6 literals
 * cannot be honoured and are refused here rather than failing later with a confusing error.
 */
export const brokerList: Parser<string[]> = (value) => {
  const expected = "a list of host:port (a string 'a:9092,b:9092' or an array)";
  const brokers = value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  if (brokers.length === 0) throw new ValueError(expected);
  for (const broker of brokers) {
    if (broker.includes('://')) throw new ValueError(`${expected} without a scheme such as 'plaintext://', got '${broker}'`, false);
    if (broker.startsWith('[')) throw new ValueError(`${expected}; IPv6 literals like '${broker}' are not supported by kafkajs, use a host name`, false);
    const match = /^([^\s:]+):(\d+)$/.exec(broker);
    const port = match ? Number(match[2]) : 0;
    if (!match || port < 1 || port > 65535) throw new ValueError(`${expected}, got '${broker}'`, false);
  }
  return brokers;
};

/** Topic and group names as Kafka accepts them (group ids are free-form but not empty). */
export const topicName: Parser<string> = (value) => {
  if (!/^[a-zA-Z0-9._-]{1,249}$/.test(value) || value === '.' || value === '..') {
    throw new ValueError("a topic name of 1–249 characters from a-z A-Z 0-9 . _ -");
  }
  return value;
};
