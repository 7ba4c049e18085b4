/** A SASL_PLAINTEXT listener (and SASL_SSL with TLS) next to the plain one, accepting PLAIN, SCRAM-SHA-256 and SCRAM-SHA-512. */
export interface SaslOptions {
  /** User name → password. CKafka-style names (`ckafka-abc123#demo`) work. */
  users: Record<string, string>;
}

export const SASL_MECHANISMS = ['PLAIN', 'SCRAM-SHA-256', 'SCRAM-SHA-512'] as const;
const SCRAM = SASL_MECHANISMS.filter((m) => m !== 'PLAIN');

/** The listeners that authenticate with SASL: plain TCP, and TLS (CKafka's SASL_SSL access point). */
const SASL_LISTENERS = ['sasl_plaintext', 'sasl_ssl'] as const;

/** Broker properties that enable the mechanisms on the listeners named SASL_PLAINTEXT and SASL_SSL. */
export function saslBrokerProperties(options: SaslOptions): Record<string, string> {
  // Quote the keys: unquoted, a `#` in a CKafka user name starts a JAAS comment.
  const plainUsers = Object.entries(options.users)
    .map(([name, password]) => `${quote(`user_${name}`)}=${quote(password)}`)
    .join(' ');
  const props: Record<string, string> = { 'sasl.enabled.mechanisms': SASL_MECHANISMS.join(',') };
  for (const listener of SASL_LISTENERS) {
    props[`listener.name.${listener}.plain.sasl.jaas.config`] = `org.apache.kafka.common.security.plain.PlainLoginModule required ${plainUsers};`;
    for (const mechanism of SCRAM) {
      props[`listener.name.${listener}.${mechanism.toLowerCase()}.sasl.jaas.config`] =
        'org.apache.kafka.common.security.scram.ScramLoginModule required;';
    }
  }
  return props;
}

/** `kafka.tools.StorageTool format` flags that create the SCRAM users in a KRaft cluster. */
export function scramFormatArgs(options: SaslOptions): string[] {
  return Object.entries(options.users).flatMap(([name, password]) =>
    SCRAM.flatMap((mechanism) => ['--add-scram', `${mechanism}=[name=${name},password=${password}]`]),
  );
}

/** `kafka.admin.ConfigCommand` runs that create the SCRAM users in ZooKeeper, one per user. */
export function scramZooKeeperCommands(options: SaslOptions, zooKeeper: string): string[][] {
  return Object.entries(options.users).map(([name, password]) => [
    '--zookeeper', zooKeeper, '--alter', '--entity-type', 'users', '--entity-name', name,
    '--add-config', SCRAM.map((mechanism) => `${mechanism}=[password=${password}]`).join(','),
  ]);
}

function quote(value: string): string {
  return `"${value.replace(/["\\]/g, '\\$&')}"`;
}
