import { afterEach, describe, expect, it } from 'vitest';
import { editDistance, nearest } from '../../../src/config/suggest.js';
import { setLocale } from '../../../src/i18n/index.js';
import { loadError, tempDir, write } from './helpers.js';

/** The single problem message a file produces. */
async function fileProblem(doc: object | string, name = 'ckafka.config.json'): Promise<{ message: string; path: string }> {
  const dir = tempDir();
  const path = write(dir, name, doc);
  const error = await loadError(dir, name === 'ckafka.config.json' ? {} : { configPath: name });
  expect(error.kind).toBe('config');
  expect(error.exitCode).toBe(3);
  return { message: error.message, path };
}

/** A file with one problem, and (part of) the English message about it. */
const PROBLEMS: [object, string][] = [
  [{ topic_nme: 't' }, "topic_nme: unknown key (did you mean 'topic_name'?); expected one of"],
  [{ bootstrap_server: 'a:1' }, "bootstrap_server: unknown key (did you mean 'bootstrap_servers'?)"],
  [{ 'bootstrap.servers': 'a:1' }, `'bootstrap.servers' is a librdkafka property, not a top-level key: write it as "bootstrap_servers"`],
  [{ acks: 'all' }, `'acks' is a librdkafka property, not a top-level key: put it in "producer": { "acks": … }`],
  [{ producer: { 'retry.backof.ms': 1 } }, "producer.retry.backof.ms: unknown librdkafka property (did you mean 'retry.backoff.ms'?)"],
  [{ consumer: { sesion_timeout_ms: 1 } }, "consumer.sesion_timeout_ms: unknown librdkafka property (did you mean 'session.timeout.ms'?)"],
  [{ consumer: { 'frobnicate.level': 1 } }, 'consumer.frobnicate.level: unknown librdkafka property'],
  [{ producer: { 'linger.ms': 5 } }, "producer.linger.ms: 'linger.ms' is not supported by ckafka: ckafka batches its input itself"],
  [{ consumer: { 'enable.auto.commit': true } }, "consumer.enable.auto.commit: 'enable.auto.commit' is not supported by ckafka: ckafka commits the offsets of the messages it has printed"],
  [{ producer: { topic_name: 'x' } }, "producer.topic_name: 'topic_name' is a top-level key, not a librdkafka property"],
  [{ consumer: { group_id: 'x' } }, "consumer.group_id: 'group_id' is a top-level key; as a property it is called 'group.id'"],
  [{ producer: 'acks=1' }, 'producer: expected an object of librdkafka properties'],
  [{ profiles: [] }, 'profiles: expected an object of named profiles'],
  [{ profiles: { p: { profiles: {} } } }, 'profiles.p.profiles: is only allowed at the top level of the file, not inside a profile'],
  [{ profiles: { p: { producer: { akcs: 1 } } } }, "profiles.p.producer.akcs: unknown librdkafka property (did you mean 'acks'?)"],
  [{ default_profile: 3 }, 'default_profile: expected the name of a profile (or null)'],
  [{ bootstrap_servers: 'a:1,b' }, "bootstrap_servers: expected a list of host:port (a string 'a:9092,b:9092' or an array), got 'b'"],
  [{ bootstrap_servers: 'a:99999' }, "got 'a:99999'"],
  [{ bootstrap_servers: 'PLAINTEXT://a:9092' }, "without a scheme such as 'plaintext://', got 'PLAINTEXT://a:9092'"],
  [{ bootstrap_servers: '[::1]:9092' }, 'IPv6 literals'],
  [{ bootstrap_servers: '' }, 'bootstrap_servers: expected a list of host:port'],
  [{ bootstrap_servers: [1, 2] }, 'bootstrap_servers: expected a string or a list of strings, got a list'],
  [{ topic_name: 'a b' }, "topic_name: expected a topic name of 1–249 characters from a-z A-Z 0-9 . _ -, got 'a b'"],
  [{ topic_name: { x: 1 } }, 'topic_name: expected a string, number or boolean, got an object'],
  [{ producer: { acks: 2 } }, 'producer.acks: expected one of all, -1, 0, 1, got 2'],
  [{ producer: { retries: -1 } }, 'producer.retries: expected an integer from 0 to 2147483647, got -1'],
  [{ producer: { retries: 1.5 } }, 'producer.retries: expected an integer from 0 to 2147483647, got 1.5'],
  [{ producer: { 'enable.idempotence': 'yes' } }, "producer.enable.idempotence: expected true or false, got 'yes'"],
  [{ producer: { 'compression.type': 'brotli' } }, "producer.compression.type: expected one of none, gzip, snappy, lz4, zstd, got 'brotli'"],
  [{ consumer: { 'auto.offset.reset': 'error' } }, 'consumer.auto.offset.reset: expected one of earliest, smallest, beginning, latest, largest, end (not supported by ckafka)'],
  [{ client: { 'sasl.mechanisms': 'GSSAPI' } }, 'client.sasl.mechanisms: expected one of PLAIN, SCRAM-SHA-256, SCRAM-SHA-512 (Kerberos is not supported by kafkajs)'],
  [{ client: { 'security.protocol': 'TLS' } }, "client.security.protocol: expected one of PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL, got 'TLS'"],
  [{ consumer: { 'session.timeout.ms': 5000 } }, 'consumer.session.timeout.ms: expected an integer from 6000 to 1800000 (ms; brokers refuse other values by default, CKafka accepts 6000–300000), got 5000'],
  [{ consumer: { 'session.timeout.ms': 3600000 } }, 'got 3600000'],
  [{ consumer: { 'session.timeout.ms': 10000, 'heartbeat.interval.ms': 10000 } }, 'consumer.heartbeat.interval.ms: expected less than session.timeout.ms (10000,'],
  [{ producer: { 'enable.idempotence': true, acks: 1 } }, 'producer.acks: expected all (or -1) because enable.idempotence is true ('],
  [{ producer: { 'enable.idempotence': true, retries: 0 } }, 'producer.retries: expected more than 0 because enable.idempotence is true'],
  [{ producer: { 'socket.timeout.ms': 6000 }, consumer: { 'socket.timeout.ms': 9000 } }, "consumer.socket.timeout.ms: conflicts with producer.socket.timeout.ms ('6000' and '9000'): ckafka uses one connection setup for producing and consuming"],
  [{ producer: { acks: '1', 'request.required.acks': 'all' } }, "producer.request.required.acks: conflicts with producer.acks ('1' and 'all'): set only one"],
  [{ bootstrap_servers: 'a:1', client: { 'bootstrap.servers': 'b:1' } }, 'client.bootstrap.servers: conflicts with bootstrap_servers'],
  [{ sasl_username: 'u', sasl_password: 'x', sasl_password_file: 'f' }, 'sasl_password_file: conflicts with sasl_password: set only one'],
  [{ sasl_username: 'u' }, 'sasl_username: SASL settings are given, but no password: set sasl_password or sasl_password_file'],
  [{ sasl_password: 'p' }, 'SASL settings are given, but no user name: set sasl_username'],
  [{ sasl_password: 'p', client: { 'security.protocol': 'SASL_SSL' } }, 'client.security.protocol: SASL_SSL needs a SASL user name: set sasl_username'],
  [{ sasl_username: 'u', sasl_password: 'p', client: { 'security.protocol': 'PLAINTEXT' } }, 'sasl_username: SASL settings need security.protocol SASL_PLAINTEXT or SASL_SSL, but it is PLAINTEXT ('],
  [{ client: { 'security.protocol': 'SASL_PLAINTEXT', 'ssl.ca.location': 'x' }, sasl_username: 'u', sasl_password: 'p' }, 'client.ssl.ca.location: TLS settings need security.protocol SSL or SASL_SSL, but it is SASL_PLAINTEXT'],
  [{ ckafka_instance_id: 'ckafka-1', sasl_username: 'ckafka-2#u', sasl_password: 'p' }, "sasl_username: the user name already names an instance ('ckafka-2#…') that differs from ckafka_instance_id 'ckafka-1'"],
  [{ client: { 'security.protocol': 'SSL', 'ssl.certificate.location': 'c.pem' } }, 'client.ssl.certificate.location: a client certificate needs both a certificate and its key: ssl.key.location'],
];

