import { promises as fs } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { expandHome } from './env.js';
import type { Values } from './lookup.js';
import type { Problems } from './problems.js';
import { whereOf } from './problems.js';
import { propertyDef, type PropertyName, type Role } from './properties.js';
import type { Resolved } from './resolve.js';
import type { ClientSettings, ConsumerSettings, ProducerSettings, Setting } from './types.js';
import { effectiveProtocol, protocolName, usesSasl, usesSsl } from './validate.js';

/** kafkajs's own connection timeout is 1 s, too short for public networks; socket.timeout.ms up to this. */
export const MAX_DERIVED_CONNECTION_TIMEOUT = 10_000;
/** Client-level kafkajs retries (connect, metadata): a few quick attempts, then a clear error. */
export const CLIENT_RETRIES = 5;
/** Retries of an idempotent producer when `retries` is left at the demo's 0 (librdkafka: "infinite"). */
export const IDEMPOTENT_RETRIES = 5;
const CKAFKA_MAX_SESSION_TIMEOUT = 300_000;

export type PropertyMap = Record<Role, Record<string, Setting<string>>>;

export interface Mapped {
  properties: PropertyMap;
  client: ClientSettings;
  producer: ProducerSettings;
  consumer: ConsumerSettings;
}

/** Keys shown as top-level settings (or folded into others), not in the per-role property lists. */
const NOT_LISTED: readonly PropertyName[] = ['topic_name', 'ckafka_instance_id', 'bootstrap.servers', 'group.id'];

type Env = Record<string, string | undefined>;

/** Turns the layered librdkafka-style values into the settings the kafka layer gives kafkajs. */
export async function mapSettings(values: Values, env: Env, problems: Problems): Promise<Mapped> {
  const properties: PropertyMap = { client: {}, producer: {}, consumer: {} };
  for (const [, r] of values.resolution.effective) {
    if (NOT_LISTED.includes(r.entry.name)) continue;
    properties[propertyDef(r.entry.name).scope][r.entry.name] = settingOf(r);
  }
  for (const { role, resolved, note } of values.resolution.ignored) properties[role][resolved.entry.name] = { ...settingOf(resolved), note };
  const note = (role: Role, name: string, text: string) => {
    const s = properties[role][name];
    if (s !== undefined) s.note = s.note === undefined ? text : `${s.note}; ${text}`;
  };
  const derive = (role: Role, name: string, value: number | string, text: string) => {
    properties[role][name] = { value: String(value), source: { kind: 'default' }, note: text };
  };

  const files = new FileReader(env, problems);
  const client = await mapClient(values, properties, files, note, derive);
  const producer = mapProducer(values, note);
  const consumer = mapConsumer(values, note, derive);
  return { properties, client, producer, consumer };
}

function settingOf(r: Resolved): Setting<string> {
  const setting: Setting<string> = { value: r.text, source: r.entry.source };
  if (propertyDef(r.entry.name).secret === true) setting.secret = true;
  return setting;
}

type Note = (role: Role, name: string, text: string) => void;
type Derive = (role: Role, name: string, value: number | string, text: string) => void;

