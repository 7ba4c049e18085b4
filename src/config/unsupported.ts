import { t } from '../i18n/index.js';

/**
 * librdkafka properties ckafka knows but cannot honour with kafkajs. Each is an error that says
 * why, rather than a setting that silently does nothing. Each reason is read from the catalog
 * when the message is made.
 */
type Reason = () => string;
const BATCHING: Reason = () => t.config.whyBatching;
const COMMITS: Reason = () => t.config.whyCommits;
const NO_KAFKAJS: Reason = () => t.config.whyNoKafkajs;
const VERBOSE: Reason = () => t.config.whyUseVerbose;
const API_VERSIONS: Reason = () => t.config.whyApiVersions;
const TRANSACTIONS: Reason = () => t.config.whyTransactions;
const NOT_YET: Reason = () => t.config.whyNotYet;
const KERBEROS: Reason = () => t.config.whyKerberos;
const OAUTHBEARER: Reason = () => t.config.whyOauthbearer;
const KEYSTORE: Reason = () => t.config.whyKeystore;

const REASONS: Readonly<Record<string, Reason>> = {
  'linger.ms': BATCHING,
  'queue.buffering.max.ms': BATCHING,
  'queue.buffering.max.messages': BATCHING,
  'queue.buffering.max.kbytes': BATCHING,
  'batch.num.messages': BATCHING,
  'batch.size': BATCHING,
  'sticky.partitioning.linger.ms': BATCHING,
  'enable.auto.commit': COMMITS,
  'auto.commit.interval.ms': COMMITS,
  'enable.auto.offset.store': COMMITS,
  'enable.partition.eof': () => t.config.whyPartitionEof,
  debug: VERBOSE,
  log_level: VERBOSE,
  'statistics.interval.ms': NO_KAFKAJS,
  'api.version.request': API_VERSIONS,
  'broker.version.fallback': API_VERSIONS,
  'partitioner': () => t.config.whyPartitioner,
  'compression.level': NO_KAFKAJS,
  'max.in.flight.requests.per.connection': NO_KAFKAJS,
  'max.in.flight': NO_KAFKAJS,
  'transactional.id': TRANSACTIONS,
  'transaction.timeout.ms': TRANSACTIONS,
  'partition.assignment.strategy': () => t.config.whyAssignor,
  'group.protocol': NO_KAFKAJS,
  'group.instance.id': NO_KAFKAJS,
  'group.remote.assignor': NO_KAFKAJS,
  'max.poll.interval.ms': () => t.config.whyPollInterval,
  'isolation.level': NOT_YET,
  'allow.auto.create.topics': NOT_YET,
  'client.rack': NO_KAFKAJS,
  'fetch.min.bytes': NO_KAFKAJS,
  'fetch.error.backoff.ms': NO_KAFKAJS,
  'queued.min.messages': NO_KAFKAJS,
  'queued.max.messages.kbytes': NO_KAFKAJS,
  'check.crcs': NO_KAFKAJS,
  'topic.metadata.refresh.interval.ms': NO_KAFKAJS,
  'metadata.max.age.ms': NO_KAFKAJS,
  'reconnect.backoff.ms': () => t.config.whyOneBackoff,
  'retry.backoff.max.ms': () => t.config.whyRetryBackoffMax,
  'socket.keepalive.enable': NO_KAFKAJS,
  'socket.nagle.disable': NO_KAFKAJS,
  'socket.send.buffer.bytes': NO_KAFKAJS,
  'socket.receive.buffer.bytes': NO_KAFKAJS,
  'receive.message.max.bytes': () => t.config.whyFetchMaxBytes,
  'sasl.kerberos.service.name': KERBEROS,
  'sasl.kerberos.principal': KERBEROS,
  'sasl.kerberos.keytab': KERBEROS,
  'sasl.oauthbearer.config': OAUTHBEARER,
  'sasl.oauthbearer.method': OAUTHBEARER,
  'ssl.keystore.location': KEYSTORE,
  'ssl.keystore.password': KEYSTORE,
  'ssl.cipher.suites': NO_KAFKAJS,
  'ssl.curves.list': NO_KAFKAJS,
  'ssl.sigalgs.list': NO_KAFKAJS,
  'ssl.crl.location': NO_KAFKAJS,
  'ssl.engine.location': NO_KAFKAJS,
};

/** Why ckafka refuses a librdkafka property it knows, or undefined for a name it does not know. */
export const unsupportedReason = (name: string): string | undefined => REASONS[name]?.();