describe('validation messages: the file, the key, what was expected', () => {
  it.each(PROBLEMS)('%j', async (doc, expected) => {
    const { message, path } = await fileProblem(doc);
    expect(message).toContain(expected);
    expect(message.startsWith(`${path}: `), message).toBe(true);
  });

  describe('in Chinese', () => {
    afterEach(() => setLocale('en'));

    // Names, values and the place stay; every word around them is Chinese.
    it.each(PROBLEMS)('%j', async (doc) => {
      const en = await fileProblem(doc);
      setLocale('zh-CN');
      const zh = await fileProblem(doc);
      const key = en.message.slice(en.path.length + 2, en.message.indexOf(': ', en.path.length + 2));
      expect(zh.message.startsWith(`${zh.path}: ${key}：`), zh.message).toBe(true);
      expect(zh.message).toMatch(/[\u4e00-\u9fff]/);
      expect(zh.message).not.toMatch(/\b(expected|unknown|not supported|conflicts|needs|is a|got|settings are|but it is|set only|write it|put it)\b/);
      for (const quoted of en.message.match(/'[^']*'/g) ?? []) expect(zh.message, quoted).toContain(quoted);
    });
  });

  it('names the environment variable or flag when the value came from there', async () => {
    const dir = tempDir();
    const env = await loadError(dir, { env: { CKAFKA_BOOTSTRAP_SERVERS: 'nohost' } });
    expect(env.message).toBe("environment variable CKAFKA_BOOTSTRAP_SERVERS: expected a list of host:port (a string 'a:9092,b:9092' or an array), got 'nohost'");
    const flag = await loadError(dir, { properties: ['fetch.wait.max.ms=soon'] });
    expect(flag.message).toBe("-X fetch.wait.max.ms: expected an integer from 0 to 300000, got 'soon'");
    const typed = await loadError(dir, { flags: { bootstrapServers: 'x' } });
    expect(typed.message).toContain('--bootstrap-servers: expected a list of host:port');
  });

  it('a file that cannot be read names the key and the path', async () => {
    const dir = tempDir();
    write(dir, 'ckafka.config.json', { sasl_username: 'u', sasl_password_file: 'missing.txt', client: { 'security.protocol': 'SASL_SSL', 'ssl.ca.location': 'ca.pem' } });
    write(dir, 'ca.pem', 'not a certificate');
    const error = await loadError(dir);
    expect(error.message).toContain(`${dir}/ckafka.config.json: sasl_password_file: cannot read '${dir}/missing.txt': no such file`);
    expect(error.message).toContain(`${dir}/ckafka.config.json: client.ssl.ca.location: '${dir}/ca.pem' does not contain a PEM certificate`);
  });

  it('an empty password file is an error', async () => {
    const dir = tempDir();
    write(dir, 'pw', '\n');
    const error = await loadError(dir, { env: { CKAFKA_SASL_USERNAME: 'u', CKAFKA_SASL_PASSWORD_FILE: `${dir}/pw` } });
    expect(error.message).toBe(`environment variable CKAFKA_SASL_PASSWORD_FILE: '${dir}/pw' is empty`);
  });

  it('reports every problem at once, one line each', async () => {
    const { message, path } = await fileProblem({ topic_nme: 't', producer: { acks: 'some', 'linger.ms': 1 } });
    expect(message.split('\n')).toEqual([
      '3 problems in the configuration:',
      expect.stringMatching(new RegExp(`^  - ${path}: topic_nme: unknown key`)),
      `  - ${path}: producer.linger.ms: 'linger.ms' is not supported by ckafka: ckafka batches its input itself (one request per batch of lines), so there is no local queue to tune`,
      `  - ${path}: producer.acks: expected one of all, -1, 0, 1, got 'some'`,
    ]);
  });

  it('never repeats a secret in a message', async () => {
    const secrets = [
      { sasl_password: 12345678 },
      { sasl_password: 'hunter2', client: { 'sasl.password': 'other-hunter2' } },
      { sasl_pasword: 'hunter2' },
    ];
    for (const doc of secrets) {
      const { message } = await fileProblem(doc);
      expect(message).not.toContain('hunter2');
      expect(message).not.toContain('12345678');
    }
    expect((await fileProblem({ sasl_password: 12345678 })).message).toContain('sasl_password: expected a string (put it in quotes)');
    const xflag = await loadError(tempDir(), { properties: ['sasl.password:hunter2'] });
    expect(xflag.kind).toBe('usage');
    expect(xflag.message).toBe("-X expects name=value, but the 1st -X has no '='");
  });
});

describe('nearest-name suggestions', () => {
  it('edit distance counts insertions, deletions, substitutions and swaps', () => {
    expect(editDistance('acks', 'acks')).toBe(0);
    expect(editDistance('akcs', 'acks')).toBe(1);
    expect(editDistance('ack', 'acks')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });

  it('ignores separators and case, and suggests nothing far away', () => {
    expect(nearest('Retry_Backoff_MS', ['retry.backoff.ms', 'retries'])).toBe('retry.backoff.ms');
    expect(nearest('zzz', ['acks', 'retries'])).toBeUndefined();
  });
});
