import { describe, expect, it } from 'vitest';
import { Command } from 'commander';
import { addConnectionOptions, flagsOf, type ConnectionFlags } from '../../../src/cli/options.js';

function parse(argv: string[]): ConnectionFlags {
  let seen: ConnectionFlags | undefined;
  const program = addConnectionOptions(new Command('ckafka').exitOverride().enablePositionalOptions());
  const sub = addConnectionOptions(program.command('sub').exitOverride());
  sub.action((_opts: unknown, command: Command) => {
    seen = flagsOf(command);
  });
  program.parse(argv, { from: 'user' });
  return seen!;
}

describe('flagsOf', () => {
  it('takes flags given before the command', () => {
    expect(parse(['-b', 'a:1', '--profile', 'p', 'sub'])).toMatchObject({ bootstrapServers: 'a:1', profile: 'p' });
  });

  it('lets the flag given after the command win over the one before', () => {
    expect(parse(['-b', 'a:1', 'sub', '-b', 'b:2']).bootstrapServers).toBe('b:2');
  });

  it('joins -X lists, outermost first, so a later -X wins when resolved', () => {
    expect(parse(['-X', 'acks=all', '-X', 'retries=1', 'sub', '-X', 'retries=3']).property).toEqual(['acks=all', 'retries=1', 'retries=3']);
  });
});
