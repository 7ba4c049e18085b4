import type { Command } from 'commander';
import type { RunContext } from '../program.js';
import { addConnectionOptions, addOutputOptions, asFlag, configRequest, flagsOf, wholeNumber, type ConnectionFlags, type OutputFlags } from '../options.js';
import { parseDuration } from '../../io/duration.js';
import { parseEndPosition, parsePartitionList, parseStartPosition, type EndPosition, type StartPosition } from '../../kafka/offsets.js';
import { parseMatch, type MatchSpec } from '../../ops/message-filter.js';
import { usageError } from '../../errors/errors.js';
import type { MessageFormat } from '../../format/message-text.js';
import { compileFormat } from '../../format/format-string.js';
import { t } from '../../i18n/index.js';

export interface ConsumeFlags extends ConnectionFlags, OutputFlags {
  topic?: string;
  group?: string;
  partitions?: number[];
  from?: StartPosition;
  until?: EndPosition;
  match?: MatchSpec[];
  count?: number;
  stopAtEnd?: boolean;
  idleTimeout?: number;
  follow?: boolean;
  commit: boolean;
  format?: string;
  quiet?: boolean;
}

/** What `ckafka consume` was asked to do, checked and typed. */
export interface ConsumeOptions {
  partitions?: number[];
  from?: StartPosition;
  /** --until: stop each partition before this position. */
  until?: EndPosition;
  /** --match: print only messages that match all of these. */
  match?: MatchSpec[];
  count?: number;
  stopAtEnd: boolean;
  /** null: --follow. */
  idleTimeoutMs: number | null;
  commit: boolean;
  format: MessageFormat;
  encoding: OutputFlags['encoding'];
  quiet: boolean;
  verbose: number;
}

export const DEFAULT_IDLE_TIMEOUT_MS = 10_000;

const parseMatchFlag = asFlag(parseMatch);
const collectMatch = (text: string, previous: MatchSpec[] = []): MatchSpec[] => [...previous, parseMatchFlag(text)];

/** `ckafka consume`: flags → consume options → messages on stdout, status on stderr. */
export function registerConsumeCommand(program: Command, ctx: RunContext): void {
  const cmd = program
    .command('consume')
    .description(t.cli.consumeDescription)
    .option('-t, --topic <name>', t.cli.consumeTopic)
    .option('-g, --group <id>', t.cli.consumeGroup)
    .option('-p, --partitions <list>', t.cli.consumePartitions, asFlag(parsePartitionList))
    .option('--from <position>', t.cli.consumeFrom, asFlag(parseStartPosition))
    .option('--until <position>', t.cli.consumeUntil, asFlag(parseEndPosition))
    .option('--match <field:regex>', t.cli.consumeMatch, collectMatch)
    .option('-c, --count <n>', t.cli.consumeCount, wholeNumber('--count', { min: 1, max: Number.MAX_SAFE_INTEGER }))
    .option('-e, --stop-at-end', t.cli.consumeStopAtEnd)
    .option('--idle-timeout <duration>', t.cli.consumeIdleTimeout, asFlag((text) => parseDuration(text, '--idle-timeout')))
    .option('--follow', t.cli.consumeFollow)
    .option('--no-commit', t.cli.consumeNoCommit)
    .option('-f, --format <format>', t.cli.consumeFormat)
    .option('-q, --quiet', t.cli.consumeQuiet);
  addOutputOptions(cmd, ['text', 'json', 'raw', 'php']);
  addConnectionOptions(cmd);
  cmd.addHelpText('after', t.cli.consumeAfterHelp);
  cmd.action(async (_opts: ConsumeFlags, command: Command) => {
    // Connection options may also come before the command name (program-level options).
    const flags = flagsOf<ConsumeFlags>(command);
    ctx.outputJson = flags.output === 'json';
    const options = consumeOptions(flags, command.getOptionValueSource('output') === 'cli');
    const extra: { topic?: string; groupId?: string } = {};
    if (flags.topic !== undefined) extra.topic = flags.topic;
    if (flags.group !== undefined) extra.groupId = flags.group;
    const request = configRequest(ctx.io, flags, extra);
    const { runConsume } = await import('../run/consume.js');
    ctx.exitCode = await runConsume(ctx, request, options);
  });
}

/** Checks flag combinations and builds the options; usage errors name the flags. */
export function consumeOptions(flags: ConsumeFlags, outputGiven: boolean): ConsumeOptions {
  if (flags.partitions !== undefined && flags.group !== undefined) {
    throw usageError(t.cli.consumePartitionsWithGroup, t.cli.consumePartitionsWithGroupHint);
  }
  if (flags.follow && flags.idleTimeout !== undefined) throw usageError(t.cli.consumeFollowWithIdleTimeout);
  if (flags.follow && flags.stopAtEnd) throw usageError(t.cli.consumeFollowWithStopAtEnd);
  if (flags.format !== undefined && outputGiven && flags.output !== 'text') {
    throw usageError(t.cli.consumeFormatWithOutput(flags.output), t.cli.consumeFormatWithOutputHint);
  }
  if (flags.format === '') throw usageError(t.cli.consumeFormatEmpty);
  // Compiled here only to check it: every flag is checked before anything connects.
  if (flags.format !== undefined) compileFormat(flags.format, flags.encoding);
  const format: MessageFormat =
    flags.format !== undefined ? { kind: 'format', format: flags.format } : { kind: flags.output as 'text' | 'json' | 'raw' | 'php' };
  const options: ConsumeOptions = {
    stopAtEnd: flags.stopAtEnd === true,
    idleTimeoutMs: flags.follow ? null : (flags.idleTimeout ?? DEFAULT_IDLE_TIMEOUT_MS),
    commit: flags.commit,
    format,
    encoding: flags.encoding,
    quiet: flags.quiet === true,
    verbose: flags.verbose ?? 0,
  };
  if (flags.partitions !== undefined) options.partitions = flags.partitions;
  if (flags.from !== undefined) options.from = flags.from;
  if (flags.until !== undefined) options.until = flags.until;
  if (flags.match !== undefined) options.match = flags.match;
  if (flags.count !== undefined) options.count = flags.count;
  return options;
}
