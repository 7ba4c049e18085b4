/** Value parsers for the property table: each takes librdkafka's string form and returns a typed value. */
import { t } from '../i18n/index.js';

/** Thrown by a parser: `expected` completes "expected …". */
export class ValueError extends Error {
  /** @param showValue false when `expected` already quotes the offending part. */
  constructor(
    readonly expected: string,
    readonly showValue = true,
  ) {
    super(t.config.expected(expected));
    this.name = 'ValueError';
  }
}

export type Parser<T> = (text: string) => T;

/** A whole number in [min, max] (librdkafka's ranges unless stated). */
export function integer(min: number, max: number): Parser<number> {
  return (text) => {
    if (!/^[+-]?\d+$/.test(text.trim())) throw new ValueError(t.config.valueInteger(min, max));
    const n = Number(text);
    if (!Number.isSafeInteger(n) || n < min || n > max) throw new ValueError(t.config.valueInteger(min, max));
    return n;
  };
}

export const boolean: Parser<boolean> = (text) => {
  const word = text.trim().toLowerCase();
  if (word === 'true' || word === '1') return true;
  if (word === 'false' || word === '0') return false;
  throw new ValueError(t.config.valueBoolean);
};

/** One of a fixed set of words (case-insensitive), each mapped to a value; `rejected` words say why they are refused. */
export function oneOf<T>(choices: Readonly<Record<string, T>>, rejected: Readonly<Record<string, () => string>> = {}): Parser<T> {
  // Object.keys lists integer-like keys first; show words first ('all, -1, 0, 1').
  const keys = Object.keys(choices);
  const names = [...keys.filter((k) => !/^\d+$/.test(k)), ...keys.filter((k) => /^\d+$/.test(k))];
  return (text) => {
    const word = text.trim().toLowerCase();
    const found = Object.entries(choices).find(([name]) => name.toLowerCase() === word);
    if (found) return found[1];
    const expected = t.config.valueOneOf(names.join(t.common.listSeparator));
    const reason = Object.entries(rejected).find(([name]) => name.toLowerCase() === word)?.[1];
    throw new ValueError(reason === undefined ? expected : t.config.valueWithReason(expected, reason()));
  };
}

export const text: Parser<string> = (value) => {
  if (value.trim() === '') throw new ValueError(t.config.valueNonEmpty);
  return value;
};

/** A secret is taken exactly as written (spaces included), but must not be empty. */
export const secret: Parser<string> = (value) => {
  if (value === '') throw new ValueError(t.config.valueNonEmpty);
  return value;
};

/**
 * `host:port[,host:port…]`. kafkajs splits `[::1]:9092` at the first colon, so IPv6 literals
 * cannot be honoured and are refused here rather than failing later with a confusing error.
 */
export const brokerList: Parser<string[]> = (value) => {
  const expected = t.config.valueBrokerList;
  const brokers = value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  if (brokers.length === 0) throw new ValueError(expected);
  for (const broker of brokers) {
    if (broker.includes('://')) throw new ValueError(t.config.valueBrokerScheme(expected, broker), false);
    if (broker.startsWith('[')) throw new ValueError(t.config.valueBrokerIpv6(expected, broker), false);
    const match = /^([^\s:]+):(\d+)$/.exec(broker);
    const port = match ? Number(match[2]) : 0;
    if (!match || port < 1 || port > 65535) throw new ValueError(t.config.valueBrokerGot(expected, broker), false);
  }
  return brokers;
};

/** Topic and group names as Kafka accepts them (group ids are free-form but not empty). */
export const topicName: Parser<string> = (value) => {
  if (!/^[a-zA-Z0-9._-]{1,249}$/.test(value) || value === '.' || value === '..') {
    throw new ValueError(t.config.valueTopicName);
  }
  return value;
};
