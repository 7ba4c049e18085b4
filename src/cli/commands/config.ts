import { Option, type Command } from 'commander';
import type { RunContext } from '../program.js';
import { addConnectionOptions, configRequest, flagsOf, type ConnectionFlags } from '../options.js';
import { t } from '../../i18n/index.js';

interface ShowFlags extends ConnectionFlags {
  topic?: string;
  group?: string;
  output: 'text' | 'json';
}

interface InitFlags {
  force?: boolean;
  php?: string;
}

/** `ckafka config show|init`: inspect the effective configuration, or write a starter file. */
export function registerConfigCommand(program: Command, ctx: RunContext): void {
  const config = program.command('config').description(t.cli.configDescription);

  const show = config
    .command('show')
    .description(t.cli.configShowDescription)
    .option('-t, --topic <name>', t.cli.configShowTopic)
    .option('-g, --group <id>', t.cli.configShowGroup)
    .addOption(new Option('-o, --output <format>', t.cli.optionOutput).choices(['text', 'json']).default('text'));
  addConnectionOptions(show);
  show.action(async (_local: unknown, command: Command) => {
    const flags = flagsOf<ShowFlags>(command);
    ctx.outputJson = flags.output === 'json';
    const extra: { topic?: string; groupId?: string } = {};
    if (flags.topic !== undefined) extra.topic = flags.topic;
    if (flags.group !== undefined) extra.groupId = flags.group;
    const [{ loadConfig, redactConfig }, format, { colorFor }] = await Promise.all([
      import('../../config/index.js'),
      import('../../format/config.js'),
      import('../../format/color.js'),
    ]);
    const request = configRequest(ctx.io, flags, extra);
    const view = redactConfig(await loadConfig(request));
    ctx.io.stdout.write(ctx.outputJson ? format.renderConfigJson(view) : format.renderConfigText(view, colorFor(ctx.io.stdout, ctx.io.env)));
    ctx.exitCode = 0;
  });

  config
    .command('init')
    .description(t.cli.configInitDescription)
    .option('--force', t.cli.configInitForce)
    .option('--php <file>', t.cli.configInitPhp)
    .action(async (flags: InitFlags) => {
      const { initConfig } = await import('../../config/init.js');
      const request: Parameters<typeof initConfig>[0] = { cwd: ctx.io.cwd, env: ctx.io.env, force: flags.force === true };
      if (flags.php !== undefined) request.php = flags.php;
      const result = await initConfig(request);
      ctx.io.stderr.write(result.secret ? t.cli.configInitWroteSecret(result.path) : t.cli.configInitWrote(result.path));
      ctx.exitCode = 0;
    });
}
