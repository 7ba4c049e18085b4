import { Option, type Command } from 'commander';
import type { RunContext } from '../program.js';
import { addConnectionOptions, addOutputOptions, configRequest, flagsOf, INT32_MAX, wholeNumber, type ConnectionFlags, type OutputFlags } from '../options.js';
import type { PropertyOverride } from '../../config/types.js';
import { t } from '../../i18n/index.js';

export interface ProduceFlags extends ConnectionFlags, OutputFlags {
  topic?: string;
  count?: number;
  file?: string;
  input: 'text' | 'json';
  stripCr?: boolean;
  key?: string;
  keyDelimiter?: string;
  header?: string[];
  partition?: number;
  acks?: string;
  retries?: number;
  compression?: string;
  idempotent?: boolean;
  quiet?: boolean;
}

/** -n: a billion generated messages is a long benchmark; more is a typo. */
export const MAX_GENERATED = 1_000_000_000;

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

/** `ckafka produce`: flags → a produce request → delivery reports. */
export function registerProduceCommand(program: Command, ctx: RunContext): void {
  const cmd = program
    .command('produce')
    .description(t.cli.produceDescription)
    .argument('[messages...]', t.cli.produceMessagesArgument)
    .option('-t, --topic <name>', t.cli.produceTopic)
    .option('-n, --count <n>', t.cli.produceCount, wholeNumber('--count', { min: 1, max: MAX_GENERATED }))
    .option('--file <path>', t.cli.produceFile)
    .addOption(new Option('--input <format>', t.cli.produceInput).choices(['text', 'json']).default('text'))
    .option('--strip-cr', t.cli.produceStripCr)
    .option('-k, --key <key>', t.cli.produceKey)
    .option('-K, --key-delimiter <delim>', t.cli.produceKeyDelimiter)
    .option('-H, --header <name=value>', t.cli.produceHeader, collect)
    .option('-p, --partition <n>', t.cli.producePartition, wholeNumber('--partition', { min: 0, max: INT32_MAX }))
    .addOption(new Option('--acks <acks>', t.cli.produceAcks).choices(['all', '-1', '1', '0']))
    .option('--retries <n>', t.cli.produceRetries, wholeNumber('--retries', { min: 0, max: INT32_MAX }))
    .addOption(new Option('--compression <codec>', t.cli.produceCompression).choices(['none', 'gzip', 'snappy', 'lz4', 'zstd']))
    .option('--idempotent', t.cli.produceIdempotent)
    .option('-q, --quiet', t.cli.produceQuiet);
  addOutputOptions(cmd, ['text', 'json', 'php']);
  addConnectionOptions(cmd);
  cmd.action(async (messages: string[], _local: unknown, command: Command) => {
    const flags = flagsOf<ProduceFlags>(command);
    ctx.outputJson = flags.output === 'json';
    const overrides: PropertyOverride[] = [];
    const flag = (name: string, property: string, value: string | undefined) => {
      if (value !== undefined) overrides.push({ role: 'producer', name: property, value, source: { kind: 'flag', name } });
    };
    flag('--acks', 'acks', flags.acks);
    flag('--retries', 'retries', flags.retries?.toString());
    flag('--compression', 'compression.codec', flags.compression);
    flag('--idempotent', 'enable.idempotence', flags.idempotent ? 'true' : undefined);
    const request = configRequest(ctx.io, flags, flags.topic === undefined ? {} : { topic: flags.topic });
    request.overrides = overrides;
    const { runProduce } = await import('../run/produce.js');
    ctx.exitCode = await runProduce(ctx, request, flags, messages);
  });
}
