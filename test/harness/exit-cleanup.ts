const tasks = new Set<() => void>();
let installed = false;

/**
 * Runs `task` (synchronous) when this process exits or dies of SIGINT/SIGTERM/SIGHUP, so no JVM
 * outlives a crashed test run. Returns a function that unregisters it.
 */
export function onProcessExit(task: () => void): () => void {
  install();
  tasks.add(task);
  return () => tasks.delete(task);
}

function runAll(): void {
  for (const task of [...tasks]) {
    tasks.delete(task);
    try {
      task();
    } catch {
      // Best effort: the process is going away.
    }
  }
}

function install(): void {
  if (installed) return;
  installed = true;
  process.on('exit', runAll);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    const handler = () => {
      // Someone else handles this signal (vitest, the kafka CLI): they stop brokers cleanly or
      // exit, which runs the 'exit' hook. Only when we are alone do we clean up and re-raise.
      if (process.listenerCount(signal) > 1) return;
      runAll();
      process.removeListener(signal, handler);
      process.kill(process.pid, signal);
    };
    process.on(signal, handler);
  }
}
