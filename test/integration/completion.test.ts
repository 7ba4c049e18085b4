import { describe, expect, inject, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIN } from '../harness/run-binary.js';
import { createTopic, uniqueTopic } from '../harness/kafka.js';
import { runCli } from '../harness/run-cli.js';
import { emptyConfig } from './consume-helpers.js';

// Each shell's script, sourced in that shell, asking the built binary (as `ckafka` on PATH) what
// to offer, against the test broker: commands, flags, values, and topic and group names.
const { bootstrap } = inject('kafka');
const bin = mkdtempSync(join(tmpdir(), 'ckafka-completion-'));
writeFileSync(join(bin, 'ckafka'), `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`);
chmodSync(join(bin, 'ckafka'), 0o755);
const config = emptyConfig();
// Names within 0.8 s of the process start is the default; a loaded test machine may start a process
// slower than that, so the tests that expect names give them longer (the refusing and silent ports
// are tested with the default).
const shellEnv = (servers: string, timeout?: string, extra: Record<string, string> = {}) => ({
  ...process.env, PATH: `${bin}:${process.env.PATH}`, CKAFKA_CONFIG: config, CKAFKA_BOOTSTRAP_SERVERS: servers, NO_COLOR: '1', CKAFKA_COMPLETION_TIMEOUT: timeout, ...extra,
});
// Outside CI a missing shell skips its test; CI installs zsh and fish (.ci/run), so there it must run.
const has = (shell: string) => process.env.CI === 'true' || spawnSync(shell, ['-c', 'exit 0']).status === 0;

interface ShellRun {
  stdout: string;
  stderr: string;
  code: number | null;
  ms: number;
}

function run(shell: string, script: string, servers = bootstrap, timeout: string | undefined = servers === bootstrap ? '20s' : undefined, env: Record<string, string> = {}): Promise<ShellRun> {
  const started = Date.now();
  const args = shell === 'fish' ? ['--no-config', '-c', script] : shell === 'zsh' ? ['-f', '-c', script] : ['--norc', '--noprofile', '-c', script];
  const child = spawn(shell, args, { env: shellEnv(servers, timeout, env) });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  return new Promise((resolve) => child.on('close', (code) => resolve({ stdout, stderr, code, ms: Date.now() - started })));
}

/** bash: the function is called as readline would, with COMP_LINE, COMP_POINT, COMP_WORDS and COMP_CWORD set. */
const bashScript = (lines: string[]) => `
source <(ckafka completion bash)
ask() {
  COMP_LINE="$1"; COMP_POINT=\${#COMP_LINE}
  read -ra COMP_WORDS <<< "$COMP_LINE"
  [[ $COMP_LINE == *" " ]] && COMP_WORDS+=("")
  COMP_CWORD=$(( \${#COMP_WORDS[@]} - 1 ))
  COMPREPLY=()
  _ckafka_complete
  printf '%s\\n' "== $1" "\${COMPREPLY[@]}"
}
${lines.map((l) => `ask ${JSON.stringify(l)}`).join('\n')}
`;

/** zsh: the real script inside a zsh, with the completion system's _describe and _files replaced by printers. */
const zshScript = (lines: string[][]) => `
compdef() { :; }
_describe() { print -rl -- "\${(@P)4}"; }
_files() { print -r -- FILES; }
source <(ckafka completion zsh)
${lines.map((w) => `words=(${w.map((x) => `'${x}'`).join(' ')}); CURRENT=${w.length}; print -r -- "== ${w.join(' ')}"; _ckafka`).join('\n')}
`;

/** fish: its own non-interactive completion, `complete -C LINE`. */
const fishScript = (lines: string[]) => `
ckafka completion fish | source
${lines.map((l) => `echo "== ${l}"; complete -C ${JSON.stringify(l)}`).join('\n')}
`;

/** The answers per asked line: "== line" starts each block. */
function answers(stdout: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  let current = '';
  for (const line of stdout.split('\n')) {
    if (line.startsWith('== ')) out[(current = line.slice(3).trimEnd())] = [];
    else if (line !== '' && current) out[current]!.push(line.split('\t')[0]!);
  }
  return out;
}

