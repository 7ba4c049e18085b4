import { closeSync, existsSync, fstatSync, openSync, readSync } from 'node:fs';

/** The last `lines` lines of a text file ('' when it does not exist); reads only the file's end. */
export function tailFile(path: string, lines: number): string {
  if (!existsSync(path)) return '';
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    const length = Math.min(size, 256 * 1024);
    const buffer = Buffer.alloc(length);
    readSync(fd, buffer, 0, length, size - length);
    return buffer.toString('utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } finally {
    closeSync(fd);
  }
}

/** A process's log file and the file that caught its stdout/stderr. */
export interface LogSource {
  name: string;
  logFile: string;
  outputFile: string;
}

/** The end of each source's log (and of its output file, when not empty), each under a header. */
export function logTails(sources: LogSource[], lines: number): string {
  return sources
    .flatMap(({ name, logFile, outputFile }) => {
      const output = tailFile(outputFile, 20);
      return [`==> ${name}: ${logFile} <==`, tailFile(logFile, lines), ...(output ? [`==> ${name}: ${outputFile} <==`, output] : [])];
    })
    .join('\n');
}
