import { Option, type Command } from 'commander';
import type { RunContext } from '../program.js';
import { addConnectionOptions, asFlag, configRequest, flagsOf, INT32_MAX, InvalidFlag, wholeNumber, type ConnectionFlags } from '../options.js';
import { parsePartitionList, parseStartPosition, type StartPosition } from '../../kafka/offsets.js';
import { usageError } from '../../errors/errors.js';
import { t } from '../../i18n/index.js';
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
    cmd.addOption(new Option('-o, --output <format>', t.cli.optionOutput).choices(['text', 'json']).default('text'));
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

  const group = parent('group').description(t.cli.groupDescription);
  run(
    group.command('reset-offsets').argument('<group>')
      .description(t.cli.resetOffsetsDescription)
      .requiredOption('-t, --topic <topic>', t.cli.resetOffsetsTopic)
      .option('--to <position>', t.cli.resetOffsetsTo, asFlag((text) => parseStartPosition(text, '--to')))
      .option('--shift-by <n>', t.cli.resetOffsetsShiftBy, parseShift)
      .option('-p, --partitions <list>', t.cli.resetOffsetsPartitions, asFlag(parsePartitionList))
      .option('--execute', t.cli.resetOffsetsExecute)
      .addHelpText('after', t.cli.resetOffsetsAfterHelp),
    (f, [groupId]) => {
      if ((f.to === undefined) === (f.shiftBy === undefined)) throw usageError(t.cli.resetOffsetsOneTarget);
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
  run(group.command('delete').argument('<group...>').description(t.cli.groupDeleteDescription),
    (_f, groupIds) => ({ kind: 'group-delete', groupIds: [...new Set(groupIds)] }));
  run(
    group.command('delete-offsets').argument('<group>').description(t.cli.groupDeleteOffsetsDescription)
      .requiredOption('-t, --topic <topic>', t.cli.groupDeleteOffsetsTopic),
    (f, [groupId]) => ({ kind: 'group-delete-offsets', groupId: groupId!, topic: f.topic! }),
  );

  const topic = parent('topic').description(t.cli.topicDescription);
  run(
    topic.command('delete').argument('<topic...>').description(t.cli.topicDeleteDescription)
      .option('-y, --yes', t.cli.topicDeleteYes),
    (f, topics) => {
      if (f.yes !== true && ctx.io.stdin.isTTY !== true) throw usageError(t.cli.topicDeleteNeedsYes, t.cli.topicDeleteNeedsYesHint);
      return { kind: 'topic-delete', topics: [...new Set(topics)], yes: f.yes === true };
    },
  );
  run(
    topic.command('alter').argument('<topic>').description(t.cli.topicAlterDescription)
      .requiredOption('-P, --partitions <n>', t.cli.topicAlterPartitions, wholeNumber('--partitions', { min: 1, max: INT32_MAX })),
    (f, [name]) => ({ kind: 'topic-alter', topic: name!, partitions: f.partitions as number }),
  );
  run(
    topic.command('config').argument('<topic>').description(t.cli.topicConfigDescription)
      .option('--set <name=value>', t.cli.topicConfigSet, collect)
      .option('--delete <name>', t.cli.topicConfigDelete, collect)
      .addHelpText('after', t.cli.topicConfigAfterHelp),
    (f, [name]) => ({ kind: 'topic-config', topic: name!, changes: configChanges(f.set ?? [], f.delete ?? []) }),
  );
}

function parseShift(text: string): bigint {
  if (!/^[+-]?\d+$/.test(text.trim())) throw new InvalidFlag(t.cli.shiftByInvalid(text));
  return BigInt(text.trim());
}

function configChanges(sets: string[], deletes: string[]): ConfigChange[] {
  const changes: ConfigChange[] = [];
  for (const s of sets) {
    const at = s.indexOf('=');
    if (at <= 0) throw usageError(t.cli.setNeedsNameValue(s));
    changes.push({ name: s.slice(0, at), op: 'set', value: s.slice(at + 1) });
  }
  for (const d of deletes) {
    if (d.trim() === '' || d.includes('=')) throw usageError(t.cli.deleteNeedsName(d));
    changes.push({ name: d, op: 'delete' });
  }
  const names = changes.map((c) => c.name);
  const twice = names.find((n, i) => names.indexOf(n) !== i);
  if (twice !== undefined) throw usageError(t.cli.configGivenTwice(twice));
  return changes;
}
