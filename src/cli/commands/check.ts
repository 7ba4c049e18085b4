import { Option, type Command } from 'commander';
import type { RunContext } from '../program.js';
import { addConnectionOptions, asFlag, configRequest, flagsOf, wholeNumber, type ConnectionFlags } from '../options.js';
import { parseDuration } from '../../io/duration.js';
import type { PropertyOverride } from '../../config/types.js';
import { t } from '../../i18n/index.js';

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
    .description(t.cli.checkDescription)
    .option('-t, --topic <name>', t.cli.checkTopic)
    .option('-n, --count <n>', t.cli.checkCount, wholeNumber('--count', { min: 1, max: 1_000_000 }), 10)
    .option('--size <bytes>', t.cli.checkSize, wholeNumber('--size', { min: 0, max: 100_000_000 }), 100)
    .option('--timeout <duration>', t.cli.checkTimeout, duration, 30_000)
    .addOption(new Option('--acks <acks>', t.cli.checkAcks).choices(['all', '-1', '1', '0']))
    .addOption(new Option('-o, --output <format>', t.cli.optionOutput).choices(['text', 'json']).default('text'))
    .option('--junit <file>', t.cli.checkJunit);
  addConnectionOptions(cmd);
  cmd.addHelpText('after', t.cli.checkAfterHelp);
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
