import type { CkafkaError } from '../errors/errors.js';
import { t } from '../i18n/index.js';
import { colorFor } from './color.js';

/** One human line (plus a hint) on stderr, or one JSON line in JSON mode. */
export function renderError(
  error: CkafkaError,
  options: { json: boolean; env: Record<string, string | undefined>; stream: { isTTY?: boolean } },
): string {
  if (options.json) {
    const body: Record<string, unknown> = { kind: error.kind, message: error.message, exit_code: error.exitCode };
    if (error.hint) body.hint = error.hint;
    return `${JSON.stringify({ error: body })}\n`;
  }
  const c = colorFor(options.stream, options.env);
  let text = `${c.red(t.common.errorPrefix)}${t.common.prefixGap}${error.message}\n`;
  if (error.hint) text += `${c.dim(t.common.hintPrefix)}${t.common.prefixGap}${error.hint}\n`;
  return text;
}
