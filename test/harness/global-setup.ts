import type { TestProject } from 'vitest/node';
import { startKafka } from './broker.js';
import type { ProvidedKafka } from './provided.js';

/**
 * Vitest global setup of the integration project: one broker for the whole run, or the cluster in
 * CKAFKA_TEST_BOOTSTRAP. Tests read it with `inject('kafka')`.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const external = process.env.CKAFKA_TEST_BOOTSTRAP;
  if (external) {
    say(`using the existing cluster at ${external} (CKAFKA_TEST_BOOTSTRAP)`);
    provide(project, { bootstrap: external, version: 'external' });
    return async () => undefined;
  }
  const started = Date.now();
  const cluster = await startKafka();
  say(
    `Apache Kafka ${cluster.version} (${cluster.mode}) at ${cluster.bootstrap}, ready in ${Date.now() - started} ms; ` +
      `broker log: ${cluster.logDir}/node-1/server.log`,
  );
  provide(project, { bootstrap: cluster.bootstrap, version: cluster.version });
  return async () => {
    const failed = anyFailure(project);
    if (failed) say(`tests failed; end of the broker log:\n${cluster.logTail()}`);
    await cluster.stop({ keepLogs: failed });
    if (failed) say(`broker logs kept in ${cluster.logDir}`);
  };
}

function provide(project: TestProject, kafka: ProvidedKafka): void {
  project.provide('kafka', kafka);
}

function anyFailure(project: TestProject): boolean {
  // Vitest's state API is marked experimental; if it changes, keep the logs rather than fail.
  try {
    const { state } = project.vitest;
    return state.getCountOfFailedTests() > 0 || state.getUnhandledErrors().length > 0;
  } catch {
    return true;
  }
}

function say(line: string): void {
  process.stderr.write(`ckafka test harness: ${line}\n`);
}
