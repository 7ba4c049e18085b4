import type { Admin, Kafka } from 'kafkajs';

/** One broker connection of kafkajs 2.2.4, as far as ckafka sends requests of its own over it. */
export interface RawBroker {
  nodeId: number;
  /** The broker's ApiVersions answer: api key → supported versions. */
  versions?: Record<number, { minVersion: number; maxVersion: number }> | null;
  connectionPool: { send(request: { request: unknown; response: unknown }): Promise<unknown> };
  offsetCommit(args: {
    groupId: string;
    groupGenerationId: number;
    memberId: string;
    topics: { topic: string; partitions: { partition: number; offset: string }[] }[];
  }): Promise<unknown>;
  deleteGroups(groupIds: string[]): Promise<{ results: { groupId: string; errorCode: number; error?: Error & { type?: string } }[] }>;
}

/** The part of kafkajs's internal Cluster behind an admin client that ckafka uses. */
export interface AdminCluster {
  findGroupCoordinator(args: { groupId: string }): Promise<RawBroker>;
  findControllerBroker(): Promise<RawBroker>;
}

const CREATE_CLUSTER = 'private:Kafka:createCluster';
const clusters = new WeakMap<Admin, AdminCluster>();

/**
 * `kafka.admin()`, remembering the cluster kafkajs made for it (private, under Kafka's
 * `private:Kafka:createCluster` symbol, as producer-cluster.ts does for the producer), so that
 * requests kafkajs 2.2.4 lacks (OffsetDelete, IncrementalAlterConfigs) travel over the admin's
 * own connections, with its SASL/TLS and metadata.
 */
export function adminWithCluster(kafka: Kafka): Admin {
  const holder = kafka as unknown as Record<symbol, unknown>;
  const key = Object.getOwnPropertySymbols(kafka).find((s) => s.description === CREATE_CLUSTER);
  const create = key === undefined ? undefined : holder[key];
  if (key === undefined || typeof create !== 'function') return kafka.admin();
  let made: unknown;
  holder[key] = (options: unknown) => (made = (create as (o: unknown) => unknown)(options));
  let admin: Admin;
  try {
    admin = kafka.admin();
  } finally {
    holder[key] = create;
  }
  if (isAdminCluster(made)) clusters.set(admin, made);
  return admin;
}

/** The cluster behind an admin made by adminWithCluster; a kafkajs other than 2.2.4 is a bug to report. */
export function clusterOf(admin: Admin): AdminCluster {
  const cluster = clusters.get(admin);
  if (!cluster) throw new Error('this kafkajs does not expose its cluster (ckafka needs kafkajs 2.2.4)');
  return cluster;
}

function isAdminCluster(value: unknown): value is AdminCluster {
  const c = value as Partial<Record<keyof AdminCluster, unknown>> | undefined;
  return typeof c?.findGroupCoordinator === 'function' && typeof c.findControllerBroker === 'function';
}
