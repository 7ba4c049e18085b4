import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brokerProperties, propertiesText, type ClusterLayout, type NodePorts } from './broker-config.js';
import { onProcessExit } from './exit-cleanup.js';
import { resolveKafkaJars, type KafkaJars } from './jars.js';
import { runJava, startJava, type JavaProcess } from './java-process.js';
import { writeLogConfig } from './log-config.js';
import { freePorts } from './ports.js';
import { waitForBrokers, waitForPort } from './ready.js';
import { scramFormatArgs, scramZooKeeperCommands, type SaslOptions } from './sasl.js';
import { logTails } from './tail.js';
import { createTlsFiles, type ClientCertificate } from './tls.js';
import { DEFAULT_KAFKA_VERSION, usesZooKeeper } from './versions.js';
import { startZooKeeper, ZOOKEEPER_JVM_ARGS } from './zookeeper.js';

export interface StartKafkaOptions {
  /** Apache Kafka version; default $KAFKA_VERSION or 3.9.1. Before 3.3 it runs with ZooKeeper. */
  version?: string;
  /** 1 (default) or 3 brokers; with 3, replication factor 3 and min.insync.replicas 2. */
  nodes?: 1 | 3;
  /** Adds a SASL_PLAINTEXT listener (PLAIN and SCRAM) with these users. */
  sasl?: SaslOptions;
  /**
   * Adds an SSL listener with a throwaway CA and a certificate for 127.0.0.1 (SAN IP:127.0.0.1);
   * with `sasl` too, a SASL_SSL listener (CKafka's SCRAM-over-TLS access point).
   */
  ssl?: boolean;
  /** Adds an SSL listener that requires a client certificate signed by the CA (implies `ssl`); see `clientCert`. */
  clientAuth?: boolean;
  /** Extra or overriding server.properties, e.g. `{ 'auto.create.topics.enable': false }`. */
  brokerProps?: Record<string, string | number | boolean>;
  /**
   * false: ready once every broker is in metadata, without the group coordinator warm-up, so the
   * cluster has never seen a group (no __consumer_offsets), as a new CKafka instance. Default true.
   */
  warmUpGroups?: boolean;
  /** How long the cluster may take to answer a client; default 60 s. */
  readyTimeoutMs?: number;
}

/** A running local Kafka cluster. */
export interface KafkaCluster {
  /** Comma-separated PLAINTEXT addresses, e.g. "127.0.0.1:41234". */
  bootstrap: string;
  brokers: string[];
  /** Comma-separated SASL_PLAINTEXT addresses when `sasl` was given. */
  saslBootstrap?: string;
  /** Comma-separated SSL addresses when `ssl` was given. */
  sslBootstrap?: string;
  /** Comma-separated SASL_SSL addresses when `sasl` and `ssl` were given. */
  saslSslBootstrap?: string;
  /** Comma-separated addresses of the SSL listener requiring a client certificate, when `clientAuth` was given. */
  mtlsBootstrap?: string;
  /** A client certificate (PEM files) signed by the CA, when `ssl` or `clientAuth` was given. */
  clientCert?: ClientCertificate;
  /** PEM file of the CA that signed the brokers' certificate, when `ssl` was given. */
  caFile?: string;
  version: string;
  mode: 'kraft' | 'zookeeper';
  /** Folder with each process's log (node-1/server.log, …). */
  logDir: string;
  /** Stops every process (SIGTERM, SIGKILL after a grace time) and removes the files, logs too unless kept. */
  stop(options?: { keepLogs?: boolean }): Promise<void>;
  /** SIGKILLs node `nodeIndex` (0-based), as a crash would. */
  kill(nodeIndex: number): Promise<void>;
  /** SIGSTOPs node `nodeIndex`: it keeps its connections but answers nothing until `resume`. */
  pause(nodeIndex: number): void;
  /** SIGCONTs a paused node. */
  resume(nodeIndex: number): void;
  /** Starts a killed node again and waits until it is back in the cluster. */
  restart(nodeIndex: number): Promise<void>;
  /** The last lines of every process's log, each under a header. */
  logTail(lines?: number): string;
}

interface Node {
  name: string;
  ports: NodePorts;
  dir: string;
  propsFile: string;
  logFile: string;
  outputFile: string;
  jvmArgs: string[];
  process?: JavaProcess;
}

const STOP_GRACE_MS = 10_000;

