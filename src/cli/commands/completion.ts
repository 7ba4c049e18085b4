import { Argument, type Command } from 'commander';
import type { RunContext } from '../program.js';
import { t } from '../../i18n/index.js';

// The shells, repeated from completion/shells.ts so that declaring the command loads none of it.
const SHELL_NAMES = ['bash', 'zsh', 'fish'];

/**
 * `ckafka completion SHELL` prints the script to source; the hidden `ckafka __complete SHELL --
 * WORDS…` is what that script runs at each Tab. Both load their code only when run.
 */
export function registerCompletionCommands(program: Command, ctx: RunContext): void {
  program
    .command('completion')
    .description(t.cli.completionDescription)
    .addArgument(new Argument('<shell>', t.cli.completionShellArgument).choices(SHELL_NAMES))
    .addHelpText('after', t.cli.completionAfterHelp)
    .action(async (shell: string) => {
      const { completionScript } = await import('../completion/shells.js');
      ctx.io.stdout.write(completionScript(shell as 'bash'));
    });

  program
    .command('__complete', { hidden: true })
    .description(t.cli.completeDescription)
    .argument('<shell>')
    .argument('[words...]')
    .helpOption(false)
    .action(async (shell: string, words: string[]) => {
      const { runCompletion } = await import('../run/completion.js');
      ctx.exitCode = await runCompletion(ctx, program, shell, words);
    });
}
