import type { Command } from 'commander';
import { loadConfig, requireBootstrapServers } from '../../config/index.js';
import { propertyNames } from '../../config/properties.js';
import { usageError } from '../../errors/errors.js';
import { parseDuration } from '../../io/duration.js';
import type { Io } from '../../io/io.js';
import { completionRequest, fitting, type TypedConnection } from '../completion/candidates.js';
import { completionAnswer, SHELLS, splitLine, type Shell } from '../completion/shells.js';
import { configRequest } from '../options.js';
import type { RunContext } from '../program.js';
import { t } from '../../i18n/index.js';

/** A Tab answers within this long of the process's start, names from the cluster or not. */
export const ANSWER_WITHIN_MS = 800;
/** Where a slow link (a public access point, SASL) needs longer: a duration, e.g. 2s. */
export const TIMEOUT_ENV = 'CKAFKA_COMPLETION_TIMEOUT';
/** The least time given to the cluster, however long the start took. */
const MIN_WAIT_MS = 150;

/** Answers one Tab of a completion script: what the word under the cursor may become. */
export async function runCompletion(ctx: RunContext, program: Command, shell: string, words: string[]): Promise<number> {
  if (!(SHELLS as readonly string[]).includes(shell)) throw usageError(t.cli.completeUnknownShell(shell), t.cli.completeUnknownShellHint(SHELLS.join(t.common.listSeparator)));
  // bash hands over the line up to the cursor (its own words split at '=' and ':'); the others, words.
  const typed = shell === 'bash' ? splitLine(words.join(' ')).slice(1) : words;
  const request = completionRequest(program, typed, propertyNames);
  const { wanted } = request;
  const names = wanted.kind === 'topics' || wanted.kind === 'groups' ? await namesFromCluster(ctx.io, request.connection, wanted.kind) : [];
  const current = typed.at(-1) ?? '';
  ctx.io.stdout.write(completionAnswer(shell as Shell, wanted, fitting(request, names), current, ctx.io.env.CKAFKA_COMP_WORDBREAKS ?? '=:'));
  return 0;
}

/** The names from the cluster the typed flags (else the config) point at; none on any failure. */
async function namesFromCluster(io: Io, connection: TypedConnection, kind: 'topics' | 'groups'): Promise<string[]> {
  try {
    const config = await loadConfig(configRequest(io, connection));
    const brokers = requireBootstrapServers(config);
    const [{ createKafka }, { clusterNames }] = await Promise.all([import('../../kafka/client.js'), import('../../kafka/names.js')]);
    // performance.now() counts from the start of the process: the shell waits for all of it,
    // including a socket still connecting (so the connection timeout ends with the deadline).
    const left = Math.max(MIN_WAIT_MS, answerWithin(io.env) - performance.now());
    const client = { ...config.client, brokers, connectionTimeout: Math.min(config.client.connectionTimeout, left), requestTimeout: left, retry: { ...config.client.retry, retries: 0 } };
    const quiet = { write: () => true, once: () => undefined, off: () => undefined };
    return await clusterNames(createKafka(client, { stderr: quiet, verbosity: 0 }), kind, left);
  } catch {
    return [];
  }
}

function answerWithin(env: Io['env']): number {
  const text = env[TIMEOUT_ENV];
  if (text === undefined || text === '') return ANSWER_WITHIN_MS;
  try {
    return parseDuration(text, TIMEOUT_ENV);
  } catch {
    // A Tab prints no errors: a value that cannot be read is the default.
    return ANSWER_WITHIN_MS;
  }
}
