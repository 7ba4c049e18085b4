import { saslBrokerProperties, type SaslOptions } from './sasl.js';
import { tlsBrokerProperties, type TlsFiles } from './tls.js';
import { atLeast } from './versions.js';

/** Ports of one broker (combined with a controller in KRaft mode). */
export interface NodePorts {
  nodeId: number;
  port: number;
  /** KRaft controller listener; unused with ZooKeeper. */
  controllerPort: number;
  saslPort?: number;
  sslPort?: number;
  /** SASL_SSL listener: set when the cluster has both SASL and TLS. */
  saslSslPort?: number;
  /** Listener MTLS (security protocol SSL) that requires a client certificate. */
  mtlsPort?: number;
}

/** Everything that decides the brokers' server.properties. */
export interface ClusterLayout {
  version: string;
  nodes: NodePorts[];
  /** Set in ZooKeeper mode (Kafka < 3.3). */
  zooKeeperPort?: number;
  sasl?: SaslOptions;
  /** Set when the cluster has an SSL listener. */
  tls?: TlsFiles;
  /** Extra or overriding broker properties. */
  brokerProps: Record<string, string | number | boolean>;
}

/** The server.properties of one node of the cluster. */
export function brokerProperties(layout: ClusterLayout, node: NodePorts, dataDir: string): Record<string, string> {
  const replicas = layout.nodes.length;
  const minIsr = String(Math.min(2, replicas));
  const listeners = [`PLAINTEXT://127.0.0.1:${node.port}`];
  if (node.saslPort !== undefined) listeners.push(`SASL_PLAINTEXT://127.0.0.1:${node.saslPort}`);
  if (node.sslPort !== undefined) listeners.push(`SSL://127.0.0.1:${node.sslPort}`);
  if (node.saslSslPort !== undefined) listeners.push(`SASL_SSL://127.0.0.1:${node.saslSslPort}`);
  if (node.mtlsPort !== undefined) listeners.push(`MTLS://127.0.0.1:${node.mtlsPort}`);
  const protocols = 'PLAINTEXT:PLAINTEXT,SASL_PLAINTEXT:SASL_PLAINTEXT,SSL:SSL,SASL_SSL:SASL_SSL,MTLS:SSL';
  const props: Record<string, string> = {
    'log.dirs': dataDir,
    'advertised.listeners': listeners.join(','),
    'inter.broker.listener.name': 'PLAINTEXT',
    'auto.create.topics.enable': 'true',
    'num.partitions': '1',
    'default.replication.factor': String(replicas),
    'min.insync.replicas': minIsr,
    'offsets.topic.replication.factor': String(replicas),
    'offsets.topic.num.partitions': '1',
    'transaction.state.log.replication.factor': String(replicas),
    'transaction.state.log.min.isr': minIsr,
    // Without this every first consumer-group join waits 3 s.
    'group.initial.rebalance.delay.ms': '0',
  };
  if (atLeast(layout.version, 4, 0)) {
    props['share.coordinator.state.topic.replication.factor'] = String(replicas);
    props['share.coordinator.state.topic.min.isr'] = minIsr;
  }
  if (layout.zooKeeperPort === undefined) {
    Object.assign(props, {
      'process.roles': 'broker,controller',
      'node.id': String(node.nodeId),
      'controller.quorum.voters': layout.nodes.map((n) => `${n.nodeId}@127.0.0.1:${n.controllerPort}`).join(','),
      'controller.listener.names': 'CONTROLLER',
      listeners: [...listeners, `CONTROLLER://127.0.0.1:${node.controllerPort}`].join(','),
      'listener.security.protocol.map': `${protocols},CONTROLLER:PLAINTEXT`,
    });
    if (replicas > 1) {
      // A killed broker is fenced after 3 s instead of 9 s, so failover tests stay short.
      props['broker.session.timeout.ms'] = '3000';
      props['broker.heartbeat.interval.ms'] = '500';
    }
  } else {
    Object.assign(props, {
      'broker.id': String(node.nodeId),
      'zookeeper.connect': `127.0.0.1:${layout.zooKeeperPort}`,
      listeners: listeners.join(','),
      'listener.security.protocol.map': protocols,
    });
    // ZooKeeper's smallest session (2 ticks) is 4 s: a killed broker leaves within that.
    if (replicas > 1) props['zookeeper.session.timeout.ms'] = '4000';
  }
  if (layout.sasl) Object.assign(props, saslBrokerProperties(layout.sasl));
  if (layout.tls) Object.assign(props, tlsBrokerProperties(layout.tls));
  for (const [key, value] of Object.entries(layout.brokerProps)) props[key] = String(value);
  return props;
}

/** A Java properties file's text. */
export function propertiesText(props: Record<string, string>): string {
  const escape = (value: string) => value.replace(/\\/g, '\\\\').replace(/\n/g, '\\n');
  return Object.entries(props)
    .map(([key, value]) => `${key}=${escape(value)}`)
    .join('\n')
    .concat('\n');
}
