import { describe, expect, it } from 'vitest';
import { PROPERTIES, PROPERTY_NAMES, propertyByName } from '../../../src/config/properties.js';
import { load, loadError, tempDir, write } from './helpers.js';

const x = (...properties: string[]) => ({ properties });
const CERT = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';
const KEY = '-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----\n';

describe('librdkafka properties → kafkajs settings', () => {
  it('maps the client-wide properties', async () => {
    const config = await load(tempDir(), x('bootstrap.servers=a:1, b:2', 'client.id=me', 'socket.timeout.ms=20000', 'retry.backoff.ms=250', 'reconnect.backoff.max.ms=8000'));
    expect(config.client).toEqual({
      brokers: ['a:1', 'b:2'],
      clientId: 'me',
      requestTimeout: 20000,
      connectionTimeout: 10000,
      retry: { retries: 5, initialRetryTime: 250, maxRetryTime: 8000 },
    });
  });

  it('connectionTimeout: socket.timeout.ms up to 10 s, or socket.connection.setup.timeout.ms', async () => {
    const dir = tempDir();
    expect((await load(dir)).client.connectionTimeout).toBe(6000);
    expect((await load(dir, x('socket.timeout.ms=3000'))).client.connectionTimeout).toBe(3000);
    const explicit = await load(dir, x('socket.connection.setup.timeout.ms=15000'));
    expect(explicit.client.connectionTimeout).toBe(15000);
    expect(explicit.properties.client['socket.connection.setup.timeout.ms']?.note).toBeUndefined();
    expect((await load(dir)).properties.client['socket.connection.setup.timeout.ms']?.note).toContain('derived');
  });

  it('maps the producer properties, with librdkafka aliases', async () => {
    const config = await load(tempDir(), x('request.required.acks=-1', 'message.send.max.retries=3', 'compression.codec=lz4', 'request.timeout.ms=15000', 'message.max.bytes=1048576', 'allow.auto.create.topics=false'));
    expect(config.producer).toEqual({ acks: -1, retries: 3, idempotent: false, compression: 'lz4', timeoutMs: 15000, messageMaxBytes: 1048576, autoCreateTopics: false });
    expect(config.properties.producer['compression.type']?.value).toBe('lz4');
  });

  it.each([
    ['all', -1],
    ['-1', -1],
    ['1', 1],
    ['0', 0],
    ['ALL', -1],
  ])('acks=%s → %d', async (value, acks) => {
    expect((await load(tempDir(), x(`acks=${value}`))).producer.acks).toBe(acks);
  });

  it('allow.auto.create.topics defaults to true for the producer, as librdkafka', async () => {
    expect((await load(tempDir())).producer.autoCreateTopics).toBe(true);
  });

  it('message.max.bytes defaults to CKafka’s 12 MB', async () => {
    expect((await load(tempDir())).producer.messageMaxBytes).toBe(12 * 1024 * 1024);
  });

  it('message.timeout.ms caps the produce timeout (0: no cap)', async () => {
    const dir = tempDir();
    expect((await load(dir, x('message.timeout.ms=5000'))).producer.timeoutMs).toBe(5000);
    expect((await load(dir, x('message.timeout.ms=0'))).producer.timeoutMs).toBe(30000);
    expect((await load(dir, x('delivery.timeout.ms=60000'))).producer.timeoutMs).toBe(30000);
  });

  it('enable.idempotence implies acks=all and some retries, as in librdkafka', async () => {
    const config = await load(tempDir(), x('enable.idempotence=true'));
    expect(config.producer).toMatchObject({ idempotent: true, acks: -1, retries: 5 });
    expect(config.properties.producer.acks?.note).toContain('implies acks=all');
    expect((await load(tempDir(), x('enable.idempotence=true', 'acks=all', 'retries=2'))).producer).toMatchObject({ acks: -1, retries: 2 });
  });

  it('maps the consumer properties', async () => {
    const config = await load(tempDir(), x('group.id=g', 'session.timeout.ms=30000', 'heartbeat.interval.ms=5000', 'auto.offset.reset=largest', 'fetch.wait.max.ms=100', 'fetch.max.bytes=1000000', 'fetch.message.max.bytes=50000'));
    expect(config.consumer).toEqual({ groupId: 'g', sessionTimeout: 30000, heartbeatInterval: 5000, autoOffsetReset: 'latest', maxWaitTimeInMs: 100, maxBytes: 1000000, maxBytesPerPartition: 50000 });
    expect(config.groupId).toEqual({ value: 'g', source: { kind: 'flag', name: '-X group.id' } });
  });

  it('heartbeat.interval.ms defaults to a third of the session timeout, at most 3000', async () => {
    expect((await load(tempDir())).consumer.heartbeatInterval).toBe(3000);
    expect((await load(tempDir(), x('session.timeout.ms=6000'))).consumer.heartbeatInterval).toBe(2000);
  });

  it("the demo's consumer request.timeout.ms has no effect anywhere, and says so", async () => {
    const dir = tempDir();
    write(dir, 'ckafka.config.json', { consumer: { 'request.timeout.ms': 305000, 'session.timeout.ms': 10000 } });
    const config = await load(dir);
    expect(config.client.requestTimeout).toBe(6000);
    expect(config.producer.timeoutMs).toBe(30000);
    expect(config.properties.consumer['request.timeout.ms']).toMatchObject({
      value: '305000',
      note: expect.stringContaining('librdkafka ignores request.timeout.ms in a consumer'),
    });
    expect(config.properties.producer['request.timeout.ms']?.value).toBe('30000');
  });

  it('a consumer property in the producer object is ignored with a note (as librdkafka does)', async () => {
    const dir = tempDir();
    write(dir, 'ckafka.config.json', { producer: { 'session.timeout.ms': 30000 } });
    const config = await load(dir);
    expect(config.consumer.sessionTimeout).toBe(10000);
    expect(config.properties.producer['session.timeout.ms']?.note).toContain('librdkafka ignores session.timeout.ms in a producer');
  });

  it('client-wide properties under producer/consumer apply to the shared connection', async () => {
    const dir = tempDir();
    write(dir, 'ckafka.config.json', { producer: { 'socket.timeout.ms': 7000, 'reconnect.backoff.max.ms': 3000 }, consumer: { 'reconnect.backoff.max.ms': 3000 } });
    const config = await load(dir);
    expect(config.client.requestTimeout).toBe(7000);
    expect(config.properties.client['socket.timeout.ms']?.value).toBe('7000');
  });

  it('properties in "client" apply to both roles', async () => {
    const dir = tempDir();
    write(dir, 'ckafka.config.json', { client: { acks: 'all', 'session.timeout.ms': 20000 } });
    const config = await load(dir);
    expect(config.producer.acks).toBe(-1);
    expect(config.consumer.sessionTimeout).toBe(20000);
  });

  it('files may hold numbers and booleans where librdkafka takes strings', async () => {
    const dir = tempDir();
    write(dir, 'ckafka.config.json', { bootstrap_servers: ['a:1', 'b:2'], producer: { acks: -1, 'enable.idempotence': true, retries: 2 } });
    const config = await load(dir);
    expect(config.client.brokers).toEqual(['a:1', 'b:2']);
    expect(config.producer).toMatchObject({ acks: -1, idempotent: true });
    expect(config.bootstrapServers?.value).toEqual(['a:1', 'b:2']);
  });
});

