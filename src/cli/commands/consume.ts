import type { Command } from 'commander';
import type { RunContext } from '../program.js';
import { addConnectionOptions, addOutputOptions, asFlag, configRequest, flagsOf, wholeNumber, type ConnectionFlags, type OutputFlags } from '../options.js';
import { parseDuration } from '../../io/duration.js';
import { parseEndPosition, parsePartitionList, parseStartPosition, type EndPosition, type StartPosition } from '../../kafka/offsets.js';
import { parseMatch, type MatchSpec } from '../../ops/message-filter.js';
import { usageError } from '../../errors/errors.js';
import type { MessageFormat } from '../../format/message-text.js';
import { compileFormat } from '../../format/format-string.js';

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
    .description('read messages and print them (as the demo\'s Consumer.php: group php-demo, from the earliest, ends after 10 s without a message)')
    .option('-t, --topic <name>', 'topic (default: topic_name from the config)')
    .option('-g, --group <id>', 'consumer group (default: group_id from the config; without one, all partitions are read without a group)')
    .option('-p, --partitions <list>', 'read these partitions without joining a group, e.g. 0,2 or 0-3', asFlag(parsePartitionList))
    .option('--from <position>', 'start at earliest|latest, an OFFSET, -N (N before the end), @MS or an ISO date (default: the group\'s committed offsets, else auto.offset.reset)', asFlag(parseStartPosition))
    .option('--until <position>', 'stop each partition before this position: an OFFSET, @MS or an ISO date (with --from: a window); ends when every partition reached it', asFlag(parseEndPosition))
    .option('--match <field:regex>', 'print only messages whose key:, value: or header.NAME: matches the regex, as shown in --encoding (repeatable: all must match); the others are still consumed', collectMatch)
    .option('-c, --count <n>', 'stop after N messages (with --match: N that match)', wholeNumber('--count', { min: 1, max: Number.MAX_SAFE_INTEGER }))
    .option('-e, --stop-at-end', 'stop at the end of the partitions as they were when it started')
    .option('--idle-timeout <duration>', 'stop after this long without a message (default 10s, as the demo; e.g. 500ms, 2m)', asFlag((t) => parseDuration(t, '--idle-timeout')))
    .option('--follow', 'never stop on idleness: wait for new messages until Ctrl-C')
    .option('--no-commit', 'do not move the group\'s offsets (look without consuming)')
    .option('-f, --format <format>', 'kcat-style format: %t %p %o %T %k %s %h %K %S, \\n \\t (e.g. \'%p:%o %s\\n\')')
    .option('-q, --quiet', 'no status lines on stderr');
  addOutputOptions(cmd, ['text', 'json', 'raw', 'php']);
  addConnectionOptions(cmd);
  cmd.addHelpText(
    'after',
    '\nOutput formats: text (readable; colour on a terminal only), json (one RdKafka\\Message object per line), raw (values only), php (the lines of the demo\'s Consumer.php, byte for byte).\n' +
      'Offsets are committed only for messages already written to stdout (with --match: past those read but not matched); Ctrl-C commits them and leaves the group (exit 0).\n' +
      '\nExamples:\n' +
      '  ckafka consume -t orders -e --match \'value:"status":"failed"\' --match header.source:^web$\n' +
      '  ckafka consume -t orders --from 2026-11-26T08:00Z --until 2026-11-26T09:00Z -o json   # one hour',
  );
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
    throw usageError('-p reads partitions without a group: it cannot be combined with -g', 'Drop -g to read chosen partitions, or drop -p to read as a group member.');
  }
  if (flags.follow && flags.idleTimeout !== undefined) throw usageError('--follow and --idle-timeout contradict each other');
  if (flags.follow && flags.stopAtEnd) throw usageError('--follow and -e (--stop-at-end) contradict each other');
  if (flags.format !== undefined && outputGiven && flags.output !== 'text') {
    throw usageError(`-f (--format) and -o ${flags.output} contradict each other`, '-f chooses the output format itself.');
  }
  if (flags.format === '') throw usageError('-f (--format) must not be empty');
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
