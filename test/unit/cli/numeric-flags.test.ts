import { describe, expect, it } from 'vitest';
import { Command } from 'commander';
import { runCli } from '../../harness/run-cli.js';
import { INT32_MAX, wholeNumber } from '../../../src/cli/options.js';

// Every numeric flag of every command goes through one parser (wholeNumber): plain decimal
// digits within bounds. A bad value is a usage error while argv is read, before any config or
// connection (the closed port below would turn a late check into exit 4).

const NUMERIC_FLAGS: { command: string[]; flag: string; min: number; max: number }[] = [
  { command: ['produce'], flag: '-n', min: 1, max: 1_000_000_000 },
  { command: ['produce'], flag: '-p', min: 0, max: INT32_MAX },
  { command: ['produce'], flag: '--retries', min: 0, max: INT32_MAX },
  { command: ['consume'], flag: '-c', min: 1, max: Number.MAX_SAFE_INTEGER },
  { command: ['check'], flag: '-n', min: 1, max: 1_000_000 },
  { command: ['check'], flag: '--size', min: 0, max: 100_000_000 },
  { command: ['topic', 'create', 't'], flag: '-P', min: 1, max: INT32_MAX },
  { command: ['topic', 'create', 't'], flag: '-R', min: 1, max: 32_767 },
  { command: ['topic', 'alter', 't'], flag: '-P', min: 1, max: INT32_MAX },
];

const BAD = ['0x10', '1e3', '1.0', '1.5', '+5', ' 5', '5 ', '-1', '', 'ten', '99999999999999999999', '١٢', '0b11', 'Infinity', 'NaN'];
const env = { CKAFKA_BOOTSTRAP_SERVERS: '127.0.0.1:9', HOME: '/nonexistent' };

describe('numeric flags', () => {
  it.each(
    NUMERIC_FLAGS.flatMap(({ command, flag, min, max }) =>
      [...BAD, ...(min > 0 ? [String(min - 1)] : []), String(max + 1)].map((value) => ({ command, flag, value, min, max })),
    ),
  )('$command $flag $value is a usage error naming the range', async ({ command, flag, value, min, max }) => {
    const r = await runCli([...command, flag, value], { env });
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toMatch(new RegExp(`takes a whole number from ${min} to ${max}, in decimal digits\\.$`));
  });

  it('takes plain decimal digits at both ends of the range, leading zeros included', () => {
    const parse = wholeNumber('--x', { min: 1, max: 1000 });
    expect(parse('1')).toBe(1);
    expect(parse('1000')).toBe(1000);
    expect(parse('007')).toBe(7);
    expect(() => parse('1001')).toThrow('--x takes a whole number from 1 to 1000, in decimal digits.');
  });

  it('every numeric option of every command is declared with wholeNumber', async () => {
    // The options' parsers, found through the command tree: a new numeric flag with its own
    // parser would be missed by the table above, so the table is checked against the tree.
    const { buildProgram } = await import('../../../src/cli/program.js');
    const program = buildProgram({ io: {} as never, exitCode: 0, outputJson: false });
    const numeric: string[] = [];
    const visit = (cmd: Command, path: string[]) => {
      for (const option of cmd.options) {
        const parser = (option as unknown as { parseArg?: (v: string, p: unknown) => unknown }).parseArg;
        // Flags without a value (-v counts its repeats) have nothing to parse.
        if (!parser || !(option.required || option.optional)) continue;
        let refusesHex = false;
        try {
          parser('0x10', undefined);
        } catch {
          refusesHex = true;
        }
        const takesDigits = (() => {
          try {
            return typeof parser('12', undefined) === 'number';
          } catch {
            return false;
          }
        })();
        if (takesDigits) {
          expect(refusesHex, `${[...path, option.short ?? option.long].join(' ')} takes 0x10`).toBe(true);
          numeric.push(`${path.join(' ')} ${option.short ?? option.long}`);
        }
      }
      for (const sub of cmd.commands) visit(sub, [...path, sub.name()]);
    };
    visit(program, []);
    const table = NUMERIC_FLAGS.map(({ command, flag }) => `${command.filter((c) => c !== 't').join(' ')} ${flag}`);
    expect(numeric.sort()).toEqual(table.sort());
  });
});
