import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { onProcessExit } from './exit-cleanup.js';
import { tailFile } from './tail.js';
import { javaCommand } from './toolchain.js';

export interface JavaOptions {
  classpath: string;
  mainClass: string;
  args: string[];
  /** JVM flags such as -Xmx512m and system properties. */
  jvmArgs: string[];
  /** File that receives the process's stdout and stderr. */
  outputFile: string;
}

/** A running JVM. */
export interface JavaProcess {
  readonly pid: number;
  /** Resolves with the exit code (or the signal name) when the process has ended. */
  readonly exited: Promise<number | string>;
  /** True until the process has ended. */
  running(): boolean;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves once the process is gone. */
  stop(graceMs: number): Promise<void>;
  /** SIGKILL; resolves once the process is gone. */
  kill(): Promise<void>;
  /** SIGSTOP (a frozen process: a long GC pause, a stalled VM) or SIGCONT. */
  pause(): void;
  resume(): void;
}

/** Starts `java … mainClass args` with output to a file; it is killed if this process exits first. */
export function startJava(options: JavaOptions): JavaProcess {
  const out = openSync(options.outputFile, 'a');
  let child: ChildProcess;
  try {
    // Own process group: a Ctrl-C in the terminal reaches us, and we stop brokers in order.
    child = spawn(javaCommand(), [...options.jvmArgs, '-cp', options.classpath, options.mainClass, ...options.args], {
      stdio: ['ignore', out, out],
      detached: true,
    });
  } finally {
    closeSync(out);
  }
  let alive = true;
  const exited = new Promise<number | string>((resolve) => {
    child.once('exit', (code, signal) => {
      alive = false;
      resolve(code ?? signal ?? 'unknown');
    });
    child.once('error', (error) => {
      alive = false;
      resolve(error.message);
    });
  });
  const pid = child.pid ?? -1;
  // A SIGKILL also ends a stopped process.
  const unregister = onProcessExit(() => signal('SIGKILL'));
  void exited.then(unregister);

  function signal(name: NodeJS.Signals): void {
    if (!alive || pid < 0) return;
    try {
      process.kill(pid, name);
    } catch {
      // Already gone.
    }
  }

  return {
    pid,
    exited,
    running: () => alive,
    async stop(graceMs) {
      signal('SIGCONT'); // a paused JVM would not act on SIGTERM
      signal('SIGTERM');
      const timer = setTimeout(() => signal('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    },
    async kill() {
      signal('SIGKILL');
      await exited;
    },
    pause: () => signal('SIGSTOP'),
    resume: () => signal('SIGCONT'),
  };
}

/** Runs a Java tool to completion; rejects with the end of its output when it exits non-zero. */
export async function runJava(options: JavaOptions): Promise<void> {
  const result = await startJava(options).exited;
  if (result !== 0) {
    const output = tailFile(options.outputFile, 40);
    throw new Error(`${options.mainClass} ${options.args.join(' ')} failed (exit ${result}):\n${output}`);
  }
}
