import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EXISTING_CLUSTER_HINT, HarnessSetupError } from './errors.js';
import { requireJava, requireMaven } from './toolchain.js';
import { atLeast, minimumJava, parseVersion } from './versions.js';

/** The project root: jars are cached under its .cache/ (git-ignored). */
export const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));

const DEPENDENCY_PLUGIN = 'org.apache.maven.plugins:maven-dependency-plugin:3.8.1';

export interface KafkaJars {
  version: string;
  /** Folder holding every jar of the broker, its tools and a logging binding. */
  libsDir: string;
  /** A `java -cp` value covering all of them. */
  classpath: string;
}

const resolving = new Map<string, Promise<KafkaJars>>();

/** Resolves Apache Kafka's jars from Maven Central into .cache/kafka/<version>/libs, once per machine. */
export function resolveKafkaJars(version: string): Promise<KafkaJars> {
  parseVersion(version);
  let pending = resolving.get(version);
  if (!pending) {
    pending = resolve(version);
    resolving.set(version, pending);
    pending.catch(() => resolving.delete(version));
  }
  return pending;
}

async function resolve(version: string): Promise<KafkaJars> {
  requireJava(minimumJava(version));
  const dir = join(PROJECT_ROOT, '.cache', 'kafka', version);
  const libsDir = join(dir, 'libs');
  const marker = join(dir, 'resolved');
  const jars: KafkaJars = { version, libsDir, classpath: join(libsDir, '*') };
  if (existsSync(marker)) return jars;

  requireMaven();
  mkdirSync(dir, { recursive: true });
  removeAbandonedPartials(dir);
  const pom = join(dir, 'pom.xml');
  writeFileSync(pom, pomFor(version));
  // Copy into a folder of our own and rename it at the end, so that a concurrent run or a
  // crash never leaves a half-filled libs/ behind the marker.
  const partial = join(dir, `libs.partial-${process.pid}`);
  const started = Date.now();
  process.stderr.write(`ckafka test harness: downloading Apache Kafka ${version} jars from Maven Central (first run only)…\n`);
  const goal = `${DEPENDENCY_PLUGIN}:copy-dependencies`;
  await runMaven(['-B', '-q', '-Dstyle.color=never', '-f', pom, goal, `-DoutputDirectory=${partial}`, '-DincludeScope=runtime'], version);
  if (existsSync(marker)) {
    rmSync(partial, { recursive: true, force: true });
    return jars;
  }
  rmSync(libsDir, { recursive: true, force: true });
  renameSync(partial, libsDir);
  writeFileSync(marker, `${new Date().toISOString()}\n`);
  const files = readdirSync(libsDir);
  const megabytes = files.reduce((sum, f) => sum + statSync(join(libsDir, f)).size, 0) / 1e6;
  process.stderr.write(
    `ckafka test harness: ${files.length} jars (${megabytes.toFixed(0)} MB) in ${((Date.now() - started) / 1000).toFixed(1)} s → ${libsDir}\n`,
  );
  return jars;
}

interface Dependency {
  groupId: string;
  artifactId: string;
  version: string;
  exclusions?: string[];
}

/** The pom whose runtime dependencies are the broker, the console/perf tools and one SLF4J binding. */
export function pomFor(version: string): string {
  const kafka = (artifactId: string): Dependency => ({ groupId: 'org.apache.kafka', artifactId, version });
  const deps = [kafka('kafka_2.13'), kafka('kafka-tools')];
  if (atLeast(version, 4, 0)) {
    // Kafka 4 logs through SLF4J 1.7 and Log4j 2 but ships no binding; log4j-slf4j2-impl does not bind to SLF4J 1.7.
    deps.push(
      { groupId: 'org.apache.logging.log4j', artifactId: 'log4j-slf4j-impl', version: '2.24.3' },
      { groupId: 'org.apache.logging.log4j', artifactId: 'log4j-core', version: '2.24.3' },
    );
  } else if (!atLeast(version, 3, 3)) {
    // Older tools bring log4j 1.2.17 with its binding; swap both for reload4j so only one binding is on the path.
    for (const dep of deps) dep.exclusions = ['log4j:log4j', 'org.slf4j:slf4j-log4j12'];
    deps.push({ groupId: 'org.slf4j', artifactId: 'slf4j-reload4j', version: '1.7.36' });
  }
  return `<?xml version="1.0" encoding="UTF-8"?>
<!-- Written by ckafka's test harness (test/harness/jars.ts) to resolve Apache Kafka ${version}. -->
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>ckafka.test-harness</groupId>
  <artifactId>kafka-jars</artifactId>
  <version>${version}</version>
  <packaging>pom</packaging>
  <dependencies>
${deps.map(dependencyXml).join('\n')}
  </dependencies>
</project>
`;
}

function dependencyXml(dep: Dependency): string {
  const exclusions = (dep.exclusions ?? []).map((id) => {
    const [groupId, artifactId] = id.split(':');
    return `<exclusion><groupId>${groupId}</groupId><artifactId>${artifactId}</artifactId></exclusion>`;
  });
  const inner = exclusions.length > 0 ? `<exclusions>${exclusions.join('')}</exclusions>` : '';
  return `    <dependency><groupId>${dep.groupId}</groupId><artifactId>${dep.artifactId}</artifactId><version>${dep.version}</version>${inner}</dependency>`;
}

function runMaven(args: string[], version: string): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn('mvn', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const keep = (chunk: Buffer) => (output = (output + chunk.toString('utf8')).slice(-20_000));
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('error', (error) => fail(new HarnessSetupError(`ckafka test harness: cannot run mvn: ${error.message}`)));
    child.on('close', (code) => {
      if (code === 0) return done();
      const tail = output.trim().split('\n').slice(-30).join('\n');
      fail(
        new HarnessSetupError(
          `ckafka test harness: Maven could not resolve Apache Kafka ${version} (mvn exit ${code}). ` +
            `Is the version published on Maven Central and the network up?\n${tail}\n${EXISTING_CLUSTER_HINT}`,
        ),
      );
    });
  });
}

function removeAbandonedPartials(dir: string): void {
  for (const name of readdirSync(dir)) {
    const pid = Number(/^libs\.partial-(\d+)$/.exec(name)?.[1]);
    if (pid && !isRunning(pid)) rmSync(join(dir, name), { recursive: true, force: true });
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
