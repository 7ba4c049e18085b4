import { CkafkaError, type ErrorKind } from '../errors/errors.js';
import { t } from '../i18n/index.js';

// kafkajs error names and broker error types, mapped to what the user can act on.
const AUTH_TYPES = new Set([
  'SASL_AUTHENTICATION_FAILED',
  'UNSUPPORTED_SASL_MECHANISM',
  'ILLEGAL_SASL_STATE',
  'TOPIC_AUTHORIZATION_FAILED',
  'GROUP_AUTHORIZATION_FAILED',
  'CLUSTER_AUTHORIZATION_FAILED',
  'TRANSACTIONAL_ID_AUTHORIZATION_FAILED',
]);
const TLS_CODES = /CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY|DEPTH_ZERO|ERR_TLS/i;
// TLS alerts a broker sends when it wants a client certificate it trusts: bad_certificate (42),
// certificate_unknown (46), unknown_ca (48), certificate_required (116, TLS 1.3). Node names a
// received alert "sslv3 alert <name>" / "tlsv13 alert <name>"; its own verdicts on the broker's
// certificate read differently ("self-signed certificate", "unable to verify…").
const CLIENT_CERT_ALERT = /alert (bad certificate|certificate unknown|unknown ca|certificate required)|SSL alert number (42|46|48|116)\b/i;
const CERT_VERIFY_CODES = /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|DEPTH_ZERO|UNABLE_TO_GET_ISSUER/;
const UNREACHABLE_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNRESET']);

interface ErrorLike {
  name?: string;
  message?: string;
  type?: string;
  code?: string;
  cause?: unknown;
  originalError?: unknown;
}

/** The chain of an error and its causes, outermost first. */
export function causeChain(error: unknown): ErrorLike[] {
  const chain: ErrorLike[] = [];
  let current: unknown = error;
  while (current && typeof current === 'object' && chain.length < 10) {
    const e = current as ErrorLike;
    chain.push(e);
    current = e.cause ?? e.originalError;
  }
  return chain;
}

/** The innermost useful message: kafkajs wraps the real reason ("self-signed certificate") in retries. */
export function rootMessage(error: unknown): string {
  const chain = causeChain(error);
  const messages = chain.map((e) => e.message).filter((m): m is string => typeof m === 'string' && m.length > 0);
  return messages.at(-1) ?? String(error);
}

/** Classifies a kafkajs or socket error into our kinds; `where` names the operation and brokers. */
export function translateKafkaError(error: unknown, where: { action: string; brokers?: string[] }): CkafkaError {
  if (error instanceof CkafkaError) return error;
  const chain = causeChain(error);
  const names = chain.map((e) => e.name ?? '');
  const types = chain.map((e) => e.type ?? '');
  const codes = chain.map((e) => e.code ?? '');
  const text = chain.map((e) => e.message ?? '').join(' | ');
  const root = rootMessage(error);
  const at = where.brokers?.length ? t.kafka.atBootstrap(where.brokers.join(',')) : '';

  const make = (kind: ErrorKind, message: string, hint?: string) =>
    new CkafkaError(kind, message, { hint, cause: error });

  if (names.includes('KafkaJSSASLAuthenticationError') || types.some((type) => AUTH_TYPES.has(type) && type.startsWith('SASL')) || types.includes('UNSUPPORTED_SASL_MECHANISM')) {
    return make('auth', t.kafka.authFailed(where.action, at, root), t.kafka.authFailedHint);
  }
  if (types.some((type) => AUTH_TYPES.has(type))) {
    return make('auth', t.kafka.notAuthorised(where.action, root), t.kafka.notAuthorisedHint);
  }
  if (CLIENT_CERT_ALERT.test(text)) {
    const alert = /alert ([a-z ]+?)(?::|$)/i.exec(text)?.[1] ?? 'bad certificate';
    return make('auth', t.kafka.tlsClientCertRequired(where.action, at, alert), t.kafka.tlsClientCertRequiredHint);
  }
  if (codes.some((c) => TLS_CODES.test(c)) || /certificate|SSL routines|TLS/i.test(text)) {
    // ckafka's verdict on the broker's certificate carries a code; a handshake the broker broke off
    // does not, and some brokers (Kafka 2.4) break it off that way when a client certificate is missing.
    const brokerVerdict = !codes.some((c) => CERT_VERIFY_CODES.test(c));
    return make('auth', t.kafka.tlsFailure(where.action, at, root), brokerVerdict ? t.kafka.tlsFailureMutualHint : t.kafka.tlsFailureHint);
  }
  if (names.includes('KafkaJSConnectionClosedError') && /SASL|auth/i.test(text)) {
    return make('auth', t.kafka.closedDuringAuth(where.action, at), t.kafka.closedDuringAuthHint);
  }
  if (types.includes('UNKNOWN_TOPIC_OR_PARTITION')) {
    return make('broker', t.kafka.unknownTopicOrPartition(where.action, root), t.kafka.unknownTopicOrPartitionHint);
  }
  if (types.includes('MESSAGE_TOO_LARGE') || types.includes('RECORD_LIST_TOO_LARGE')) {
    return make('broker', t.kafka.messageTooLarge(where.action, root), t.kafka.messageTooLargeHint);
  }
  if (types.some((type) => type !== '') && names.includes('KafkaJSProtocolError')) {
    const type = types.find((x) => x !== '') ?? '';
    return make('broker', t.kafka.brokerRefused(where.action, type, root));
  }
  if (
    codes.some((c) => UNREACHABLE_CODES.has(c)) ||
    names.some((n) => n === 'KafkaJSConnectionError' || n === 'KafkaJSNonRetriableError' || n === 'KafkaJSRequestTimeoutError' || n === 'KafkaJSBrokerNotFound' || n === 'KafkaJSNoBrokerAvailableError' || n === 'KafkaJSTimeout') ||
    /ECONNREFUSED|ENOTFOUND|timed? ?out|Connection error|connect/i.test(text)
  ) {
    return make('unreachable', t.kafka.unreachable(where.action, at, root), t.kafka.unreachableHint);
  }
  return make('broker', t.kafka.failed(where.action, root));
}
