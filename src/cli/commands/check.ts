import { Option, type Command } from 'commander';
import type { RunContext } from '../program.js';
import { addConnectionOptions, asFlag, configRequest, flagsOf, wholeNumber, type ConnectionFlags } from '../options.js';
import { parseDuration } from '../../io/duration.js';
import type { PropertyOverride } from '../../config/types.js';

export interface CheckFlags extends ConnectionFlags {
  topic?: string;
  count: number;
  size: number;
  timeout: number;
  output: 'text' | 'json';
  junit?: string;
  acks?: string;
}

const duration = asFlag((text) => parseDuration(text, '--timeout'));

/** `ckafka check`: the CI smoke check — produce tagged messages, read them back, verify, report. */
export function registerCheckCommand(program: Command, ctx: RunContext): void {
  const cmd = program
    .command('check')
    .description('round-trip smoke check: produce N uniquely tagged messages, read them back, verify each arrived once and intact')
    .option('-t, --topic <name>', 'topic to check (default: topic_name from the config)')
    .option('-n, --count <n>', 'messages to send, spread over every partition', wholeNumber('--count', { min: 1, max: 1_000_000 }), 10)
    .option('--size <bytes>', 'payload bytes per message', wholeNumber('--size', { min: 0, max: 100_000_000 }), 100)
    .option('--timeout <duration>', 'bound on the whole check, e.g. 30s, 2m', duration, 30_000)
    .addOption(new Option('--acks <acks>', 'acknowledgements (default: the config\'s, 1 as the demo; 0 cannot prove delivery)').choices(['all', '-1', '1', '0']))
    .addOption(new Option('-o, --output <format>', 'output format').choices(['text', 'json']).default('text'))
    .option('--junit <file>', 'also write a JUnit XML report to FILE');
  addConnectionOptions(cmd);
  cmd.addHelpText('after', '\nExit status: 0 all arrived; 8 sent but not received intact in time; 4 unreachable; 5 authentication/TLS; 6 refused by the broker; 3 configuration.');
  cmd.action(async (_opts: unknown, command: Command) => {
    const flags = flagsOf<CheckFlags>(command);
    ctx.outputJson = flags.output === 'json';
    const request = configRequest(ctx.io, flags, flags.topic === undefined ? {} : { topic: flags.topic });
    const overrides: PropertyOverride[] = [];
    if (flags.acks !== undefined) overrides.push({ role: 'producer', name: 'acks', value: flags.acks, source: { kind: 'flag', name: '--acks' } });
    request.overrides = overrides;
    const { runCheck } = await import('../run/check.js');
    ctx.exitCode = await runCheck(ctx, request, flags);
  });
}