/** Starts a local Apache Kafka cluster from Maven Central jars and resolves once a client gets metadata. */
export async function startKafka(options: StartKafkaOptions = {}): Promise<KafkaCluster> {
  const version = options.version ?? process.env.KAFKA_VERSION ?? DEFAULT_KAFKA_VERSION;
  const jars = await resolveKafkaJars(version);
  const count = options.nodes ?? 1;
  const zooKeeper = usesZooKeeper(version);
  const root = mkdtempSync(join(tmpdir(), `ckafka-kafka-${version}-`));
  const tls = options.ssl || options.clientAuth ? await createTlsFiles(join(root, 'tls')) : undefined;
  const layout = { ...(await planLayout(version, count, zooKeeper, options)), ...(tls ? { tls } : {}) };
  // On a crash keep the logs but not the data.
  const forgetCleanup = onProcessExit(() => removeData(root));
  const heap = count === 1 ? '-Xmx512m' : '-Xmx384m';
  const nodes = layout.nodes.map((ports) => prepareNode(jars, layout, root, ports, heap));
  const zk = zooKeeper ? startZooKeeper(jars, join(root, 'zookeeper'), layout.zooKeeperPort as number) : undefined;
  const brokers = layout.nodes.map((n) => `127.0.0.1:${n.port}`);
  const deadline = Date.now() + (options.readyTimeoutMs ?? 60_000);

  const logTail = (lines = 60): string => logTails([...(zk ? [zk.files] : []), ...nodes], lines);
  const failure = (): string | undefined => {
    if (zk && !zk.process.running()) return 'ZooKeeper exited';
    const dead = nodes.find((n) => n.process && !n.process.running());
    return dead ? `${dead.name} exited` : undefined;
  };
  const stopAll = async (keepLogs: boolean): Promise<void> => {
    await Promise.all(nodes.map((n) => n.process?.stop(STOP_GRACE_MS)));
    await zk?.process.stop(STOP_GRACE_MS);
    forgetCleanup();
    if (keepLogs) removeData(root);
    else rmSync(root, { recursive: true, force: true });
  };

  try {
    if (zk) {
      await waitForPort(layout.zooKeeperPort as number, { deadline, failure });
      if (options.sasl) await addZooKeeperScramUsers(jars, options.sasl, layout.zooKeeperPort as number, root);
    } else {
      await formatStorage(jars, nodes, options.sasl);
    }
    for (const node of nodes) node.process = launch(jars, node);
    await waitForBrokers(brokers, count, { deadline, failure, warmUpGroups: options.warmUpGroups ?? true });
  } catch (error) {
    const tail = logTail();
    await stopAll(true);
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(`Kafka ${version} did not start: ${message}\nLogs kept in ${root}:\n${tail}`, { cause: error });
  }

  const nodeAt = (index: number): Node => {
    const node = nodes[index];
    if (!node) throw new RangeError(`no node ${index}: the cluster has ${nodes.length}`);
    return node;
  };
  return {
    bootstrap: brokers.join(','),
    brokers,
    ...(options.sasl ? { saslBootstrap: layout.nodes.map((n) => `127.0.0.1:${n.saslPort}`).join(',') } : {}),
    ...(tls ? { sslBootstrap: layout.nodes.map((n) => `127.0.0.1:${n.sslPort}`).join(','), caFile: tls.caFile, clientCert: tls.client } : {}),
    ...(tls && options.sasl ? { saslSslBootstrap: layout.nodes.map((n) => `127.0.0.1:${n.saslSslPort}`).join(',') } : {}),
    ...(options.clientAuth ? { mtlsBootstrap: layout.nodes.map((n) => `127.0.0.1:${n.mtlsPort}`).join(',') } : {}),
    version,
    mode: zooKeeper ? 'zookeeper' : 'kraft',
    logDir: root,
    stop: (stopOptions = {}) => stopAll(stopOptions.keepLogs ?? false),
    async kill(index) {
      await nodeAt(index).process?.kill();
    },
    pause(index) {
      nodeAt(index).process?.pause();
    },
    resume(index) {
      nodeAt(index).process?.resume();
    },
    async restart(index) {
      const node = nodeAt(index);
      if (node.process?.running()) throw new Error(`${node.name} is still running`);
      node.process = launch(jars, node);
      const others = brokers.filter((_, i) => i !== index);
      await waitForBrokers([brokers[index] as string, ...others], count, { deadline: Date.now() + 60_000, failure });
    },
    logTail,
  };
}

