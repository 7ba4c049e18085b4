import { t } from '../i18n/index.js';

/** The one error type below main: a kind (which decides the exit code), a message and a hint. */
export type ErrorKind =
  | 'internal'
  | 'usage'
  | 'config'
  | 'unreachable'
  | 'auth'
  | 'broker'
  | 'partial'
  | 'check'
  | 'interrupted';

/** Stable exit codes, documented in the README. */
export const EXIT_CODES: Readonly<Record<ErrorKind | 'ok', number>> = {
  ok: 0,
  internal: 1,
  usage: 2,
  config: 3,
  unreachable: 4,
  auth: 5,
  broker: 6,
  partial: 7,
  check: 8,
  interrupted: 130,
};

export interface CkafkaErrorOptions {
  /** What the user can do about it. */
  hint?: string;
  cause?: unknown;
}

export class CkafkaError extends Error {
  readonly kind: ErrorKind;
  readonly hint: string | undefined;

  constructor(kind: ErrorKind, message: string, options: CkafkaErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'CkafkaError';
    this.kind = kind;
    this.hint = options.hint;
  }

  get exitCode(): number {
    return EXIT_CODES[this.kind];
  }
}

export const usageError = (message: string, hint?: string): CkafkaError =>
  new CkafkaError('usage', message, { hint });

/**
 * The exit code when messages failed: the failure's own code (4, 5, 6) when nothing got through
 * and every failure was of one kind, else `otherwise` (7 partial for produce, 8 for check).
 */
export function failureExitCode(kinds: readonly ErrorKind[], anyGotThrough: boolean, otherwise: number): number {
  const distinct = new Set(kinds);
  const [only] = distinct;
  return !anyGotThrough && distinct.size === 1 && only ? EXIT_CODES[only] : otherwise;
}

/** A thrown value that is not a CkafkaError is a bug; wrap it so it is reported as one. */
export function asCkafkaError(error: unknown): CkafkaError {
  if (error instanceof CkafkaError) return error;
  const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
  return new CkafkaError('internal', t.common.internalError(message), {
    hint: t.common.internalErrorHint,
    cause: error,
  });
}
