import { describe, expect, it } from 'vitest';
import { PassThrough } from 'node:stream';
import { buildProgram } from '../../../src/cli/program.js';
import { completionRequest, fitting } from '../../../src/cli/completion/candidates.js';
import { completionAnswer, completionScript, splitLine } from '../../../src/cli/completion/shells.js';
import { runCli } from '../../harness/run-cli.js';

// The tree walk behind every shell's completion: the words typed → what the last one may become.
const program = () => buildProgram({ io: { stdout: new PassThrough(), stderr: new PassThrough() } as never, exitCode: 0, outputJson: false });
const offered = (line: string, names: string[] = []) => {
  const words = splitLine(line).slice(1);
  const request = completionRequest(program(), words, () => ['acks', 'client.id']);
  return { wanted: request.wanted.kind, values: fitting(request, names).map((c) => c.value), connection: request.connection };
};

describe('completion candidates', () => {
  it.each([
    ['ckafka ', ['produce', 'consume', 'check', 'brokers', 'topic', 'group', 'config', 'completion', 'help']],
    ['ckafka t', ['topic']],
    ['ckafka topic ', ['list', 'describe', 'create', 'delete', 'alter', 'config', 'help']],
    ['ckafka consume --fo', ['--follow', '--format']],
    ['ckafka consume -', expect.arrayContaining(['-t', '--topic', '--match', '--until', '-h', '--help'])],
    ['ckafka consume --from ', ['earliest', 'latest']],
    ['ckafka group reset-offsets g -t t --to ', ['earliest', 'latest']],
    ['ckafka consume --from=l', ['--from=latest']],
    ['ckafka consume --encoding h', ['hex']],
    ['ckafka consume -o j', ['json']],
    ['ckafka produce --compression ', ['none', 'gzip', 'snappy', 'lz4', 'zstd']],
    ['ckafka consume --match h', ['header.']],
    ['ckafka consume --match key:', []],
    ['ckafka consume -X a', ['acks=']],
    ['ckafka completion ', ['bash', 'zsh', 'fish']],
    ['ckafka consume --until ', []],
    ['ckafka help co', ['consume', 'config', 'completion']],
    ['ckafka topic help ', ['list', 'describe', 'create', 'delete', 'alter', 'config']],
    ['ckafka -b h:1 consume -qe --fr', ['--from']],
  ])('%j', (line, expected) => {
    expect(offered(line).values).toEqual(expected);
  });

  it('names from the cluster where a topic or group is wanted, internal topics only when asked', () => {
    const names = ['orders', 'orders-dlq', 'payments', '__consumer_offsets'];
    expect(offered('ckafka consume -t or', names)).toMatchObject({ wanted: 'topics', values: ['orders', 'orders-dlq'] });
    expect(offered('ckafka consume --topic=p', names).values).toEqual(['--topic=payments']);
    expect(offered('ckafka topic describe ', names).values).toEqual(['orders', 'orders-dlq', 'payments']);
    expect(offered('ckafka topic describe _', names).values).toEqual(['__consumer_offsets']);
    expect(offered('ckafka group describe ', ['g1']).wanted).toBe('groups');
    expect(offered('ckafka consume -g ', ['g1']).wanted).toBe('groups');
    expect(offered('ckafka group reset-offsets ', ['g1']).wanted).toBe('groups');
    expect(offered('ckafka group delete g1 ', ['g1']).wanted).toBe('groups');
    expect(offered('ckafka group reset-offsets g1 -t ', ['t1']).wanted).toBe('topics');
    expect(offered('ckafka topic delete t1 ', ['t1']).wanted).toBe('topics');
    expect(offered('ckafka topic config ', ['t1']).wanted).toBe('topics');
    // A positional after the one the command takes: nothing.
    expect(offered('ckafka topic describe orders ', names).values).toEqual([]);
  });

  it('files for --config and --file; topic create --config is a topic config, not a file', () => {
    expect(offered('ckafka consume --config ').wanted).toBe('files');
    expect(offered('ckafka --config ').wanted).toBe('files');
    expect(offered('ckafka produce --file ').wanted).toBe('files');
    expect(offered('ckafka topic create t --config ').wanted).toBe('words');
  });

  it('remembers the flags that choose the cluster', () => {
    expect(offered('ckafka --config c.json consume -b h:1 --profile pub -X a=1 -Xb=2 -t ').connection).toEqual({
      config: 'c.json', bootstrapServers: 'h:1', profile: 'pub', property: ['a=1', 'b=2'],
    });
  });

  it('after --, only arguments', () => {
    expect(offered('ckafka produce -- -').values).toEqual([]);
  });
});

describe('completion answers', () => {
  it('bash: only what follows the last = or : of the word is replaced', () => {
    const words = { kind: 'words' as const, candidates: [] };
    expect(completionAnswer('bash', words, [{ value: '--from=latest' }], '--from=l', ' =:')).toBe(':\nlatest\n');
    expect(completionAnswer('bash', words, [{ value: 'a:b:c' }], 'a:b', '=:')).toBe(':\nb:c\n');
    expect(completionAnswer('zsh', { ...words, noSpace: true }, [{ value: 'key:', description: 'the key' }], 'k', '')).toBe(':nospace\nkey\\::the key\n');
    expect(completionAnswer('fish', words, [{ value: 'x', description: 'a\nb' }], '', '')).toBe(':\nx\ta b\n');
    expect(completionAnswer('fish', { kind: 'files' }, [], '', '')).toBe(':files\n');
  });

  it('splits a line as the shell does', () => {
    expect(splitLine('ckafka consume -t ')).toEqual(['ckafka', 'consume', '-t', '']);
    expect(splitLine(`ckafka consume --match 'value:a b' --match "key:\\"x" x\\ y`)).toEqual(['ckafka', 'consume', '--match', 'value:a b', '--match', 'key:"x', 'x y']);
    expect(splitLine("ckafka consume --match 'value:a")).toEqual(['ckafka', 'consume', '--match', 'value:a']);
  });

  it('a script for each shell names the hidden command; an unknown shell is a usage error', async () => {
    for (const shell of ['bash', 'zsh', 'fish'] as const) expect(completionScript(shell)).toContain(`__complete ${shell} --`);
    const r = await runCli(['completion', 'tcsh']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("'tcsh' is invalid");
    const help = await runCli(['--help']);
    expect(help.stdout).toContain('completion');
    expect(help.stdout).not.toContain('__complete');
  });
});