async function mapClient(values: Values, properties: PropertyMap, files: FileReader, note: Note, derive: Derive): Promise<ClientSettings> {
  const socketTimeout = values.must('socket.timeout.ms');
  let connectionTimeout = values.get('socket.connection.setup.timeout.ms');
  if (connectionTimeout === undefined) {
    connectionTimeout = Math.min(socketTimeout, MAX_DERIVED_CONNECTION_TIMEOUT);
    derive('client', 'socket.connection.setup.timeout.ms', connectionTimeout, `derived: socket.timeout.ms, at most ${MAX_DERIVED_CONNECTION_TIMEOUT} (kafkajs's own default is 1000)`);
  }
  const client: ClientSettings = {
    brokers: values.get('bootstrap.servers') ?? [],
    clientId: values.must('client.id'),
    connectionTimeout,
    requestTimeout: socketTimeout,
    retry: { retries: CLIENT_RETRIES, initialRetryTime: values.must('retry.backoff.ms'), maxRetryTime: values.must('reconnect.backoff.max.ms') },
  };

  const { protocol, inferred } = effectiveProtocol(values);
  if (inferred) {
    derive('client', 'security.protocol', protocolName(protocol), 'inferred from the SASL/TLS settings (the public-network PHP demo uses SASL_PLAINTEXT)');
  }
  if (!usesSasl(protocol)) delete properties.client['sasl.mechanisms'];
  if (!usesSsl(protocol)) {
    delete properties.client['enable.ssl.certificate.verification'];
    delete properties.client['ssl.endpoint.identification.algorithm'];
  }

  if (usesSasl(protocol)) {
    const username = saslUsername(values, note);
    const password = await files.secretValue(values, 'sasl.password', 'sasl.password.file');
    if (password !== undefined && values.get('sasl.password.file') !== undefined) {
      const from = properties.client['sasl.password.file'];
      properties.client['sasl.password'] = { value: password, source: from!.source, secret: true, note: `read from ${files.path(values.resolved('sasl.password')!)}` };
    }
    if (username !== undefined && password !== undefined) {
      client.sasl = { mechanism: values.must('sasl.mechanisms'), username, password };
    }
  }
  if (usesSsl(protocol)) client.ssl = await sslSettings(values, files);
  return client;
}

function saslUsername(values: Values, note: Note): string | undefined {
  const user = values.get('sasl.username');
  const instance = values.get('ckafka_instance_id');
  if (user === undefined || instance === undefined || user.startsWith(`${instance}#`)) return user;
  const composed = `${instance}#${user}`;
  const s = values.resolved('sasl.username');
  if (s !== undefined) note('client', 'sasl.username', `sent as '${composed}': ckafka_instance_id '#' sasl_username, as in the public-network PHP demo`);
  return composed;
}

async function sslSettings(values: Values, files: FileReader): Promise<ClientSettings['ssl']> {
  const ca = values.get('ssl.ca.pem') ?? (await files.pem(values, 'ssl.ca.location', 'CERTIFICATE'));
  const cert = values.get('ssl.certificate.pem') ?? (await files.pem(values, 'ssl.certificate.location', 'CERTIFICATE'));
  const key = values.get('ssl.key.pem') ?? (await files.pem(values, 'ssl.key.location', 'PRIVATE KEY'));
  const passphrase = values.get('ssl.key.password');
  const verify = values.must('enable.ssl.certificate.verification');
  const checkHost = values.must('ssl.endpoint.identification.algorithm') === 'https';
  if (ca === undefined && cert === undefined && key === undefined && verify && checkHost) return true;
  const ssl: Exclude<ClientSettings['ssl'], true | undefined> = { rejectUnauthorized: verify };
  if (ca !== undefined) ssl.ca = [ca];
  if (cert !== undefined) ssl.cert = cert;
  if (key !== undefined) ssl.key = key;
  if (passphrase !== undefined) ssl.passphrase = passphrase;
  if (!checkHost) ssl.checkServerIdentity = () => undefined;
  return ssl;
}

function mapProducer(values: Values, note: Note): ProducerSettings {
  const idempotent = values.must('enable.idempotence');
  let acks = values.must('acks');
  let retries = values.must('retries');
  if (idempotent && acks !== -1) {
    acks = -1;
    note('producer', 'acks', 'enable.idempotence implies acks=all');
  }
  if (idempotent && retries === 0) {
    retries = IDEMPOTENT_RETRIES;
    note('producer', 'retries', `enable.idempotence needs retries: ckafka uses ${IDEMPOTENT_RETRIES}`);
  }
  const compression = values.must('compression.type');
  if (compression === 'gzip') note('producer', 'compression.type', 'CKafka does not accept gzip (use snappy or lz4 there)');
  let timeoutMs = values.must('request.timeout.ms');
  const messageTimeout = values.get('message.timeout.ms');
  if (messageTimeout !== undefined && messageTimeout > 0 && messageTimeout < timeoutMs) {
    timeoutMs = messageTimeout;
    note('producer', 'request.timeout.ms', `capped at message.timeout.ms (${messageTimeout})`);
  }
  return { acks, retries, idempotent, compression, timeoutMs, messageMaxBytes: values.must('message.max.bytes'), autoCreateTopics: values.must('allow.auto.create.topics') };
}

