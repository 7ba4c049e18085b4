import { asCkafkaError, CkafkaError, EXIT_CODES } from './errors/errors.js';
import type { Io } from './io/io.js';
import { buildProgram, type RunContext } from './cli/program.js';
import { renderError } from './format/error.js';
import { detectLocale, setLocale, t, UnknownLocaleError } from './i18n/index.js';

/** Runs one ckafka command line and returns its exit code; never calls process.exit. */
export async function main(argv: string[], io: Io): Promise<number> {
  const ctx: RunContext = { io, exitCode: EXIT_CODES.ok, outputJson: false };
  try {
    setLocale(detectLocale(io.env));
  } catch (error) {
    if (!(error instanceof UnknownLocaleError)) throw error;
    setLocale('en');
    const err = new CkafkaError('usage', t.common.unknownLanguage(error.value), { hint: t.common.unknownLanguageHint });
    io.stderr.write(renderError(err, { json: false, env: io.env, stream: io.stderr }));
    return err.exitCode;
  }
  const program = buildProgram(ctx);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return ctx.exitCode;
  } catch (error) {
    if (isCommanderExit(error)) return error.exitCode === 0 ? 0 : EXIT_CODES.usage;
    const err = asCkafkaError(error);
    io.stderr.write(renderError(err, { json: ctx.outputJson, env: io.env, stream: io.stderr }));
    return err.exitCode;
  }
}

interface CommanderExit {
  code: string;
  exitCode: number;
}

function isCommanderExit(error: unknown): error is CommanderExit {
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { code?: unknown }).code === 'string' &&
    (error as { code: string }).code.startsWith('commander.') &&
    !(error instanceof CkafkaError)
  );
}

/** The process entry point: real streams, signals to an AbortSignal, a quiet stop on a closed pipe. */
export function runProcess(): void {
  const controller = new AbortController();
  let signals = 0;
  let finished = false;
  const onSignal = (name: NodeJS.Signals) => {
    signals += 1;
    // The command is over: whatever still holds the process (a client left open by a bug) must
    // not make it ignore a signal.
    if (finished) process.exit(typeof process.exitCode === 'number' ? process.exitCode : EXIT_CODES.interrupted);
    // A second Ctrl-C forces the exit when a clean stop takes too long.
    if (signals > 1) process.exit(EXIT_CODES.interrupted);
    controller.abort(new CkafkaError('interrupted', t.common.interruptedBy(name)));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  // A reader that goes away (`ckafka consume | head`) is a normal stop, not a crash.
  let stdoutError: NodeJS.ErrnoException | undefined;
  const onPipeError = (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') {
      controller.abort(new CkafkaError('interrupted', t.common.outputClosed));
      return;
    }
    // Any other failure (ENOSPC: a full disk) also reaches the writer's callback, which reports
    // it; should a command not, the exit below still does. Thrown here it would be a stack trace.
    stdoutError ??= error;
  };
  process.stdout.on('error', onPipeError);
  quietKnownWarnings();
  const io: Io = {
    stdout: process.stdout,
    stderr: process.stderr,
    // process.stdin builds a stream (and may load tty) when first read: only commands reading it pay.
    get stdin() {
      return process.stdin;
    },
    env: process.env,
    cwd: process.cwd(),
    signal: controller.signal,
  };
  main(process.argv.slice(2), io).then(
    (code) => {
      finished = true;
      if (code === EXIT_CODES.ok && stdoutError) {
        process.stderr.write(`${t.common.errorPrefix}${t.common.prefixGap}${t.common.stdoutWriteFailed(stdoutError.message)}\n`);
        code = EXIT_CODES.internal;
      }
      process.exitCode = code;
    },
    (error: unknown) => {
      finished = true;
      process.stderr.write(t.cli.internalErrorLine(String(error)));
      process.exitCode = EXIT_CODES.internal;
    },
  );
}

/**
 * kafkajs's request queue passes setTimeout a negative delay when nothing is throttled; Node 24
 * warns about it on every command (Node 20 clamped it silently, and so does 24: the effect is 1 ms).
 * That one warning is dropped; every other warning is printed as Node would.
 */
function quietKnownWarnings(): void {
  process.removeAllListeners('warning');
  process.on('warning', (warning) => {
    if (warning.name === 'TimeoutNegativeWarning') return;
    process.stderr.write(`(node:${process.pid}) ${warning.name}: ${warning.message}\n`);
  });
}
