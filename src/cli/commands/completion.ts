import { Argument, type Command } from 'commander';
import type { RunContext } from '../program.js';

// The shells, repeated from completion/shells.ts so that declaring the command loads none of it.
const SHELL_NAMES = ['bash', 'zsh', 'fish'];

/**
 * `ckafka completion SHELL` prints the script to source; the hidden `ckafka __complete SHELL --
 * WORDS…` is what that script runs at each Tab. Both load their code only when run.
 */
export function registerCompletionCommands(program: Command, ctx: RunContext): void {
  program
    .command('completion')
    .description('print a shell completion script: commands, flags, their values, and topic and group names from the cluster')
    .addArgument(new Argument('<shell>', 'the shell').choices(SHELL_NAMES))
    .addHelpText(
      'after',
      '\nLoad it in the current shell, or add the line to ~/.bashrc, ~/.zshrc (after compinit) or ~/.config/fish/config.fish:\n' +
        '  bash:  source <(ckafka completion bash)\n' +
        '  zsh:   source <(ckafka completion zsh)\n' +
        '  fish:  ckafka completion fish | source\n' +
        'Topic and group names come from the configured cluster (-b, --config, --profile on the line are used) within 0.8 s\n' +
        '(CKAFKA_COMPLETION_TIMEOUT=2s for a slow link); an unreachable cluster only means no names.',
    )
    .action(async (shell: string) => {
      const { completionScript } = await import('../completion/shells.js');
      ctx.io.stdout.write(completionScript(shell as 'bash'));
    });

  program
    .command('__complete', { hidden: true })
    .description('answer a completion script (internal)')
    .argument('<shell>')
    .argument('[words...]')
    .helpOption(false)
    .action(async (shell: string, words: string[]) => {
      const { runCompletion } = await import('../run/completion.js');
      ctx.exitCode = await runCompletion(ctx, program, shell, words);
    });
}