async function planLayout(version: string, count: number, zooKeeper: boolean, options: StartKafkaOptions): Promise<ClusterLayout> {
  const ssl = options.ssl === true || options.clientAuth === true;
  const perNode = 2 + (options.sasl ? 1 : 0) + (ssl ? 1 : 0) + (ssl && options.sasl ? 1 : 0) + (options.clientAuth ? 1 : 0);
  const ports = await freePorts(count * perNode + 1);
  const next = () => ports.pop() as number;
  return {
    version,
    nodes: Array.from({ length: count }, (_, i) => ({
      nodeId: i + 1,
      port: next(),
      controllerPort: next(),
      ...(options.sasl ? { saslPort: next() } : {}),
      ...(ssl ? { sslPort: next() } : {}),
      ...(ssl && options.sasl ? { saslSslPort: next() } : {}),
      ...(options.clientAuth ? { mtlsPort: next() } : {}),
    })),
    ...(zooKeeper ? { zooKeeperPort: next() } : {}),
    ...(options.sasl ? { sasl: options.sasl } : {}),
    brokerProps: options.brokerProps ?? {},
  };
}

function prepareNode(jars: KafkaJars, layout: ClusterLayout, root: string, ports: NodePorts, heap: string): Node {
  const name = `node-${ports.nodeId}`;
  const dir = join(root, name);
  mkdirSync(join(dir, 'data'), { recursive: true });
  const propsFile = join(dir, 'server.properties');
  writeFileSync(propsFile, propertiesText(brokerProperties(layout, ports, join(dir, 'data'))));
  const logFile = join(dir, 'server.log');
  const jvmArgs = [
    heap,
    '-XX:+ExitOnOutOfMemoryError',
    '-Djava.awt.headless=true',
    ...(layout.zooKeeperPort === undefined ? [] : ZOOKEEPER_JVM_ARGS),
    ...writeLogConfig(jars.version, dir, 'server', logFile),
  ];
  return { name, ports, dir, propsFile, logFile, outputFile: join(dir, 'stdout.log'), jvmArgs };
}

function launch(jars: KafkaJars, node: Node): JavaProcess {
  return startJava({ classpath: jars.classpath, mainClass: 'kafka.Kafka', args: [node.propsFile], jvmArgs: node.jvmArgs, outputFile: node.outputFile });
}

/** Formats every node's KRaft storage with one cluster id (in parallel: each is a JVM start). */
async function formatStorage(jars: KafkaJars, nodes: Node[], sasl: SaslOptions | undefined): Promise<void> {
  const clusterId = randomClusterId();
  await Promise.all(
    nodes.map((node) =>
      runJava({
        classpath: jars.classpath,
        mainClass: 'kafka.tools.StorageTool',
        args: ['format', '-t', clusterId, '-c', node.propsFile, ...(sasl ? scramFormatArgs(sasl) : [])],
        jvmArgs: ['-Xmx256m', ...node.jvmArgs.filter((arg) => arg.startsWith('-D'))],
        outputFile: join(node.dir, 'format.log'),
      }),
    ),
  );
}

async function addZooKeeperScramUsers(jars: KafkaJars, sasl: SaslOptions, port: number, root: string): Promise<void> {
  for (const args of scramZooKeeperCommands(sasl, `127.0.0.1:${port}`)) {
    await runJava({
      classpath: jars.classpath,
      mainClass: 'kafka.admin.ConfigCommand',
      args,
      jvmArgs: ['-Xmx256m', ...ZOOKEEPER_JVM_ARGS],
      outputFile: join(root, 'zookeeper', 'scram-users.log'),
    });
  }
}

/** What `StorageTool random-uuid` prints (16 random bytes, base64url), without starting a JVM for it. */
function randomClusterId(): string {
  for (;;) {
    const id = randomBytes(16).toString('base64url');
    // Kafka's Uuid.randomUuid() rejects ids that start with '-' (they look like flags).
    if (!id.startsWith('-')) return id;
  }
}

function removeData(root: string): void {
  for (const entry of readdirSync(root, { withFileTypes: true })) {
    if (entry.isDirectory()) rmSync(join(root, entry.name, 'data'), { recursive: true, force: true });
  }
}
