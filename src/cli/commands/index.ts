import type { Command } from 'commander';
import type { RunContext } from '../program.js';
import { registerCheckCommand } from './check.js';
import { registerCompletionCommands } from './completion.js';
import { registerConfigCommand } from './config.js';
import { registerInspectCommands } from './inspect.js';
import { registerAdminCommands } from './admin.js';
import { registerConsumeCommand } from './consume.js';
import { registerProduceCommand } from './produce.js';

/** Every command of the tree; each adapter loads its operation (and kafkajs) only when run. */
export function registerCommands(program: Command, ctx: RunContext): void {
  registerProduceCommand(program, ctx);
  registerConsumeCommand(program, ctx);
  registerCheckCommand(program, ctx);
  registerInspectCommands(program, ctx);
  registerAdminCommands(program, ctx);
  registerConfigCommand(program, ctx);
  registerCompletionCommands(program, ctx);
}
