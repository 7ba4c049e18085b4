import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { EXISTING_CLUSTER_HINT, HarnessSetupError } from './errors.js';

/** The `java` to run: $JAVA_HOME/bin/java when set, else the one on PATH. */
export function javaCommand(): string {
  const home = process.env.JAVA_HOME;
  const fromHome = home ? join(home, 'bin', 'java') : undefined;
  return fromHome && existsSync(fromHome) ? fromHome : 'java';
}

/** Checks that Java `minimum`+ is installed; throws a HarnessSetupError saying what is missing. */
export function requireJava(minimum: number): void {
  const result = spawnSync(javaCommand(), ['-version'], { encoding: 'utf8' });
  if (result.error || result.status !== 0) {
    throw missing(`Java ${minimum}+ (the \`java\` command) was not found`);
  }
  // `java -version` prints e.g. `openjdk version "17.0.15"` or `java version "1.8.0_392"` on stderr.
  const match = /version "(\d+)(?:\.(\d+))?/.exec(result.stderr);
  const major = match ? (match[1] === '1' ? Number(match[2]) : Number(match[1])) : NaN;
  if (!(major >= minimum)) {
    throw missing(`Java ${minimum}+ is needed, but \`java -version\` says: ${result.stderr.split('\n')[0]}`);
  }
}

/** Checks that Maven (`mvn`) is installed; throws a HarnessSetupError saying so otherwise. */
export function requireMaven(): void {
  const result = spawnSync('mvn', ['--version'], { encoding: 'utf8' });
  if (result.error || result.status !== 0) {
    throw missing('Maven (the `mvn` command) was not found; it resolves the Kafka jars from Maven Central');
  }
}

function missing(what: string): HarnessSetupError {
  return new HarnessSetupError(
    `ckafka test harness: ${what}. A local Kafka broker needs Java and Maven ` +
      `(Debian: apt-get install openjdk-17-jre-headless maven). ${EXISTING_CLUSTER_HINT}`,
  );
}
