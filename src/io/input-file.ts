import { fstatSync, promises as fs } from 'node:fs';
import { resolve } from 'node:path';
import { CkafkaError, usageError } from '../errors/errors.js';
import { t } from '../i18n/index.js';

/** Why a file could not be read, in words (the errno code stays for the rare ones). */
export function fileErrorReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return t.config.fileNoSuchFile;
    case 'EACCES':
    case 'EPERM':
      return t.config.filePermissionDenied;
    case 'EISDIR':
      return t.config.fileIsDirectory;
    case 'ENOTDIR':
      return t.config.fileNotDirectoryInPath;
    case 'ELOOP':
      return t.config.fileTooManyLinks;
    case 'EIO':
      return t.config.fileIoError;
    default:
      return code ?? (error instanceof Error ? error.message : String(error));
  }
}

/**
 * Opens an input file before anything connects, so that a missing, unreadable or directory path
 * is a usage error naming the path and the reason, not a failure in the middle of sending.
 * Pipes and devices (`--file /dev/stdin`, `<(…)`) are fine; only a directory is refused here
 * (opening one succeeds on Linux; reading it is what fails).
 */
export async function openInputFile(path: string, cwd: string, flag = '--file'): Promise<fs.FileHandle> {
  const full = resolve(cwd, path);
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(full, 'r');
  } catch (error) {
    throw usageError(t.config.cannotReadInput(flag, path, fileErrorReason(error)));
  }
  const info = await handle.stat().catch(() => undefined);
  if (info?.isDirectory()) {
    await handle.close().catch(() => undefined);
    throw usageError(t.config.cannotReadInput(flag, path, fileErrorReason({ code: 'EISDIR' })));
  }
  return handle;
}

/**
 * The chunks of an input stream; a read that fails part-way (EIO, a device gone) becomes an error
 * naming the input (exit 7: what was read before was sent and reported, the rest was not).
 */
export async function* namedReadErrors(stream: AsyncIterable<Buffer | string>, what: string): AsyncGenerator<Buffer | string> {
  try {
    yield* stream;
  } catch (error) {
    if (error instanceof CkafkaError) throw error;
    throw new CkafkaError('partial', t.config.cannotReadStream(what, fileErrorReason(error)), { hint: t.config.readFailedHint, cause: error });
  }
}

/** `ckafka produce < some-directory`: Node reads nothing from it, which would look like empty input. */
export function refuseDirectoryStdin(stdin: unknown): void {
  const fd = (stdin as { fd?: unknown }).fd;
  if (fd !== 0) return;
  const info = (() => {
    try {
      return fstatSync(0);
    } catch {
      return undefined;
    }
  })();
  if (info?.isDirectory()) throw usageError(t.config.stdinIsDirectory);
}
