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
  const named = `${protocolName(protocol)} (${protocolWhere})`;
  if (!inferred && values.given('security.protocol')) {
    const saslKey = SASL_KEYS.find((k) => values.given(k));
    if (!usesSasl(protocol) && saslKey !== undefined) {
      problems.add(values.where(saslKey), `SASL settings need security.protocol SASL_PLAINTEXT or SASL_SSL, but it is ${named}`);
    }
    const sslKey = SSL_KEYS.find((k) => values.given(k));
    if (!usesSsl(protocol) && sslKey !== undefined) {
      problems.add(values.where(sslKey), `TLS settings need security.protocol SSL or SASL_SSL, but it is ${named}`);
    }
  }
  if (usesSasl(protocol)) {
    // Attached to the setting that asks for SASL: the explicit protocol, or the first credential.
    const at = inferred ? values.where(SASL_KEYS.find((k) => values.given(k)) ?? 'sasl.username') : protocolWhere;
    const missing = (what: string) => (inferred ? `SASL settings are given, but no ${what}` : `${protocolName(protocol)} needs a SASL ${what}`);
    if (values.resolved('sasl.username') === undefined) {
      problems.add(at, `${missing('user name')}: set sasl_username (or CKAFKA_SASL_USERNAME, -X sasl.username=…)`);
    }
    if (values.resolved('sasl.password') === undefined) {
      problems.add(at, `${missing('password')}: set sasl_password or sasl_password_file (or CKAFKA_SASL_PASSWORD, CKAFKA_SASL_PASSWORD_FILE)`);
    }
  }
  const instance = values.get('ckafka_instance_id');
  const user = values.get('sasl.username');
  if (instance !== undefined && user !== undefined && user.includes('#') && !user.startsWith(`${instance}#`)) {
    problems.add(
      values.where('sasl.username'),
      `the user name already names an instance ('${user.slice(0, user.indexOf('#'))}#…') that differs from ckafka_instance_id '${instance}' (${values.where('ckafka_instance_id')})`,
    );
  }
  const hasCert = values.resolved('ssl.certificate.location') !== undefined;
  const hasKey = values.resolved('ssl.key.location') !== undefined;
  if (hasCert !== hasKey) {
    const [set, missing] = hasCert ? (['ssl.certificate.location', 'ssl.key.location'] as const) : (['ssl.key.location', 'ssl.certificate.location'] as const);
    problems.add(values.where(set), `a client certificate needs both a certificate and its key: ${missing} (or its .pem form) is missing`);
  }
  if (values.given('ssl.key.password') && !hasKey) {
    problems.add(values.where('ssl.key.password'), 'is set but there is no key (ssl.key.location or ssl.key.pem)');
  }
}

function validateConsumer(values: Values, problems: Problems): void {
  const session = values.must('session.timeout.ms');
  const heartbeat = values.get('heartbeat.interval.ms');
  if (heartbeat !== undefined && heartbeat >= session) {
    problems.add(values.where('heartbeat.interval.ms'), `expected less than session.timeout.ms (${session}, ${values.where('session.timeout.ms')}), got ${heartbeat}`);
  }
}

function validateProducer(values: Values, problems: Problems): void {
  if (values.get('enable.idempotence') !== true) return;
  const why = `enable.idempotence is true (${values.where('enable.idempotence')})`;
  if (values.given('acks') && values.get('acks') !== -1) {
    problems.add(values.where('acks'), `expected all (or -1) because ${why}, got ${values.get('acks')}`);
  }
  if (values.given('retries') && values.get('retries') === 0) {
    problems.add(values.where('retries'), `expected more than 0 because ${why}`);
  }
}
