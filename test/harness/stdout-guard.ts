/**
 * Lines of a command's stdout that are status, not data: kcat-style `% ` lines (ckafka's status
 * and kafkajs's log), `ckafka: error:` / `warning:` lines, and JSON status objects (`event`,
 * `summary`). They belong on stderr; a test that filtered them out would hide the bug.
 */
export function statusLines(stdout: string): string[] {
  return stdout.split('\n').filter((line) => /^(% |ckafka: (error|warning)\b)/.test(line) || isJsonStatus(line));
}

function isJsonStatus(line: string): boolean {
  if (!line.startsWith('{"event"') && !line.startsWith('{"summary"')) return false;
  try {
    const value = JSON.parse(line) as unknown;
    return typeof value === 'object' && value !== null && ('event' in value || 'summary' in value);
  } catch {
    return false;
  }
}

/** Throws when stdout carries status lines (see statusLines), naming the first few. */
export function assertNoStatusOnStdout(stdout: string, command: string[]): void {
  const found = statusLines(stdout);
  if (found.length > 0) {
    throw new Error(`status on stdout (it belongs on stderr) from \`ckafka ${command.join(' ')}\`:\n${found.slice(0, 5).join('\n')}`);
  }
}
