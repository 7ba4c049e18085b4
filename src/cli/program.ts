import { Command } from 'commander';
import { t } from '../i18n/index.js';
import type { Io } from '../io/io.js';
import { VERSION } from '../version.js';
import { commanderErrorText } from './commander-errors.js';
import { registerCommands } from './commands/index.js';
import { helpConfiguration } from './help.js';
import { addConnectionOptions } from './options.js';

/** Per-invocation state shared by the command adapters and main. */
export interface RunContext {
  io: Io;
  exitCode: number;
  /** Set by commands in JSON mode so errors are rendered as one JSON line. */
  outputJson: boolean;
}

/** Builds a fresh command tree for one invocation (no module-level state). */
export function buildProgram(ctx: RunContext): Command {
  const program = new Command('ckafka')
    .description(t.cli.programDescription)
    .version(VERSION, '-V, --version', t.cli.versionOption)
    // commander's own words (help titles, its help option and command, its errors) in the run's language.
    .helpOption('-h, --help', t.cli.helpOption)
    .helpCommand('help [command]', t.cli.helpCommand)
    .configureHelp(helpConfiguration())
    .showHelpAfterError(t.cli.addHelpForUsage)
    .configureOutput({
      writeOut: (s) => void ctx.io.stdout.write(s),
      writeErr: (s) => void ctx.io.stderr.write(s),
      outputError: (s, write) => write(commanderErrorText(s)),
    })
    .exitOverride()
    // Options before the command belong to ckafka, after it to the command: so `topic create
    // --config name=value` is a topic config while `ckafka --config FILE topic create` is the file.
    .enablePositionalOptions();
  // Connection options work before the command too (`ckafka --config CKafkaSetting.php produce`).
  addConnectionOptions(program);
  registerCommands(program, ctx);
  // Subcommands inherit the output settings and the exit override.
  for (const cmd of program.commands) inherit(program, cmd);
  return program;
}

function inherit(parent: Command, cmd: Command): void {
  cmd.copyInheritedSettings(parent);
  for (const sub of cmd.commands) inherit(cmd, sub);
}