function mapConsumer(values: Values, note: Note, derive: Derive): ConsumerSettings {
  const sessionTimeout = values.must('session.timeout.ms');
  if (sessionTimeout > CKAFKA_MAX_SESSION_TIMEOUT) {
    note('consumer', 'session.timeout.ms', `CKafka accepts at most ${CKAFKA_MAX_SESSION_TIMEOUT}; other clusters may accept more`);
  }
  let heartbeatInterval = values.get('heartbeat.interval.ms');
  if (heartbeatInterval === undefined) {
    heartbeatInterval = Math.min(3000, Math.floor(sessionTimeout / 3));
    derive('consumer', 'heartbeat.interval.ms', heartbeatInterval, 'derived: a third of session.timeout.ms, at most 3000');
  }
  const consumer: ConsumerSettings = {
    sessionTimeout,
    heartbeatInterval,
    autoOffsetReset: values.must('auto.offset.reset'),
    maxWaitTimeInMs: values.must('fetch.wait.max.ms'),
    maxBytes: values.must('fetch.max.bytes'),
    maxBytesPerPartition: values.must('max.partition.fetch.bytes'),
  };
  // Left at its default, consume sizes its fetches from the messages it sees (fetch-sizer.ts).
  if (values.resolution.effective.get('max.partition.fetch.bytes')?.entry.source.kind === 'default') {
    note('consumer', 'max.partition.fetch.bytes', 'unless set, consume sizes fetches to about 4000 messages, up to this');
  }
  const groupId = values.get('group.id');
  if (groupId !== undefined) consumer.groupId = groupId;
  return consumer;
}

/** Reads files named by settings (relative to the config file, `~` is the home directory). */
class FileReader {
  constructor(
    private readonly env: Env,
    private readonly problems: Problems,
  ) {}

  path(r: Resolved): string {
    const expanded = expandHome(r.text, this.env);
    return isAbsolute(expanded) ? expanded : resolve(r.entry.baseDir, expanded);
  }

  private async read(values: Values, name: PropertyName): Promise<string | undefined> {
    const r = values.resolved(name);
    if (r === undefined || r.entry.name !== name) return undefined;
    const path = this.path(r);
    try {
      return await fs.readFile(path, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory, expected a file' : code === 'EACCES' ? 'permission denied' : String(code ?? error);
      this.problems.add(whereOf(r.entry.source, r.entry.key), `cannot read '${path}': ${why}`);
      return undefined;
    }
  }

  /** A password given directly or as a file (its content without the final newline). */
  async secretValue(values: Values, name: PropertyName, fileName: PropertyName): Promise<string | undefined> {
    const direct = values.get(name);
    if (typeof direct === 'string') return direct;
    const content = await this.read(values, fileName);
    if (content === undefined) return undefined;
    const value = content.replace(/\r?\n$/, '');
    if (value === '') this.problems.add(values.where(fileName), `'${this.path(values.resolved(fileName)!)}' is empty`);
    return value === '' ? undefined : value;
  }

  /** A PEM file's content, checked for the expected block (the content itself is never shown). */
  async pem(values: Values, name: PropertyName, block: string): Promise<string | undefined> {
    const content = await this.read(values, name);
    if (content === undefined) return undefined;
    if (!new RegExp(`-----BEGIN [A-Z ]*${block}-----`).test(content)) {
      this.problems.add(values.where(name), `'${this.path(values.resolved(name)!)}' does not contain a PEM ${block.toLowerCase()}`);
      return undefined;
    }
    return content;
  }
}
