import { t } from '../i18n/index.js';
import type { CompressionName, SaslMechanism } from './types.js';
import { boolean, brokerList, integer, oneOf, secret, text, topicName, ValueError, type Parser } from './values.js';

/** Where a property takes effect; 'client' is librdkafka's '*' (both roles, one shared connection). */
export type Role = 'client' | 'producer' | 'consumer';

export type SecurityProtocol = 'plaintext' | 'ssl' | 'sasl_plaintext' | 'sasl_ssl';

export interface PropertyDef<T = unknown> {
  /** librdkafka's scope for the property. */
  scope: Role;
  parse: Parser<T>;
  /** The PHP demo's value, else librdkafka's default, else ckafka's (documented) choice. */
  default?: string;
  /** Other librdkafka names for the same property. */
  aliases?: readonly string[];
  /** Name at the top level of a config file: the PHP demo's CKafkaSetting.php keys. */
  key?: string;
  /** Environment variable (between the config file and the flags). */
  env?: string;
  /** Never printed: redacted in `config show` and left out of error messages. */
  secret?: boolean;
  /** May be written as an array in a file. */
  list?: boolean;
  /** false: a ckafka setting, not a librdkafka property (no -X, not in client/producer/consumer). */
  property?: false;
  /** What it becomes in kafkajs. */
  kafkajs: string;
  help: string;
}

const def = <T>(d: PropertyDef<T>): PropertyDef<T> => d;

const sessionTimeout: Parser<number> = (value) => {
  // Brokers refuse a session timeout outside group.min/max.session.timeout.ms, which default to
  // 6000 and 1800000 in Apache Kafka. Outside that range no default broker accepts the value,
  // so it is an error here; CKafka's narrower 6000–300000 is only a note (other clusters differ).
  try {
    return integer(6000, 1_800_000)(value);
  } catch {
    throw new ValueError(t.config.valueSessionTimeout);
  }
};

/**
 * Every setting ckafka honours, declared once: the config file keys, the environment variables,
 * `-X` names, defaults, the kafkajs mapping (src/config/map.ts) and docs/configuration.md follow it.
 */
