import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** A throwaway CA and a broker certificate for 127.0.0.1, made with openssl. */
export interface TlsFiles {
  /** PEM of the CA that signed the broker certificate: what a client trusts. */
  caFile: string;
  /** PKCS12 keystore with the broker key, its certificate and the CA (chain sent to clients). */
  keystoreFile: string;
  keystorePassword: string;
}

/**
 * Creates the CA and broker keystore in `dir`. PKCS12 rather than PEM keystores: every Kafka the
 * harness runs (2.4 too, which predates ssl.keystore.type=PEM) reads it, and no keytool is needed.
 */
export async function createTlsFiles(dir: string): Promise<TlsFiles> {
  mkdirSync(dir, { recursive: true });
  const file = (name: string) => join(dir, name);
  const password = randomBytes(12).toString('hex');
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  await run('openssl', [
    'req', '-x509', ...ec, '-keyout', file('ca.key'), '-out', file('ca.pem'), '-days', '2', '-subj', '/CN=ckafka test CA',
    '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign',
  ]);
  await run('openssl', ['req', ...ec, '-keyout', file('broker.key'), '-out', file('broker.csr'), '-subj', '/CN=127.0.0.1']);
  writeFileSync(file('broker.ext'), 'subjectAltName=IP:127.0.0.1\nextendedKeyUsage=serverAuth\n');
  await run('openssl', [
    'x509', '-req', '-in', file('broker.csr'), '-CA', file('ca.pem'), '-CAkey', file('ca.key'), '-CAcreateserial',
    '-out', file('broker.pem'), '-days', '2', '-extfile', file('broker.ext'),
  ]);
  await run('openssl', [
    'pkcs12', '-export', '-in', file('broker.pem'), '-inkey', file('broker.key'), '-certfile', file('ca.pem'),
    '-name', 'broker', '-out', file('broker.p12'), '-passout', `pass:${password}`,
  ]);
  return { caFile: file('ca.pem'), keystoreFile: file('broker.p12'), keystorePassword: password };
}

/** Broker properties for the listener named SSL (no client certificates asked for). */
export function tlsBrokerProperties(tls: TlsFiles): Record<string, string> {
  return {
    'ssl.keystore.type': 'PKCS12',
    'ssl.keystore.location': tls.keystoreFile,
    'ssl.keystore.password': tls.keystorePassword,
    'ssl.key.password': tls.keystorePassword,
    'ssl.client.auth': 'none',
  };
}
