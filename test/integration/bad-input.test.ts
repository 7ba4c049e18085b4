import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, closeSync, mkdirSync, openSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BIN } from '../harness/run-binary.js';
import { createTopic, uniqueTopic } from '../harness/kafka.js';

// docs/bad-input.md is the table of bad inputs users read; this test runs every row of it through
// the built binary, so the page and ckafka cannot drift apart. Each row: the exit status and the
// first line on stderr exactly; no stack trace or Node warning; at most three lines on stderr;
// nothing on stdout for usage, config and connection errors; an end within the time limit.

const { bootstrap } = inject('kafka');
const DOC = fileURLToPath(new URL('../../docs/bad-input.md', import.meta.url));
const CASE_HEADER = ['command', 'input', 'exit', 'first line on stderr'];
const FILE_HEADER = ['file', 'contents'];
const LIMIT_MS = 30_000;
const CLOSED_PORT = '127.0.0.1:9';

interface Case {
  command: string;
  args: string[];
  input: string | null;
  exit: number;
  message: string;
}

interface Fixture {
  name: string;
  contents: string;
}

/** The rows of every markdown table in the doc with the given header. */
function tables(text: string, header: string[]): string[][] {
  const rows: string[][] = [];
  let inTable = false;
  for (const line of text.split('\n')) {
    if (!line.startsWith('|')) {
      inTable = false;
      continue;
    }
    const cells = cellsOf(line);
    if (cells.join('|') === header.join('|')) inTable = true;
    else if (inTable && !/^[-\s|]+$/.test(line)) rows.push(cells);
  }
  return rows;
}

/** A table row's cells: split at unescaped "|", `code` spans unwrapped, "\|" unescaped. */
function cellsOf(line: string): string[] {
  const cells = line.slice(1, line.endsWith('|') ? -1 : undefined).split(/(?<!\\)\|/);
  return cells.map((c) => c.trim().replace(/^`(.*)`$/, '$1').replace(/\\\|/g, '|'));
}

/** A command line as a shell would split it, for the few forms the doc uses: words and '…'. */
function words(command: string): string[] {
  const out: string[] = [];
  const re = /'([^']*)'|(\S+)/g;
  for (let m = re.exec(command); m; m = re.exec(command)) out.push(m[1] ?? m[2]!);
  return out;
}

function readDoc(): { cases: Case[]; fixtures: Fixture[] } {
  const text = readFileSync(DOC, 'utf8');
  const cases = tables(text, CASE_HEADER).map(([command, input, exit, message]) => {
    const args = words(command!);
    if (args.shift() !== 'ckafka') throw new Error(`docs/bad-input.md: a command must start with ckafka: ${command}`);
    return { command: command!, args, input: input === '' ? null : input!, exit: Number(exit), message: message! };
  });
  const fixtures = tables(text, FILE_HEADER).map(([name, contents]) => ({ name: name!, contents: contents! }));
  return { cases, fixtures };
}

const { cases, fixtures } = readDoc();
const runsAsRoot = process.getuid?.() === 0;
let dir = '';
let topic = '';
let missing = '';

/** Writes the doc's files: a JSON string literal, or one of the described special files. */
function writeFixture(f: Fixture): void {
  const path = join(dir, f.name.replace(/\/$/, ''));
  const repeat = /^\((\d+) × "(.*)"\)$/.exec(f.contents);
  if (f.contents === '(a directory)') mkdirSync(path);
  else if (f.contents === '(not readable)') {
    writeFileSync(path, 'secret\n');
    chmodSync(path, 0o000);
  } else if (repeat) writeFileSync(path, repeat[2]!.repeat(Number(repeat[1])));
  else writeFileSync(path, JSON.parse(f.contents) as string);
}

interface Result {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

function run(c: Case, extraEnv: NodeJS.ProcessEnv = {}): Promise<Result> {
  const args = c.args.map((a) => a.replace('$BROKER', bootstrap).replace('$TOPIC', topic).replace('$MISSING', missing));
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    NO_COLOR: '1',
    // No personal config: the search ends in the case's directory.
    HOME: dir,
    XDG_CONFIG_HOME: join(dir, '.config'),
    XDG_CACHE_HOME: process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'),
    CKAFKA_BOOTSTRAP_SERVERS: CLOSED_PORT,
    ...extraEnv,
  };
  // Root reads any file: the unreadable one is tried as nobody.
  const asNobody = runsAsRoot && c.args.some((a) => a.includes('unreadable'));
  const started = Date.now();
  // Input "< name": stdin is that file (or directory) of the case's directory, not a pipe.
  const from = c.input?.startsWith('< ') ? openSync(join(dir, c.input.slice(2)), 'r') : undefined;
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd: dir, env, stdio: [from ?? 'pipe', 'pipe', 'pipe'], ...(asNobody ? { uid: 65534, gid: 65534 } : {}),
  });
  if (from !== undefined) closeSync(from);
  let stdout = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  if (from === undefined) {
    child.stdin!.on('error', () => undefined);
    child.stdin!.end(c.input === null ? '' : `${c.input}\n`);
  }
  const timer = setTimeout(() => child.kill('SIGKILL'), LIMIT_MS);
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, ms: Date.now() - started });
    });
  });
}

