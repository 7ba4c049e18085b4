import type { Catalog } from '../i18n/index.js';

/** Where a configuration value came from, shown by `ckafka config show`. */
export type Source =
  | { kind: 'default' }
  | { kind: 'file'; path: string; /** Set when the value comes from a profile of that file. */ profile?: string }
  | { kind: 'env'; name: string }
  | { kind: 'flag'; name: string };

export interface Setting<T> {
  value: T;
  source: Source;
  /** e.g. "librdkafka ignores this property in a consumer; ckafka does the same": in English, as `config show -o json` gives it. */
  note?: string;
  /** The note in the user's language when that is not English, for people (`config show`). */
  localNote?: string;
  /** A password or key: never printed (`config show` and errors redact it). */
  secret?: boolean;
}

/** A note's text, given the config messages of a language: made in English and in the user's language. */
export type NoteText = (messages: Catalog['config']) => string;

/** A librdkafka-style property given on the command line (`-X k=v`, or a command flag). */
export interface PropertyOverride {
  role: 'client' | 'producer' | 'consumer';
  name: string;
  value: string;
  source: Source;
}

/** What a command asks the loader for. */
export interface ConfigRequest {
  cwd: string;
  env: Record<string, string | undefined>;
  /** --config PATH (else CKAFKA_CONFIG, else the cosmiconfig search). */
  configPath?: string;
  /** --profile NAME (else CKAFKA_PROFILE). */
  profile?: string;
  /** Values of flags the user typed. */
  flags: {
    bootstrapServers?: string;
    topic?: string;
    groupId?: string;
  };
  /** Raw `-X name=value` strings, in order; later ones win. */
  properties?: string[];
  /** Properties set by command flags such as --acks (they beat -X). */
  overrides?: PropertyOverride[];
}

export type SaslMechanism = 'plain' | 'scram-sha-256' | 'scram-sha-512';
export type CompressionName = 'none' | 'gzip' | 'snappy' | 'lz4' | 'zstd';

/** Connection settings, already mapped from librdkafka names; kafka/client.ts turns them into kafkajs. */
export interface ClientSettings {
  brokers: string[];
  clientId: string;
  connectionTimeout: number;
  requestTimeout: number;
  retry: { retries: number; initialRetryTime: number; maxRetryTime: number };
  /** Passed to tls.connect as is (kafkajs does); `true` means TLS with the system's CAs. */
  ssl?:
    | {
        ca?: string[];
        cert?: string;
        key?: string;
        /** ssl.key.password */
        passphrase?: string;
        rejectUnauthorized: boolean;
        /** Present only for ssl.endpoint.identification.algorithm=none: skips the host name check. */
        checkServerIdentity?: () => undefined;
      }
    | true;
  sasl?: { mechanism: SaslMechanism; username: string; password: string };
}

export interface ProducerSettings {
  acks: -1 | 0 | 1;
  retries: number;
  idempotent: boolean;
  compression: CompressionName;
  /** Producer request timeout (librdkafka request.timeout.ms / message.timeout.ms). */
  timeoutMs: number;
  /** Largest message accepted before sending (message.max.bytes; CKafka allows 12 MB). */
  messageMaxBytes: number;
  /** allow.auto.create.topics: a missing topic may be created by a broker that allows it. */
  autoCreateTopics: boolean;
}

export interface ConsumerSettings {
  groupId?: string;
  sessionTimeout: number;
  heartbeatInterval: number;
  /** auto.offset.reset: used only when the group has no committed offset. */
  autoOffsetReset: 'earliest' | 'latest';
  maxWaitTimeInMs: number;
  maxBytes: number;
  maxBytesPerPartition: number;
}

/** The effective configuration with provenance. */
export interface ResolvedConfig {
  /** The files that were read, in the order they were layered. */
  files: string[];
  profile?: string;
  bootstrapServers?: Setting<string[]>;
  topic?: Setting<string>;
  groupId?: Setting<string>;
  /** Every effective librdkafka property per role, with where it came from. */
  properties: Record<'client' | 'producer' | 'consumer', Record<string, Setting<string>>>;
  client: ClientSettings;
  producer: ProducerSettings;
  consumer: ConsumerSettings;
}
