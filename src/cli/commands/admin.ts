import { Option, type Command } from 'commander';
import type { RunContext } from '../program.js';
import { addConnectionOptions, asFlag, configRequest, flagsOf, INT32_MAX, InvalidFlag, wholeNumber, type ConnectionFlags } from '../options.js';
import { parsePartitionList, parseStartPosition, type StartPosition } from '../../kafka/offsets.js';
import { usageError } from '../../errors/errors.js';
import type { ConfigChange } from '../../kafka/admin-requests.js';
import type { AdminRequest } from '../run/admin.js';

interface AdminFlags extends ConnectionFlags {
  output: 'text' | 'json';
  topic?: string;
  to?: StartPosition;
  shiftBy?: bigint;
  partitions?: number[] | number;
  execute?: boolean;
  yes?: boolean;
  set?: string[];
  delete?: string[];
}

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

/** `group reset-offsets|delete|delete-offsets`, `topic delete|alter|config`: changes, each with -o json. */
export function registerAdminCommands(program: Command, ctx: RunContext): void {
  const parent = (name: string) => {
    const found = program.commands.find((c) => c.name() === name);
    if (!found) throw new Error(`the '${name}' command must be registered before its admin subcommands`);
    return found;
  };
  const run = (cmd: Command, build: (flags: AdminFlags, args: string[]) => AdminRequest) => {
    cmd.addOption(new Option('-o, --output <format>', 'output format').choices(['text', 'json']).default('text'));
    addConnectionOptions(cmd);
    cmd.action(async (...args: unknown[]) => {
      const command = args.at(-1) as Command;
      const flags = flagsOf<AdminFlags>(command);
      ctx.outputJson = flags.output === 'json';
      // Every flag is checked before connecting.
      const request = build(flags, command.args);
      const { runAdmin } = await import('../run/admin.js');
      ctx.exitCode = await runAdmin(ctx, configRequest(ctx.io, flags), request, flags.verbose ?? 0);
    });
  };

  const group = parent('group').description('list, describe, reset offsets of and delete consumer groups');
  run(
    group.command('reset-offsets').argument('<group>')
      .description('move a group\'s committed offsets (dry run unless --execute); the group must have no active members')
      .requiredOption('-t, --topic <topic>', 'the topic whose offsets move')
      .option('--to <position>', 'earliest|latest|OFFSET|-N (N before the end)|@MS|ISO-DATE', asFlag((t) => parseStartPosition(t, '--to')))
      .option('--shift-by <n>', 'move each committed offset by N (negative: back)', parseShift)
      .option('-p, --partitions <list>', 'only these partitions, e.g. 0,2 or 0-3', asFlag(parsePartitionList))
      .option('--execute', 'commit the new offsets (without it nothing changes)')
      .addHelpText('after', '\nExamples:\n  ckafka group reset-offsets php-demo -t orders --to earliest            # dry run: the table only\n  ckafka group reset-offsets php-demo -t orders --shift-by -100 --execute\n  ckafka group reset-offsets php-demo -t orders --to 2024-06-01T00:00:00Z -p 0,2 --execute'),
    (f, [groupId]) => {
      if ((f.to === undefined) === (f.shiftBy === undefined)) throw usageError('give exactly one of --to POSITION and --shift-by N');
      return {
        kind: 'group-reset-offsets',
        reset: {
          groupId: groupId!,
          topic: f.topic!,
          target: f.to !== undefined ? { kind: 'to', position: f.to } : { kind: 'shift', by: f.shiftBy! },
          ...(Array.isArray(f.partitions) ? { partitions: f.partitions } : {}),
          execute: f.execute === true,
        },
      };
    },
  );
  run(group.command('delete').argument('<group...>').description('delete consumer groups and their committed offsets (refused while a group has members)'),
    (_f, groupIds) => ({ kind: 'group-delete', groupIds: [...new Set(groupIds)] }));
  run(
    group.command('delete-offsets').argument('<group>').description('forget the group\'s committed offsets of one topic (Kafka ≥ 2.4; refused while members consume it)')
      .requiredOption('-t, --topic <topic>', 'the topic whose offsets are forgotten'),
    (f, [groupId]) => ({ kind: 'group-delete-offsets', groupId: groupId!, topic: f.topic! }),
  );

  const topic = parent('topic').description('list, describe, create, alter, configure and delete topics');
  run(
    topic.command('delete').argument('<topic...>').description('delete topics and their messages; asks to type the names back on a terminal, else needs --yes')
      .option('-y, --yes', 'do not ask (required without a terminal)'),
    (f, topics) => {
      if (f.yes !== true && ctx.io.stdin.isTTY !== true) throw usageError('topic delete: without a terminal to confirm on, --yes is required', 'Add --yes (-y) to delete without asking.');
      return { kind: 'topic-delete', topics: [...new Set(topics)], yes: f.yes === true };
    },
  );
  run(
    topic.command('alter').argument('<topic>').description('raise the number of partitions (Kafka cannot lower it)')
      .requiredOption('-P, --partitions <n>', 'the new partition count', wholeNumber('--partitions', { min: 1, max: INT32_MAX })),
    (f, [name]) => ({ kind: 'topic-alter', topic: name!, partitions: f.partitions as number }),
  );
  run(
    topic.command('config').argument('<topic>').description('the topic\'s configs and where each comes from; --set and --delete change only the named ones')
      .option('--set <name=value>', 'set a config on the topic, repeatable', collect)
      .option('--delete <name>', 'remove a config from the topic (back to the broker default), repeatable', collect)
      .addHelpText('after', '\nExamples:\n  ckafka topic config orders\n  ckafka topic config orders --set retention.ms=86400000 --delete cleanup.policy'),
    (f, [name]) => ({ kind: 'topic-config', topic: name!, changes: configChanges(f.set ?? [], f.delete ?? []) }),
  );
}

function parseShift(text: string): bigint {
  if (!/^[+-]?\d+$/.test(text.trim())) throw new InvalidFlag(`--shift-by needs a whole number (negative moves back), got '${text}'`);
  return BigInt(text.trim());
}

function configChanges(sets: string[], deletes: string[]): ConfigChange[] {
  const changes: ConfigChange[] = [];
  for (const s of sets) {
    const at = s.indexOf('=');
    if (at <= 0) throw usageError(`--set needs name=value, got '${s}'`);
    changes.push({ name: s.slice(0, at), op: 'set', value: s.slice(at + 1) });
  }
  for (const d of deletes) {
    if (d.trim() === '' || d.includes('=')) throw usageError(`--delete needs a config name, got '${d}'`);
    changes.push({ name: d, op: 'delete' });
  }
  const names = changes.map((c) => c.name);
  const twice = names.find((n, i) => names.indexOf(n) !== i);
  if (twice !== undefined) throw usageError(`config '${twice}' is given twice`);
  return changes;
}