/** The output as the doc writes it: the case directory, broker and topics as in the command. */
function normalise(text: string): string {
  const named = text.split(`${dir}/`).join('').split(dir).join('.').split(bootstrap).join('$BROKER').split(missing).join('$MISSING').split(topic).join('$TOPIC');
  return named.replace(/ in \d+\.\d+ s\b/g, ' in … s');
}

const nobodyCanRun =
  !runsAsRoot || spawnSync(process.execPath, ['-e', `require('fs').accessSync(${JSON.stringify(BIN)}, require('fs').constants.R_OK)`], { uid: 65534, gid: 65534 }).status === 0;

beforeAll(async () => {
  dir = realpathSync(mkdtempSync(join(tmpdir(), 'ckafka-bad-input-')));
  chmodSync(dir, 0o755);
  for (const f of fixtures) writeFixture(f);
  topic = uniqueTopic('bad-input');
  missing = uniqueTopic('bad-input-missing');
  await createTopic(bootstrap, topic, 1);
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('bad input (docs/bad-input.md)', () => {
  it('the doc lists at least 40 cases and every file they use', () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
    const names = new Set(fixtures.map((f) => f.name.replace(/\/$/, '')));
    for (const c of cases) {
      for (const a of c.args) {
        const file = /^[\w.-]+\.(json|php|js|txt|yaml|pem)$|^adir$/.exec(a)?.[0];
        if (file && !['missing.json', 'missing.txt', 'missing.pem'].includes(file)) expect(names, `${c.command} uses ${file}`).toContain(file);
      }
    }
  });

  it.concurrent.each(cases.map((c) => [c.command + (c.input === null ? '' : ` < ${c.input}`), c] as const))('%s', async (_name, c) => {
    if (!nobodyCanRun && c.args.some((a) => a.includes('unreadable'))) return;
    const r = await run(c);
    const stderr = normalise(r.stderr);
    const lines = stderr.split('\n').filter((l) => l !== '');
    if (process.env.BAD_INPUT_SHOW) process.stderr.write(`| \`${c.command}\` | ${c.input === null ? '' : `\`${c.input}\``} | ${r.code} | \`${(lines[0] ?? '').replace(/\|/g, '\\|')}\` |\n`);
    expect(r.ms, 'ended within the limit').toBeLessThan(LIMIT_MS);
    expect({ exit: r.code, first: lines[0] }).toEqual({ exit: c.exit, first: c.message });
    expect(stderr).not.toMatch(/^\s+at \S|Unhandled|internal error|\(node:\d+\)|Warning:|node:internal/m);
    expect(lines.length, stderr).toBeLessThanOrEqual(3);
    if (c.exit <= 4) expect(r.stdout).toBe('');
  });
});

// The same table under a Chinese locale: the same exit status and output for machines, and what a
// person reads is Chinese (the doc's English first line is not expected, its exit code is).
const CHINESE = /[\u4e00-\u9fff]/;

describe('bad input under LANG=zh_CN.UTF-8', () => {
  it.concurrent.each(cases.map((c) => [c.command + (c.input === null ? '' : ` < ${c.input}`), c] as const))('%s', async (_name, c) => {
    if (!nobodyCanRun && c.args.some((a) => a.includes('unreadable'))) return;
    const r = await run(c, { LANG: 'zh_CN.UTF-8' });
    const stderr = normalise(r.stderr);
    const lines = stderr.split('\n').filter((l) => l !== '');
    if (process.env.BAD_INPUT_SHOW) process.stderr.write(`zh | \`${c.command}\` | ${r.code} | \`${lines[0] ?? ''}\` |\n`);
    expect(r.ms, 'ended within the limit').toBeLessThan(LIMIT_MS);
    expect(r.code, stderr).toBe(c.exit);
    // Chinese beyond the error line's own prefix (ckafka: 错误：): the message itself is translated.
    expect(lines[0]?.replace(/^ckafka: 错误：/, ''), 'the first line on stderr is in Chinese').toMatch(CHINESE);
    expect(lines[0], 'not the English line').not.toBe(c.message);
    expect(stderr).not.toMatch(/^\s+at \S|Unhandled|\(node:\d+\)|Warning:|node:internal/m);
    expect(lines.length, stderr).toBeLessThanOrEqual(3);
    if (c.exit <= 4) expect(r.stdout).toBe('');
  });
});
