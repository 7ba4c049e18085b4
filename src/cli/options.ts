import { Option, type Command } from 'commander';
import { CkafkaError } from '../errors/errors.js';
import { t } from '../i18n/index.js';
import type { ConfigRequest } from '../config/types.js';
import type { Io } from '../io/io.js';

/** Options every command that talks to Kafka shares; declared once here. */
export interface ConnectionFlags {
  config?: string;
  profile?: string;
  bootstrapServers?: string;
  property?: string[];
  verbose?: number;
}

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];
const increase = (_: string, previous = 0): number => previous + 1;

export function addConnectionOptions(cmd: Command, options: { configFile?: boolean } = {}): Command {
  // `topic create --config name=value` takes topic configs (as kafka-topics.sh does): the config
  // file then goes before the command, `ckafka --config FILE topic create …`.
  if (options.configFile !== false) {
    cmd.addOption(new Option('--config <path>', t.cli.optionConfig));
  }
  return cmd
    .addOption(new Option('--profile <name>', t.cli.optionProfile))
    .addOption(new Option('-b, --bootstrap-servers <list>', t.cli.optionBootstrapServers))
    .addOption(new Option('-X, --property <name=value>', t.cli.optionProperty).argParser(collect))
    .addOption(new Option('-v, --verbose', t.cli.optionVerbose).argParser(increase));
}

/** Output options shared by commands that print records. */
export interface OutputFlags {
  output: string;
  encoding: 'utf8' | 'base64' | 'hex';
}

export function addOutputOptions(cmd: Command, formats: string[]): Command {
  return cmd
    .addOption(new Option('-o, --output <format>', t.cli.optionOutput).choices(formats).default(formats[0]))
    .addOption(new Option('--encoding <enc>', t.cli.optionEncoding).choices(['utf8', 'base64', 'hex']).default('utf8'));
}

/**
 * The command's flags merged with those given before it (`ckafka -b x produce`), the innermost
 * winning (commander's optsWithGlobals lets the outermost win), and every -X list joined,
 * outermost first, so a later -X wins.
 */
export function flagsOf<T extends ConnectionFlags>(command: Command): T {
  const chain: Command[] = [];
  for (let c: Command | null = command; c !== null; c = c.parent) chain.unshift(c);
  const merged: Record<string, unknown> = {};
  const properties: string[] = [];
  for (const c of chain) {
    for (const [key, value] of Object.entries(c.opts())) {
      if (value === undefined) continue;
      if (key === 'property') properties.push(...(value as string[]));
      else merged[key] = value;
    }
  }
  return { ...merged, property: properties } as T;
}

/** The config request a command's connection flags describe. */
export function configRequest(io: Io, flags: ConnectionFlags, extra: Partial<ConfigRequest['flags']> = {}): ConfigRequest {
  const request: ConfigRequest = {
    cwd: io.cwd,
    env: io.env,
    flags: { ...extra },
    properties: flags.property ?? [],
  };
  if (flags.config !== undefined) request.configPath = flags.config;
  if (flags.profile !== undefined) request.profile = flags.profile;
  if (flags.bootstrapServers !== undefined) request.flags.bootstrapServers = flags.bootstrapServers;
  return request;
}

/** The bounds of a numeric flag: plain decimal digits only, within [min, max]. */
export interface WholeNumberBounds {
  min: number;
  max: number;
}

/** Kafka's partition numbers and counts are int32 on the wire. */
export const INT32_MAX = 2_147_483_647;

/**
 * The one parser for every numeric flag: plain decimal digits, nothing else (`0x10`, `1e3`,
 * `1.0`, `+5`, ` 5` and `-1` are refused rather than read as JavaScript would), within bounds,
 * so a typo is a usage error before anything is sent or read.
 */
export function wholeNumber(name: string, { min, max }: WholeNumberBounds) {
  return (value: string): number => {
    // Number() would take '0x10', '1e3', ' 5' and '' (0); BigInt-sized input fails the range.
    if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) throw new InvalidFlag(t.cli.wholeNumberExpected(name, min, max));
    return Number(value);
  };
}

/**
 * A flag parser from one of ours: it runs while commander reads argv, so a bad value is a usage
 * error (with the parser's message and hint) before any connection.
 */
export const asFlag = <T>(parse: (text: string) => T) => (text: string): T => {
  try {
    return parse(text);
  } catch (error) {
    if (error instanceof CkafkaError) throw new InvalidFlag(error.hint ? t.cli.flagErrorWithHint(error.message, error.hint) : error.message);
    throw error;
  }
};

export class InvalidFlag extends Error {
  // commander turns this code into a usage error with the message.
  readonly code = 'commander.invalidArgument';
}
