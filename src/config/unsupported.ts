/**
 * librdkafka properties ckafka knows but cannot honour with kafkajs. Each is an error that says
 * why, rather than a setting that silently does nothing.
 */
const BATCHING = 'ckafka batches its input itself (one request per batch of lines), so there is no local queue to tune';
const COMMITS = 'ckafka commits the offsets of the messages it has printed, itself';
const NO_KAFKAJS = 'kafkajs has no equivalent';

const REASONS: Readonly<Record<string, string>> = {
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
  'enable.partition.eof': 'ckafka tells when a consumer has caught up by itself (see `consume --help`)',
  debug: 'use -v (repeat it for more) to see the client log on stderr',
  log_level: 'use -v (repeat it for more) to see the client log on stderr',
  'statistics.interval.ms': NO_KAFKAJS,
  'api.version.request': 'kafkajs always negotiates API versions',
  'broker.version.fallback': 'kafkajs always negotiates API versions',
  'partitioner': 'ckafka uses the Java-compatible murmur2 partitioner for keys',
  'compression.level': NO_KAFKAJS,
  'max.in.flight.requests.per.connection': NO_KAFKAJS,
  'max.in.flight': NO_KAFKAJS,
  'transactional.id': 'ckafka does not produce in transactions',
  'transaction.timeout.ms': 'ckafka does not produce in transactions',
  'partition.assignment.strategy': 'ckafka uses kafkajs’s round-robin assignor',
  'group.protocol': NO_KAFKAJS,
  'group.instance.id': NO_KAFKAJS,
  'group.remote.assignor': NO_KAFKAJS,
  'max.poll.interval.ms': 'ckafka processes each batch as it arrives',
  'isolation.level': 'not supported by ckafka yet',
  'allow.auto.create.topics': 'not supported by ckafka yet',
  'client.rack': NO_KAFKAJS,
  'fetch.min.bytes': NO_KAFKAJS,
  'fetch.error.backoff.ms': NO_KAFKAJS,
  'queued.min.messages': NO_KAFKAJS,
  'queued.max.messages.kbytes': NO_KAFKAJS,
  'check.crcs': NO_KAFKAJS,
  'topic.metadata.refresh.interval.ms': NO_KAFKAJS,
  'metadata.max.age.ms': NO_KAFKAJS,
  'reconnect.backoff.ms': 'kafkajs has one backoff: use retry.backoff.ms and reconnect.backoff.max.ms',
  'retry.backoff.max.ms': 'use reconnect.backoff.max.ms (kafkajs retry.maxRetryTime)',
  'socket.keepalive.enable': NO_KAFKAJS,
  'socket.nagle.disable': NO_KAFKAJS,
  'socket.send.buffer.bytes': NO_KAFKAJS,
  'socket.receive.buffer.bytes': NO_KAFKAJS,
  'receive.message.max.bytes': 'use fetch.max.bytes',
  'sasl.kerberos.service.name': 'Kerberos (GSSAPI) is not supported by kafkajs',
  'sasl.kerberos.principal': 'Kerberos (GSSAPI) is not supported by kafkajs',
  'sasl.kerberos.keytab': 'Kerberos (GSSAPI) is not supported by kafkajs',
  'sasl.oauthbearer.config': 'OAUTHBEARER is not supported by ckafka',
  'sasl.oauthbearer.method': 'OAUTHBEARER is not supported by ckafka',
  'ssl.keystore.location': 'give the certificate and key as PEM files (ssl.certificate.location, ssl.key.location)',
  'ssl.keystore.password': 'give the certificate and key as PEM files (ssl.certificate.location, ssl.key.location)',
  'ssl.cipher.suites': NO_KAFKAJS,
  'ssl.curves.list': NO_KAFKAJS,
  'ssl.sigalgs.list': NO_KAFKAJS,
  'ssl.crl.location': NO_KAFKAJS,
  'ssl.engine.location': NO_KAFKAJS,
};

/** Why ckafka refuses a librdkafka property it knows, or undefined for a name it does not know. */
export const unsupportedReason = (name: string): string | undefined => REASONS[name];
