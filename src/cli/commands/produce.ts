import { Option, type Command } from 'commander';
import type { RunContext } from '../program.js';
import { addConnectionOptions, addOutputOptions, configRequest, flagsOf, INT32_MAX, wholeNumber, type ConnectionFlags, type OutputFlags } from '../options.js';
import type { PropertyOverride } from '../../config/types.js';

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
    .description('send messages and print a delivery report for each (default: the demo\'s five, "Message 0".."Message 4")')
    .argument('[messages...]', 'messages to send, one per argument')
    .option('-t, --topic <name>', 'topic (default: topic_name from the config)')
    .option('-n, --count <n>', 'send N generated messages "Message 0".."Message N-1"', wholeNumber('--count', { min: 1, max: MAX_GENERATED }))
    .option('--file <path>', 'read messages from a file, one per line')
    .addOption(new Option('--input <format>', 'input format of lines').choices(['text', 'json']).default('text'))
    .option('--strip-cr', 'drop a \\r at the end of each line (text written on Windows); by default every byte but the \\n is sent')
    .option('-k, --key <key>', 'the same key for every message')
    .option('-K, --key-delimiter <delim>', 'split each line into key and value at the first DELIM')
    .option('-H, --header <name=value>', 'add a header to every message (repeatable)', collect)
    .option('-p, --partition <n>', 'send to this partition (default: the partitioner chooses)', wholeNumber('--partition', { min: 0, max: INT32_MAX }))
    .addOption(new Option('--acks <acks>', 'acknowledgements: all (-1), 1 or 0 (default 1, as the demo)').choices(['all', '-1', '1', '0']))
    .option('--retries <n>', 'retries of a failed request (default 0, as the demo)', wholeNumber('--retries', { min: 0, max: INT32_MAX }))
    .addOption(new Option('--compression <codec>', 'compression (CKafka accepts snappy and lz4)').choices(['none', 'gzip', 'snappy', 'lz4', 'zstd']))
    .option('--idempotent', 'idempotent producer (needs --acks all and --retries > 0)')
    .option('-q, --quiet', 'print only the summary');
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