describe('ckafka completion', () => {
  const topic = uniqueTopic('complete-me');
  const group = uniqueTopic('complete-group');
  const setup = (async () => {
    await createTopic(bootstrap, topic, 1);
    // A group with committed offsets, so the cluster lists it.
    const r = await runCli(['consume', '--config', config, '-b', bootstrap, '-t', topic, '-g', group, '-e', '-q']);
    expect(r.code, r.stderr).toBe(0);
  })();

  it.skipIf(!has('bash'))('bash: commands, flags, values, topics and groups', async () => {
    await setup;
    const r = await run('bash', bashScript(['ckafka co', 'ckafka consume --fr', 'ckafka consume --from=ea', 'ckafka consume -o ', 'ckafka consume -t ', 'ckafka group describe ', 'ckafka consume --match va', 'ckafka consume --match value:']));
    expect(r.stderr).toBe('');
    const a = answers(r.stdout);
    expect(a['ckafka co']).toEqual(['consume', 'config', 'completion']);
    expect(a['ckafka consume --fr']).toEqual(['--from']);
    // bash replaces only what follows '=': the answer is the value.
    expect(a['ckafka consume --from=ea']).toEqual(['earliest']);
    expect(a['ckafka consume -o']).toEqual(['text', 'json', 'raw', 'php']);
    expect(a['ckafka consume -t']).toContain(topic);
    expect(a['ckafka group describe']).toContain(group);
    expect(a['ckafka consume --match va']).toEqual(['value:']);
    expect(a['ckafka consume --match value:']).toEqual([]);
  });

  it.skipIf(!has('zsh'))('zsh: the same, with descriptions', async () => {
    await setup;
    const r = await run('zsh', zshScript([['ckafka', 'topic', 'de'], ['ckafka', 'consume', '-t', ''], ['ckafka', 'consume', '-g', 'complete-'], ['ckafka', 'consume', '--config', ''], ['ckafka', 'completion', '']]));
    expect(r.stderr).toBe('');
    const a = answers(r.stdout);
    expect(a['ckafka topic de']).toEqual([
      'describe:partitions, leaders, replicas, ISR, low and high watermarks, config',
      'delete:delete topics and their messages; asks to type the names back on a terminal, else needs --yes',
    ]);
    expect(a['ckafka consume -t']).toContain(topic);
    expect(a['ckafka consume -g complete-']).toContain(group);
    expect(a['ckafka consume --config']).toEqual(['FILES']);
    expect(a['ckafka completion']).toEqual(['bash', 'zsh', 'fish']);
  });

  it.skipIf(!has('fish'))('fish: the same, through complete -C', async () => {
    await setup;
    const r = await run('fish', fishScript(['ckafka consume -t ', 'ckafka topic describe complete-', 'ckafka consume --encoding ', 'ckafka group describe ', 'ckafka consume -X acks']));
    expect(r.stderr).toBe('');
    const a = answers(r.stdout);
    expect(a['ckafka consume -t']).toContain(topic);
    expect(a['ckafka topic describe complete-']).toContain(topic);
    expect(a['ckafka consume --encoding']!.sort()).toEqual(['base64', 'hex', 'utf8']); // fish sorts them
    expect(a['ckafka group describe']).toContain(group);
    expect(a['ckafka consume -X acks']).toEqual(['acks=']);
  });

  it.skipIf(!has('zsh') || !has('fish'))('under a Chinese locale: the same words, described in Chinese (quotes and colons in them too)', async () => {
    await setup;
    // LANG decides when LC_ALL and LC_MESSAGES are empty (the test runner's own may be set).
    const zh = { LANG: 'zh_CN.UTF-8', LC_ALL: '', LC_MESSAGES: '' };
    const z = await run('zsh', zshScript([['ckafka', 'topic', 'de'], ['ckafka', 'consume', '--fo'], ['ckafka', 'consume', '-t', '']]), bootstrap, '20s', zh);
    expect(z.stderr).toBe('');
    const a = answers(z.stdout);
    expect(a['ckafka topic de']).toEqual([
      'describe:分区、Leader、副本、ISR、最低和最高水位、配置',
      'delete:删除主题及其中的消息；在终端上会要求再次输入主题名确认，否则需要 --yes',
    ]);
    expect(a['ckafka consume --fo']).toEqual(['--follow:不因空闲而停止：一直等待新消息，直到按下 Ctrl-C', "--format:kcat 风格的格式：%t %p %o %T %k %s %h %K %S、\\n \\t（例如 '%p:%o %s\\n'）"]);
    expect(a['ckafka consume -t']).toContain(topic);
    const f = await run('fish', `ckafka completion fish | source\ncomplete -C 'ckafka consume --from '\ncomplete -C 'ckafka pro'`, bootstrap, '20s', zh);
    expect(f.stderr).toBe('');
    expect(f.stdout.split('\n').filter((l) => l !== '')).toEqual([
      'earliest\t保留的第一条消息',
      'latest\t末尾：只读新消息',
      'produce\t发送消息并逐条输出发送结果（默认：与 Demo 相同的五条消息 "Message 0".."Message 4"）',
    ]);
  });

  it.skipIf(!has('bash') || !has('fish'))('an unreachable cluster: no names, no error, within about a second', async () => {
    // A port that accepts connections and never answers (a hung broker), and one that refuses them.
    const silent = await import('node:net').then(({ createServer }) => createServer(() => undefined));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const port = (silent.address() as { port: number }).port;
    try {
      for (const servers of [`127.0.0.1:${port}`, '127.0.0.1:1']) {
        const b = await run('bash', bashScript(['ckafka consume -t ', 'ckafka consume --fo']), servers);
        expect(b.stderr).toBe('');
        expect(answers(b.stdout)).toEqual({ 'ckafka consume -t': [], 'ckafka consume --fo': ['--follow', '--format'] });
        const f = await run('fish', fishScript(['ckafka group describe ']), servers);
        expect(f.stderr).toBe('');
        expect(answers(f.stdout)).toEqual({ 'ckafka group describe': [] });
        // One Tab waits at most 0.8 s after the process started (a loaded machine adds to it).
        expect(f.ms).toBeLessThan(4000);
      }
    } finally {
      silent.close();
    }
  });
});
