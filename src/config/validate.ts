import { t } from '../i18n/index.js';
import type { Values } from './lookup.js';
import type { Problems } from './problems.js';
import type { PropertyName, SecurityProtocol } from './properties.js';

const SASL_KEYS: readonly PropertyName[] = ['sasl.username', 'sasl.password', 'sasl.password.file', 'sasl.mechanisms', 'ckafka_instance_id'];
const SSL_KEYS: readonly PropertyName[] = [
  'ssl.ca.location',
  'ssl.ca.pem',
  'ssl.certificate.location',
  'ssl.certificate.pem',
  'ssl.key.location',
  'ssl.key.pem',
  'ssl.key.password',
  'enable.ssl.certificate.verification',
  'ssl.endpoint.identification.algorithm',
];

const PROTOCOL_NAMES: Record<SecurityProtocol, string> = {
  plaintext: 'PLAINTEXT',
  ssl: 'SSL',
  sasl_plaintext: 'SASL_PLAINTEXT',
  sasl_ssl: 'SASL_SSL',
};
export const protocolName = (p: SecurityProtocol): string => PROTOCOL_NAMES[p];

/**
 * The security protocol in effect: as given, else inferred from the other settings. The
 * public-network PHP demo sets SASL_PLAINTEXT in code and keeps only the credentials in
 * CKafkaSetting.php, so credentials alone must be enough.
 */
export function effectiveProtocol(values: Values): { protocol: SecurityProtocol; inferred: boolean } {
  if (values.given('security.protocol')) return { protocol: values.must('security.protocol'), inferred: false };
  const sasl = SASL_KEYS.some((k) => values.given(k));
  const ssl = SSL_KEYS.some((k) => values.given(k));
  const protocol: SecurityProtocol = sasl ? (ssl ? 'sasl_ssl' : 'sasl_plaintext') : ssl ? 'ssl' : 'plaintext';
  return { protocol, inferred: protocol !== 'plaintext' };
}

export const usesSasl = (p: SecurityProtocol): boolean => p === 'sasl_plaintext' || p === 'sasl_ssl';
export const usesSsl = (p: SecurityProtocol): boolean => p === 'ssl' || p === 'sasl_ssl';

/** Rules between settings; each broken rule is one problem naming where the value came from. */
export function validateCombinations(values: Values, problems: Problems): void {
  validateSecurity(values, problems);
  validateConsumer(values, problems);
  validateProducer(values, problems);
}

function validateSecurity(values: Values, problems: Problems): void {
  const { protocol, inferred } = effectiveProtocol(values);
  const protocolWhere = values.where('security.protocol');
  const named = t.config.protocolFrom(protocolName(protocol), protocolWhere);
  if (!inferred && values.given('security.protocol')) {
    const saslKey = SASL_KEYS.find((k) => values.given(k));
    if (!usesSasl(protocol) && saslKey !== undefined) {
      problems.add(values.where(saslKey), t.config.saslNeedsProtocol(named));
    }
    const sslKey = SSL_KEYS.find((k) => values.given(k));
    if (!usesSsl(protocol) && sslKey !== undefined) {
      problems.add(values.where(sslKey), t.config.tlsNeedsProtocol(named));
    }
  }
  if (usesSasl(protocol)) {
    // Attached to the setting that asks for SASL: the explicit protocol, or the first credential.
    const at = inferred ? values.where(SASL_KEYS.find((k) => values.given(k)) ?? 'sasl.username') : protocolWhere;
    const missing = (what: string) => (inferred ? t.config.saslGivenWithout(what) : t.config.protocolNeedsSasl(protocolName(protocol), what));
    if (values.resolved('sasl.username') === undefined) {
      problems.add(at, t.config.setSaslUsername(missing(t.config.saslUserName)));
    }
    if (values.resolved('sasl.password') === undefined) {
      problems.add(at, t.config.setSaslPassword(missing(t.config.saslPassword)));
    }
  }
  const instance = values.get('ckafka_instance_id');
  const user = values.get('sasl.username');
  if (instance !== undefined && user !== undefined && user.includes('#') && !user.startsWith(`${instance}#`)) {
    problems.add(
      values.where('sasl.username'),
      t.config.instanceMismatch(user.slice(0, user.indexOf('#')), instance, values.where('ckafka_instance_id')),
    );
  }
  const hasCert = values.resolved('ssl.certificate.location') !== undefined;
  const hasKey = values.resolved('ssl.key.location') !== undefined;
  if (hasCert !== hasKey) {
    const [set, missing] = hasCert ? (['ssl.certificate.location', 'ssl.key.location'] as const) : (['ssl.key.location', 'ssl.certificate.location'] as const);
    problems.add(values.where(set), t.config.certificateWithoutKey(missing));
  }
  if (values.given('ssl.key.password') && !hasKey) {
    problems.add(values.where('ssl.key.password'), t.config.keyPasswordWithoutKey);
  }
}

function validateConsumer(values: Values, problems: Problems): void {
  const session = values.must('session.timeout.ms');
  const heartbeat = values.get('heartbeat.interval.ms');
  if (heartbeat !== undefined && heartbeat >= session) {
    problems.add(values.where('heartbeat.interval.ms'), t.config.heartbeatNotBelowSession(session, values.where('session.timeout.ms'), heartbeat));
  }
}

function validateProducer(values: Values, problems: Problems): void {
  if (values.get('enable.idempotence') !== true) return;
  const why = t.config.idempotenceOn(values.where('enable.idempotence'));
  if (values.given('acks') && values.get('acks') !== -1) {
    problems.add(values.where('acks'), t.config.idempotenceAcks(why, String(values.get('acks'))));
  }
  if (values.given('retries') && values.get('retries') === 0) {
    problems.add(values.where('retries'), t.config.idempotenceRetries(why));
  }
}