export const PROPERTIES = {
  // ckafka's own keys (the demo's CKafkaSetting.php); not librdkafka properties.
  topic_name: def({ scope: 'client', parse: topicName, key: 'topic_name', env: 'CKAFKA_TOPIC_NAME', property: false, kafkajs: 'topic of produce/consume', help: 'Topic to produce to and consume from.' }),
  ckafka_instance_id: def({ scope: 'client', parse: text, key: 'ckafka_instance_id', env: 'CKAFKA_INSTANCE_ID', property: false, kafkajs: 'sasl.username prefix', help: "CKafka instance id (ckafka-xxxxxxxx): the SASL user name becomes '<instance id>#<sasl_username>', as in the public-network PHP demo." }),

  // Shared by producer and consumer (librdkafka '*').
  'bootstrap.servers': def({ scope: 'client', parse: brokerList, list: true, aliases: ['metadata.broker.list'], key: 'bootstrap_servers', env: 'CKAFKA_BOOTSTRAP_SERVERS', kafkajs: 'brokers', help: 'host:port of the access point, comma-separated or an array.' }),
  'client.id': def({ scope: 'client', parse: text, default: 'ckafka', env: 'CKAFKA_CLIENT_ID', kafkajs: 'clientId', help: 'Client id sent to the brokers (shown in broker logs and quotas).' }),
  'socket.timeout.ms': def({ scope: 'client', parse: integer(10, 300_000), default: '6000', kafkajs: 'requestTimeout; also connectionTimeout (capped at 10000) unless socket.connection.setup.timeout.ms is set', help: 'Network request timeout.' }),
  'socket.connection.setup.timeout.ms': def({ scope: 'client', parse: integer(1000, 2_147_483_647), kafkajs: 'connectionTimeout', help: 'TCP connection timeout (default: socket.timeout.ms, at most 10000; kafkajs itself waits only 1000).' }),
  'retry.backoff.ms': def({ scope: 'client', parse: integer(1, 300_000), default: '100', kafkajs: 'retry.initialRetryTime', help: 'Backoff before the first retry (kafkajs randomises and doubles it per attempt).' }),
  'reconnect.backoff.max.ms': def({ scope: 'client', parse: integer(0, 3_600_000), default: '3000', kafkajs: 'retry.maxRetryTime', help: 'Longest wait between retries and reconnects.' }),
  'message.max.bytes': def({ scope: 'client', parse: integer(1000, 1_000_000_000), default: '12582912', kafkajs: 'producer check before sending (ProducerSettings.messageMaxBytes)', help: 'Largest message ckafka sends; CKafka accepts 12 MB (12582912 bytes).' }),
  'security.protocol': def<SecurityProtocol>({ scope: 'client', parse: oneOf<SecurityProtocol>({ PLAINTEXT: 'plaintext', SSL: 'ssl', SASL_PLAINTEXT: 'sasl_plaintext', SASL_SSL: 'sasl_ssl' }), default: 'PLAINTEXT', env: 'CKAFKA_SECURITY_PROTOCOL', kafkajs: 'ssl and sasl', help: 'PLAINTEXT, SSL, SASL_PLAINTEXT (CKafka public network) or SASL_SSL. When unset, inferred from the SASL and TLS settings.' }),
  'sasl.mechanisms': def<SaslMechanism>({ scope: 'client', parse: oneOf<SaslMechanism>({ PLAIN: 'plain', 'SCRAM-SHA-256': 'scram-sha-256', 'SCRAM-SHA-512': 'scram-sha-512' }, { GSSAPI: () => t.config.whyKerberosMechanism, OAUTHBEARER: () => t.config.whyNotSupported }), aliases: ['sasl.mechanism'], default: 'PLAIN', env: 'CKAFKA_SASL_MECHANISMS', kafkajs: 'sasl.mechanism', help: 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512.' }),
  'sasl.username': def({ scope: 'client', parse: text, key: 'sasl_username', env: 'CKAFKA_SASL_USERNAME', kafkajs: 'sasl.username', help: "SASL user; for CKafka '<instance id>#<user>' (or set ckafka_instance_id)." }),
  'sasl.password': def({ scope: 'client', parse: secret, secret: true, key: 'sasl_password', env: 'CKAFKA_SASL_PASSWORD', kafkajs: 'sasl.password', help: 'SASL password. Never printed.' }),
  'sasl.password.file': def({ scope: 'client', parse: text, key: 'sasl_password_file', env: 'CKAFKA_SASL_PASSWORD_FILE', kafkajs: 'sasl.password (the file content, without the final newline)', help: 'ckafka extension: read sasl.password from this file (relative to the config file).' }),
  'ssl.ca.location': def({ scope: 'client', parse: text, env: 'CKAFKA_SSL_CA_LOCATION', kafkajs: 'ssl.ca (file content)', help: 'PEM file of the CA certificate(s) to trust instead of the system CAs.' }),
  'ssl.ca.pem': def({ scope: 'client', parse: text, kafkajs: 'ssl.ca', help: 'CA certificate(s) as a PEM string.' }),
  'ssl.certificate.location': def({ scope: 'client', parse: text, kafkajs: 'ssl.cert (file content)', help: 'PEM client certificate (mutual TLS).' }),
  'ssl.certificate.pem': def({ scope: 'client', parse: text, kafkajs: 'ssl.cert', help: 'Client certificate as a PEM string.' }),
  'ssl.key.location': def({ scope: 'client', parse: text, kafkajs: 'ssl.key (file content)', help: 'PEM private key of the client certificate.' }),
  'ssl.key.pem': def({ scope: 'client', parse: secret, secret: true, kafkajs: 'ssl.key', help: 'Client private key as a PEM string. Never printed.' }),
  'ssl.key.password': def({ scope: 'client', parse: secret, secret: true, kafkajs: 'ssl.passphrase', help: 'Passphrase of the private key. Never printed.' }),
  'enable.ssl.certificate.verification': def({ scope: 'client', parse: boolean, default: 'true', kafkajs: 'ssl.rejectUnauthorized', help: 'false accepts any broker certificate (testing only).' }),
  'ssl.endpoint.identification.algorithm': def<'https' | 'none'>({ scope: 'client', parse: oneOf<'https' | 'none'>({ https: 'https', none: 'none' }), default: 'https', kafkajs: 'ssl.checkServerIdentity (none: skip the host name check)', help: "https checks the broker's host name against its certificate; none does not." }),

  // Producer.
  acks: def<-1 | 0 | 1>({ scope: 'producer', parse: oneOf<-1 | 0 | 1>({ all: -1, '-1': -1, '0': 0, '1': 1 }), aliases: ['request.required.acks'], default: '1', kafkajs: 'send({ acks })', help: 'all/-1: all in-sync replicas; 1: the leader; 0: no acknowledgement.' }),
  retries: def({ scope: 'producer', parse: integer(0, 2_147_483_647), aliases: ['message.send.max.retries'], default: '0', kafkajs: 'producer retry.retries', help: 'Retries of a failed send (the demo uses 0 and recommends more).' }),
  'enable.idempotence': def({ scope: 'producer', parse: boolean, default: 'false', kafkajs: 'producer idempotent', help: 'Idempotent producer; implies acks=all and retries > 0.' }),
  'compression.type': def<CompressionName>({ scope: 'producer', parse: oneOf<CompressionName>({ none: 'none', gzip: 'gzip', snappy: 'snappy', lz4: 'lz4', zstd: 'zstd' }), aliases: ['compression.codec'], default: 'none', kafkajs: 'send({ compression })', help: 'none, gzip, snappy, lz4 or zstd (CKafka accepts snappy and lz4).' }),
  'request.timeout.ms': def({ scope: 'producer', parse: integer(1, 900_000), default: '30000', kafkajs: 'send({ timeout })', help: 'How long the broker may take to acknowledge a produce request.' }),
  'allow.auto.create.topics': def({ scope: 'producer', parse: boolean, default: 'true', kafkajs: 'produce to a missing topic: a Metadata request that lets the broker create it', help: "A missing topic is created by the broker when its auto.create.topics.enable is on (librdkafka's producer default); false refuses it. consume, check and inspection never create." }),
  'message.timeout.ms': def({ scope: 'producer', parse: integer(0, 2_147_483_647), aliases: ['delivery.timeout.ms'], kafkajs: 'caps send({ timeout }) (ckafka has no local queue; 0: no cap)', help: 'Upper bound for a delivery; ckafka applies it to the produce request timeout.' }),

  // Consumer.
  'group.id': def({ scope: 'consumer', parse: text, key: 'group_id', env: 'CKAFKA_GROUP_ID', kafkajs: 'consumer groupId', help: 'Consumer group (the demo uses php-demo).' }),
  'session.timeout.ms': def({ scope: 'consumer', parse: sessionTimeout, default: '10000', kafkajs: 'consumer sessionTimeout', help: 'Group session timeout; CKafka accepts 6000–300000.' }),
  'heartbeat.interval.ms': def({ scope: 'consumer', parse: integer(1, 3_600_000), kafkajs: 'consumer heartbeatInterval', help: 'Heartbeat interval (default: a third of session.timeout.ms, at most 3000); must be below session.timeout.ms.' }),
  'auto.offset.reset': def<'earliest' | 'latest'>({ scope: 'consumer', parse: oneOf<'earliest' | 'latest'>({ earliest: 'earliest', smallest: 'earliest', beginning: 'earliest', latest: 'latest', largest: 'latest', end: 'latest' }, { error: () => t.config.whyNotSupported }), default: 'earliest', kafkajs: 'subscribe({ fromBeginning })', help: 'Where a group without committed offsets starts.' }),
  'fetch.wait.max.ms': def({ scope: 'consumer', parse: integer(0, 300_000), default: '500', kafkajs: 'consumer maxWaitTimeInMs', help: 'Longest a fetch waits for data (also bounds how long Ctrl-C takes).' }),
  'fetch.max.bytes': def({ scope: 'consumer', parse: integer(0, 2_147_483_135), default: '16777216', kafkajs: 'consumer maxBytes', help: 'Most data per fetch (16 MiB: above CKafka 12 MB messages, bounded memory).' }),
  'max.partition.fetch.bytes': def({ scope: 'consumer', parse: integer(1, 1_000_000_000), aliases: ['fetch.message.max.bytes'], default: '1048576', kafkajs: 'consumer maxBytesPerPartition', help: 'Most data per partition and fetch (a larger message still arrives whole).' }),
};

export type PropertyName = keyof typeof PROPERTIES;
export type PropertyValue<K extends PropertyName> = (typeof PROPERTIES)[K] extends PropertyDef<infer T> ? T : never;

const ALL = PROPERTIES as Record<PropertyName, PropertyDef>;
export const PROPERTY_NAMES = Object.keys(PROPERTIES) as PropertyName[];

export function propertyDef(name: PropertyName): PropertyDef {
  return ALL[name];
}

const BY_NAME = new Map<string, PropertyName>();
const BY_KEY = new Map<string, PropertyName>();
const BY_ENV = new Map<string, PropertyName>();
for (const name of PROPERTY_NAMES) {
  const d = ALL[name];
  if (d.property !== false) {
    BY_NAME.set(name, name);
    for (const alias of d.aliases ?? []) BY_NAME.set(alias, name);
  }
  if (d.key !== undefined) BY_KEY.set(d.key, name);
  if (d.env !== undefined) BY_ENV.set(d.env, name);
}

/** The property a librdkafka name (or alias) denotes; undefined when ckafka does not know it. */
export const propertyByName = (name: string): PropertyName | undefined => BY_NAME.get(name);
/** The setting a top-level config file key denotes. */
export const propertyByKey = (key: string): PropertyName | undefined => BY_KEY.get(key);
export const propertyByEnv = (variable: string): PropertyName | undefined => BY_ENV.get(variable);
/** Every name accepted in client/producer/consumer objects and -X, aliases included. */
export const propertyNames = (): string[] => [...BY_NAME.keys()];
export const topLevelKeys = (): string[] => [...BY_KEY.keys()];
export const envVariables = (): string[] => [...BY_ENV.keys()];

/**
 * The PHP demo sets request.timeout.ms=305000 on its consumer, where librdkafka ignores it (a
 * producer property). ckafka keeps the demo's value as a default with the same (lack of) effect,
 * so `config show` can say so instead of turning it into a five-minute kafkajs request timeout.
 */
export const DEMO_IGNORED_DEFAULTS: ReadonlyArray<{ role: Role; name: PropertyName; value: string }> = [
  { role: 'consumer', name: 'request.timeout.ms', value: '305000' },
];
