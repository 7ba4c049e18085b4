import type { Candidate, Wanted } from './candidates.js';

export const SHELLS = ['bash', 'zsh', 'fish'] as const;
export type Shell = (typeof SHELLS)[number];

/**
 * The scripts are thin: each hands the words typed to `ckafka __complete SHELL`, which walks the
 * command tree (src/cli/completion/candidates.ts) and answers a first line `:files`, `:nospace`
 * or `:` and then one candidate per line, in the form the shell takes (as cobra-generated
 * completions do). So nothing about commands or flags is written here, and nothing can drift.
 */
export function completionScript(shell: Shell): string {
  switch (shell) {
    case 'bash':
      return `# ckafka completion for bash. Load it with:  source <(ckafka completion bash)
_ckafka_complete() {
  local directive line
  local -a candidates=()
  COMPREPLY=()
  {
    IFS= read -r directive || return 0
    while IFS= read -r line; do candidates+=("$line"); done
  } < <(CKAFKA_COMP_WORDBREAKS="$COMP_WORDBREAKS" "\${COMP_WORDS[0]}" __complete bash -- "\${COMP_LINE:0:COMP_POINT}" 2>/dev/null)
  case "$directive" in
    :files) compopt -o default 2>/dev/null; return 0 ;;
    :nospace) compopt -o nospace 2>/dev/null ;;
  esac
  COMPREPLY=("\${candidates[@]}")
}
complete -F _ckafka_complete ckafka
`;
    case 'zsh':
      return `#compdef ckafka
# ckafka completion for zsh. Load it (after compinit) with:  source <(ckafka completion zsh)
_ckafka() {
  local -a lines candidates
  lines=("\${(@f)$(\${words[1]} __complete zsh -- "\${(@Q)words[2,CURRENT]}" 2>/dev/null)}")
  candidates=("\${(@)lines[2,-1]}")
  case "\${lines[1]}" in
    :files) _files; return ;;
    :nospace) (( \${#candidates} )) && _describe -t ckafka ckafka candidates -S '' ;;
    *) (( \${#candidates} )) && _describe -t ckafka ckafka candidates ;;
  esac
}
if (( $+functions[compdef] )); then compdef _ckafka ckafka; fi
`;
    case 'fish':
      return `# ckafka completion for fish. Load it with:  ckafka completion fish | source
function __ckafka_complete
    set -l tokens (commandline -opc)
    set -l lines (command $tokens[1] __complete fish -- $tokens[2..-1] (commandline -ct) 2>/dev/null)
    or return
    switch "$lines[1]"
        case :files
            __fish_complete_path (commandline -ct)
        case '*'
            printf '%s\\n' $lines[2..-1]
    end
end
complete -c ckafka -f -a '(__ckafka_complete)'
`;
  }
}

/** The answer to `__complete`: the directive line, then the candidates as the shell wants them. */
export function completionAnswer(shell: Shell, wanted: Wanted, candidates: readonly Candidate[], current: string, wordBreaks: string): string {
  if (wanted.kind === 'files') return ':files\n';
  const directive = wanted.kind === 'words' && wanted.noSpace ? ':nospace' : ':';
  const lines = candidates.map((c) => {
    const description = (c.description ?? '').replace(/\s+/g, ' ').trim();
    switch (shell) {
      case 'bash':
        return bashWord(c.value, current, wordBreaks);
      case 'zsh':
        // _describe's "value:description": a colon in the value is escaped.
        return description ? `${c.value.replace(/[\\:]/g, '\\$&')}:${description}` : c.value.replace(/[\\:]/g, '\\$&');
      case 'fish':
        return description ? `${c.value}\t${description}` : c.value;
    }
  });
  return `${[directive, ...lines.filter((l): l is string => l !== null)].join('\n')}\n`;
}

/**
 * Bash replaces only the text after the last of COMP_WORDBREAKS in the word (`=` and `:` among
 * them), so `--from=ear` is completed as `ear` → `earliest`, and `value:` as `` → what follows.
 */
function bashWord(value: string, current: string, wordBreaks: string): string | null {
  let cut = -1;
  for (let i = 0; i < current.length; i += 1) {
    const ch = current[i] as string;
    if (wordBreaks.includes(ch) && !/[\s"']/.test(ch)) cut = i;
  }
  if (cut < 0) return value;
  const head = current.slice(0, cut + 1);
  return value.startsWith(head) ? value.slice(head.length) : null;
}

/**
 * Splits what bash has before the cursor into words as the shell would (quotes, backslashes);
 * a line ending in a space has an empty word last: the one being completed.
 */
export function splitLine(line: string): string[] {
  const out: string[] = [];
  let word = '';
  let inWord = false;
  let quote: '"' | "'" | null = null;
  for (let i = 0; i < line.length; i += 1) {
    const ch = line[i] as string;
    if (quote === "'") {
      if (ch === "'") quote = null;
      else word += ch;
    } else if (quote === '"') {
      if (ch === '"') quote = null;
      else if (ch === '\\' && i + 1 < line.length && '"\\$`'.includes(line[i + 1] as string)) word += line[++i];
      else word += ch;
    } else if (ch === "'" || ch === '"') {
      quote = ch;
      inWord = true;
    } else if (ch === '\\' && i + 1 < line.length) {
      word += line[++i];
      inWord = true;
    } else if (/\s/.test(ch)) {
      if (inWord) out.push(word);
      word = '';
      inWord = false;
    } else {
      word += ch;
      inWord = true;
    }
  }
  out.push(inWord ? word : '');
  return out;
}