describe('SASL and TLS', () => {
  it.each([
    ['PLAIN', 'plain'],
    ['SCRAM-SHA-256', 'scram-sha-256'],
    ['scram-sha-512', 'scram-sha-512'],
  ])('sasl.mechanisms=%s', async (mechanism, expected) => {
    const config = await load(tempDir(), x('security.protocol=SASL_PLAINTEXT', `sasl.mechanisms=${mechanism}`, 'sasl.username=u', 'sasl.password=p'));
    expect(config.client.sasl).toEqual({ mechanism: expected, username: 'u', password: 'p' });
    expect(config.client.ssl).toBeUndefined();
  });

  it("CKafka public network: ckafka_instance_id + '#' + sasl_username", async () => {
    const dir = tempDir();
    write(dir, 'ckafka.config.json', { bootstrap_servers: 'ckafka-abc123.ap-guangzhou.ckafka.tencentcloudmq.com:50000', ckafka_instance_id: 'ckafka-abc123', sasl_username: 'demo', sasl_password: 's3cret' });
    const config = await load(dir);
    expect(config.client.sasl).toEqual({ mechanism: 'plain', username: 'ckafka-abc123#demo', password: 's3cret' });
    expect(config.properties.client['security.protocol']).toMatchObject({ value: 'SASL_PLAINTEXT', note: expect.stringContaining('inferred') });
    expect(config.properties.client['sasl.username']?.note).toContain("sent as 'ckafka-abc123#demo'");
  });

  it('a user name that already carries the instance id is not prefixed twice', async () => {
    const config = await load(tempDir(), { env: { CKAFKA_INSTANCE_ID: 'ckafka-abc123', CKAFKA_SASL_USERNAME: 'ckafka-abc123#demo', CKAFKA_SASL_PASSWORD: 'p' } });
    expect(config.client.sasl?.username).toBe('ckafka-abc123#demo');
  });

  it('reads the password from sasl.password.file (relative to the config file, final newline dropped)', async () => {
    const dir = tempDir();
    write(dir, 'conf/ckafka.config.json', { sasl_username: 'u', client: { 'sasl.password.file': 'pw.txt', 'sasl.mechanisms': 'SCRAM-SHA-512' } });
    write(dir, 'conf/pw.txt', 'pa ss\r\n');
    const config = await load(dir, { configPath: 'conf/ckafka.config.json' });
    expect(config.client.sasl).toEqual({ mechanism: 'scram-sha-512', username: 'u', password: 'pa ss' });
  });

  it('SASL_SSL with a CA file, client certificate and key', async () => {
    const dir = tempDir();
    write(dir, 'ca.pem', CERT);
    write(dir, 'client.pem', CERT);
    write(dir, 'client.key', KEY);
    write(dir, 'ckafka.config.json', {
      sasl_username: 'u',
      sasl_password: 'p',
      client: { 'security.protocol': 'SASL_SSL', 'ssl.ca.location': 'ca.pem', 'ssl.certificate.location': 'client.pem', 'ssl.key.location': 'client.key', 'ssl.key.password': 'kp' },
    });
    const config = await load(dir);
    expect(config.client.ssl).toEqual({ ca: [CERT], cert: CERT, key: KEY, passphrase: 'kp', rejectUnauthorized: true });
    expect(config.client.sasl?.mechanism).toBe('plain');
  });

  it('SSL with the system CAs is ssl: true; verification and host name checks can be turned off', async () => {
    expect((await load(tempDir(), x('security.protocol=SSL'))).client.ssl).toBe(true);
    const loose = await load(tempDir(), x('security.protocol=ssl', 'enable.ssl.certificate.verification=false', 'ssl.endpoint.identification.algorithm=none'));
    expect(loose.client.ssl).toMatchObject({ rejectUnauthorized: false });
    const ssl = loose.client.ssl as { checkServerIdentity?: () => undefined };
    expect(ssl.checkServerIdentity?.()).toBeUndefined();
  });

  it('TLS settings alone imply SSL; with credentials SASL_SSL', async () => {
    const dir = tempDir();
    write(dir, 'ca.pem', CERT);
    expect((await load(dir, x('ssl.ca.location=ca.pem'))).properties.client['security.protocol']?.value).toBe('SSL');
    const both = await load(dir, x('ssl.ca.location=ca.pem', 'sasl.username=u', 'sasl.password=p'));
    expect(both.properties.client['security.protocol']?.value).toBe('SASL_SSL');
    expect(both.client.ssl).toEqual({ ca: [CERT], rejectUnauthorized: true });
  });

  it('ssl.ca.pem gives the CA inline', async () => {
    const config = await load(tempDir(), x('security.protocol=SSL', `ssl.ca.pem=${CERT}`));
    expect(config.client.ssl).toEqual({ ca: [CERT], rejectUnauthorized: true });
  });

  it('PLAINTEXT has neither SASL nor TLS, and hides their defaults', async () => {
    const config = await load(tempDir());
    expect(config.client.sasl).toBeUndefined();
    expect(config.client.ssl).toBeUndefined();
    expect(config.properties.client['sasl.mechanisms']).toBeUndefined();
    expect(config.properties.client['enable.ssl.certificate.verification']).toBeUndefined();
  });
});

describe('the property table', () => {
  it('declares each name once (aliases included) and parses its own default', () => {
    const seen = new Set<string>();
    for (const name of PROPERTY_NAMES) {
      const def = PROPERTIES[name] as { aliases?: readonly string[]; default?: string; parse: (t: string) => unknown };
      for (const n of [name, ...(def.aliases ?? [])]) {
        expect(seen.has(n), n).toBe(false);
        seen.add(n);
      }
      if (def.default !== undefined) expect(() => def.parse(def.default!), name).not.toThrow();
    }
    expect(propertyByName('compression.codec')).toBe('compression.type');
    expect(propertyByName('topic_name')).toBeUndefined();
  });

  it('an unknown -X name is a config error', async () => {
    const error = await loadError(tempDir(), x('no.such.thing=1'));
    expect(error.message).toBe("-X no.such.thing: unknown librdkafka property");
  });
});
