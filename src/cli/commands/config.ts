import { Option, type Command } from 'commander';
import type { RunContext } from '../program.js';
import { addConnectionOptions, configRequest, flagsOf, type ConnectionFlags } from '../options.js';

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
  const config = program.command('config').description('show the effective configuration, or write a starter ckafka.config.json');

  const show = config
    .command('show')
    .description('the effective configuration and where each value came from (secrets redacted)')
    .option('-t, --topic <name>', 'topic, as produce/consume would take it')
    .option('-g, --group <id>', 'consumer group, as consume would take it')
    .addOption(new Option('-o, --output <format>', 'output format').choices(['text', 'json']).default('text'));
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
    .description('write ckafka.config.json in the working directory with the PHP demo\'s settings')
    .option('--force', 'overwrite an existing ckafka.config.json')
    .option('--php <file>', 'convert this CKafkaSetting.php (read as data, never executed)')
    .action(async (flags: InitFlags) => {
      const { initConfig } = await import('../../config/init.js');
      const request: Parameters<typeof initConfig>[0] = { cwd: ctx.io.cwd, env: ctx.io.env, force: flags.force === true };
      if (flags.php !== undefined) request.php = flags.php;
      const result = await initConfig(request);
      const secret = result.secret ? ' (it holds a password: mode 0600)' : '';
      ctx.io.stderr.write(`ckafka: wrote ${result.path}${secret}; check it with \`ckafka config show\`\n`);
      ctx.exitCode = 0;
    });
}
