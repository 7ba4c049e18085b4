import { Option, type Command } from 'commander';
import type { RunContext } from '../program.js';
import { addConnectionOptions, configRequest, flagsOf, INT32_MAX, wholeNumber, type ConnectionFlags } from '../options.js';
import type { InspectRequest } from '../run/inspect.js';
import { topicName, ValueError } from '../../config/values.js';
import { usageError } from '../../errors/errors.js';

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
    cmd.addOption(new Option('-o, --output <format>', 'output format').choices(['text', 'json']).default('text'));
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

  run(program.command('brokers').description('the cluster id, the controller and the brokers'), () => ({ kind: 'brokers' }));

  const topic = program.command('topic').description('list, describe and create topics');
  run(topic.command('list').description('the topics with partition and replica counts').option('-a, --all', 'include internal topics (__consumer_offsets, …)'),
    (f) => ({ kind: 'topic-list', all: f.all === true }));
  run(topic.command('describe').argument('<topic>', 'the topic', topicArgument).description('partitions, leaders, replicas, ISR, low and high watermarks, config')
    .option('--all-configs', 'show every config, not only those that differ from the default'),
  (f, [name]) => ({ kind: 'topic-describe', topic: name!, allConfigs: f.allConfigs === true }));
  run(topic.command('create').argument('<topic>', 'the new topic\'s name', topicArgument).description('create a topic')
    .option('-P, --partitions <n>', 'number of partitions', wholeNumber('--partitions', { min: 1, max: INT32_MAX }), 1)
    .option('-R, --replicas <n>', 'replication factor (default: the broker\'s)', wholeNumber('--replicas', { min: 1, max: 32_767 }))
    .option('--config <name=value>', 'topic config, repeatable (e.g. --config retention.ms=86400000)', collect)
    .option('--if-not-exists', 'an existing topic is not an error (exit 0; its settings are left as they are)'),
  (f, [name]) => ({
    kind: 'topic-create',
    ifNotExists: f.ifNotExists === true,
    create: { topic: name!, partitions: f.partitions ?? 1, replicationFactor: f.replicas ?? -1, configs: keyValues(Array.isArray(f.config) ? f.config : []) },
  }), false);

  const group = program.command('group').description('list and describe consumer groups');
  run(group.command('list').description('the consumer groups and their state'), () => ({ kind: 'group-list' }));
  run(group.command('describe').argument('<group>').description('state, members, and per partition the committed offset, end offset and lag'),
    (_f, [id]) => ({ kind: 'group-describe', groupId: id! }));
}

/** A topic name as produce and consume check it (-t), refused before connecting. */
function topicArgument(value: string): string {
  try {
    return topicName(value);
  } catch (error) {
    // The same words as -t gives for produce and consume.
    if (error instanceof ValueError) throw usageError(`<topic>: ${error.message}, got '${value}'`);
    throw error;
  }
}

function keyValues(values: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const v of values) {
    const at = v.indexOf('=');
    // Thrown from the action, after commander parsed: a CkafkaError, which main prints (a
    // commander-coded error here would end with exit 2 and no message at all).
    if (at <= 0) throw usageError(`--config needs name=value, got '${v}'`, 'Topic configs are name=value, e.g. --config retention.ms=86400000.');
    out[v.slice(0, at)] = v.slice(at + 1);
  }
  return out;
}
