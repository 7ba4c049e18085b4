import { chmod, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { CkafkaError } from '../errors/errors.js';
import { t } from '../i18n/index.js';
import { expandHome } from './env.js';
import { readConfigDocument } from './file.js';
import { Problems } from './problems.js';
import { loadConfigFile } from './search.js';
import type { ConfigRequest } from './types.js';

export const STARTER_FILE = 'ckafka.config.json';

export interface InitRequest {
  cwd: string;
  env: ConfigRequest['env'];
  force: boolean;
  /** Convert this CKafkaSetting.php instead of writing the demo's values. */
  php?: string;
}

export interface InitResult {
  path: string;
  /** The file holds a password (written with mode 0600). */
  secret: boolean;
}

/** The PHP demo's producer and consumer settings, as Producer.php and Consumer.php set them. */
export const DEMO_PRODUCER = { acks: '1', retries: 0, 'retry.backoff.ms': 100, 'socket.timeout.ms': 6000, 'reconnect.backoff.max.ms': 3000 };
export const DEMO_CONSUMER = { 'session.timeout.ms': 10000, 'request.timeout.ms': 305000, 'reconnect.backoff.max.ms': 3000, 'auto.offset.reset': 'earliest' };

/** A starter file: the demo's keys and client settings, for a broker on this host. */
export function starterConfig(): Record<string, unknown> {
  return {
    bootstrap_servers: '127.0.0.1:9092',
    topic_name: 'topic_name',
    group_id: 'php-demo',
    producer: { ...DEMO_PRODUCER },
    consumer: { ...DEMO_CONSUMER },
  };
}

const SECRET_KEYS = ['sasl_password', 'sasl.password', 'ssl.key.password', 'ssl.key.pem'];

function holdsSecret(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  return Object.entries(value).some(([k, v]) => SECRET_KEYS.includes(k) || holdsSecret(v));
}

/** Writes ckafka.config.json in cwd (refusing to overwrite without force). */
export async function initConfig(request: InitRequest): Promise<InitResult> {
  const path = join(request.cwd, STARTER_FILE);
  let doc = starterConfig();
  if (request.php !== undefined) {
    const phpPath = resolve(request.cwd, expandHome(request.php, request.env));
    const php = await loadConfigFile(phpPath);
    const problems = new Problems();
    readConfigDocument(php, phpPath, problems);
    problems.throwIfAny();
    const fromPhp = typeof php === 'object' && php !== null ? (php as Record<string, unknown>) : {};
    doc = { ...fromPhp, producer: { ...DEMO_PRODUCER, ...asObject(fromPhp.producer) }, consumer: { ...DEMO_CONSUMER, ...asObject(fromPhp.consumer) } };
  }
  const secret = holdsSecret(doc);
  try {
    await writeFile(path, `${JSON.stringify(doc, null, 2)}\n`, { flag: request.force ? 'w' : 'wx', mode: secret ? 0o600 : 0o644 });
    // An overwritten file keeps its old mode: a password must not stay world-readable.
    if (secret) await chmod(path, 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new CkafkaError('usage', t.config.initExists(path), { hint: t.config.initExistsHint });
    }
    throw new CkafkaError('config', t.config.initCannotWrite(path, (error as Error).message), { cause: error });
  }
  return { path, secret };
}

const asObject = (v: unknown): Record<string, unknown> => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
