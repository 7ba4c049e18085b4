import { Option, type Command } from 'commander';
import type { RunContext } from '../program.js';
import { addConnectionOptions, configRequest, flagsOf, INT32_MAX, wholeNumber, type ConnectionFlags } from '../options.js';
import type { InspectRequest } from '../run/inspect.js';
import { topicName, ValueError } from '../../config/values.js';
import { usageError } from '../../errors/errors.js';
import { t } from '../../i18n/index.js';

interface InspectFlags extends Omit<ConnectionFlags, 'config'> {
  output: 'text' | 'json';
  all?: boolean;
  allConfigs?: boolean;
  ifNotExists?: boolean;
  partitions?: number;
  replicas?: number;
  config?: string | string[];
}

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

/** `ckafka brokers`, `ckafka topic list|describe|create`, `ckafka group list|describe`. */
export function registerInspectCommands(program: Command, ctx: RunContext): void {
  const run = (cmd: Command, build: (flags: InspectFlags, args: string[]) => InspectRequest, configFile = true) => {
    cmd.addOption(new Option('-o, --output <format>', t.cli.optionOutput).choices(['text', 'json']).default('text'));
    addConnectionOptions(cmd, { configFile });
    cmd.action(async (...args: unknown[]) => {
      const command = args.at(-1) as Command;
      const flags = flagsOf<ConnectionFlags>(command) as InspectFlags;
      ctx.outputJson = flags.output === 'json';
      const request = build(flags, command.args);
      // Without its own --config FILE, the command takes the one given before it.
      const { config: _own, ...connection } = flags;
      const fileFlag = configFile ? flags.config : program.opts<{ config?: string }>().config;
      const { runInspect } = await import('../run/inspect.js');
      const req = configRequest(ctx.io, { ...connection, ...(typeof fileFlag === 'string' ? { config: fileFlag } : {}) });
      ctx.exitCode = await runInspect(ctx, req, request, ctx.outputJson, flags.verbose ?? 0);
    });
  };

  run(program.command('brokers').description(t.cli.brokersDescription), () => ({ kind: 'brokers' }));

  const topic = program.command('topic').description(t.cli.topicInspectDescription);
  run(topic.command('list').description(t.cli.topicListDescription).option('-a, --all', t.cli.topicListAll),
    (f) => ({ kind: 'topic-list', all: f.all === true }));
  run(topic.command('describe').argument('<topic>', t.cli.topicDescribeArgument, topicArgument).description(t.cli.topicDescribeDescription)
    .option('--all-configs', t.cli.topicDescribeAllConfigs),
  (f, [name]) => ({ kind: 'topic-describe', topic: name!, allConfigs: f.allConfigs === true }));
  run(topic.command('create').argument('<topic>', t.cli.topicCreateArgument, topicArgument).description(t.cli.topicCreateDescription)
    .option('-P, --partitions <n>', t.cli.topicCreatePartitions, wholeNumber('--partitions', { min: 1, max: INT32_MAX }), 1)
    .option('-R, --replicas <n>', t.cli.topicCreateReplicas, wholeNumber('--replicas', { min: 1, max: 32_767 }))
    .option('--config <name=value>', t.cli.topicCreateConfig, collect)
    .option('--if-not-exists', t.cli.topicCreateIfNotExists),
  (f, [name]) => ({
    kind: 'topic-create',
    ifNotExists: f.ifNotExists === true,
    create: { topic: name!, partitions: f.partitions ?? 1, replicationFactor: f.replicas ?? -1, configs: keyValues(Array.isArray(f.config) ? f.config : []) },
  }), false);

  const group = program.command('group').description(t.cli.groupInspectDescription);
  run(group.command('list').description(t.cli.groupListDescription), () => ({ kind: 'group-list' }));
  run(group.command('describe').argument('<group>').description(t.cli.groupDescribeDescription),
    (_f, [id]) => ({ kind: 'group-describe', groupId: id! }));
}

/** A topic name as produce and consume check it (-t), refused before connecting. */
function topicArgument(value: string): string {
  try {
    return topicName(value);
  } catch (error) {
    // The same words as -t gives for produce and consume.
    if (error instanceof ValueError) throw usageError(t.cli.topicArgumentInvalid(error.message, value));
    throw error;
  }
}

function keyValues(values: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const v of values) {
    const at = v.indexOf('=');
    // Thrown from the action, after commander parsed: a CkafkaError, which main prints (a
    // commander-coded error here would end with exit 2 and no message at all).
    if (at <= 0) throw usageError(t.cli.topicConfigNeedsNameValue(v), t.cli.topicConfigNeedsNameValueHint);
    out[v.slice(0, at)] = v.slice(at + 1);
  }
  return out;
}
