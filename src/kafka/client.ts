import { Kafka, logLevel as LogLevel, type KafkaConfig, type LogEntry } from 'kafkajs';
import type { ClientSettings } from '../config/types.js';
import type { OutStream } from '../io/io.js';
import { registerCodecs } from './codecs/index.js';
import { ResponseBuffers, responseSocketFactory } from './response-socket.js';

export interface ClientOptions {
  /** Where kafkajs's own log lines go (never stdout). */
  stderr: OutStream;
  /** 0: none (ckafka reports errors itself), 1: warnings, 2: info, 3+: debug. */
  verbosity?: number;
}

/** The kafkajs client for resolved settings; the only place a `Kafka` is constructed. */
export function createKafka(settings: ClientSettings, options: ClientOptions): Kafka {
  registerCodecs();
  const config: KafkaConfig = {
    clientId: settings.clientId,
    brokers: settings.brokers,
    connectionTimeout: settings.connectionTimeout,
    requestTimeout: settings.requestTimeout,
    retry: { ...settings.retry },
    logLevel: levelFor(options.verbosity ?? 0),
    logCreator: () => (entry) => writeLog(options.stderr, entry),
  };
  if (settings.ssl !== undefined) config.ssl = settings.ssl;
  if (settings.sasl !== undefined) config.sasl = settings.sasl as KafkaConfig['sasl'];
  // Plain TCP: whole responses in reused buffers (see response-socket.ts).
  else if (settings.ssl === undefined) config.socketFactory = responseSocketFactory(new ResponseBuffers()) as KafkaConfig['socketFactory'];
  return new Kafka(config);
}

function levelFor(verbosity: number): LogLevel {
  if (verbosity <= 0) return LogLevel.NOTHING;
  if (verbosity === 1) return LogLevel.WARN;
  if (verbosity === 2) return LogLevel.INFO;
  return LogLevel.DEBUG;
}

const LEVEL_NAMES: Record<number, string> = { 1: 'ERROR', 2: 'WARN', 4: 'INFO', 5: 'DEBUG' };

function writeLog(stderr: OutStream, entry: LogEntry): void {
  const { message, timestamp: _t, logger: _l, ...rest } = entry.log;
  const extra = Object.keys(rest).length > 0 ? ` ${JSON.stringify(rest)}` : '';
  stderr.write(`% kafkajs ${LEVEL_NAMES[entry.level] ?? entry.level} [${entry.namespace}] ${message}${extra}\n`);
}
