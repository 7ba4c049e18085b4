import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startJava, type JavaProcess } from './java-process.js';
import type { KafkaJars } from './jars.js';
import { writeLogConfig } from './log-config.js';

/** JVM flags every ZooKeeper-mode process needs: no SASL client noise, no admin server on :8080. */
export const ZOOKEEPER_JVM_ARGS = ['-Dzookeeper.sasl.client=false', '-Dzookeeper.admin.enableServer=false'];

/** A ZooKeeper server's files. */
export interface ZooKeeperFiles {
  name: 'zookeeper';
  dir: string;
  logFile: string;
  outputFile: string;
}

/** Starts the ZooKeeper bundled with Kafka < 3.3 on 127.0.0.1:`port`, its files under `dir`. */
export function startZooKeeper(jars: KafkaJars, dir: string, port: number): { files: ZooKeeperFiles; process: JavaProcess } {
  const files: ZooKeeperFiles = { name: 'zookeeper', dir, logFile: join(dir, 'zookeeper.log'), outputFile: join(dir, 'stdout.log') };
  mkdirSync(join(dir, 'data'), { recursive: true });
  const config = join(dir, 'zoo.cfg');
  const settings = [
    `dataDir=${join(dir, 'data')}`,
    `clientPort=${port}`,
    'clientPortAddress=127.0.0.1',
    'tickTime=2000',
    'maxClientCnxns=0',
    'admin.enableServer=false',
  ];
  writeFileSync(config, `${settings.join('\n')}\n`);
  const process = startJava({
    classpath: jars.classpath,
    mainClass: 'org.apache.zookeeper.server.ZooKeeperServerMain',
    args: [config],
    jvmArgs: ['-Xmx128m', ...ZOOKEEPER_JVM_ARGS, ...writeLogConfig(jars.version, dir, 'zookeeper', files.logFile)],
    outputFile: files.outputFile,
  });
  return { files, process };
}
