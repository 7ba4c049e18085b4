import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { javaCommand } from './toolchain.js';

const run = promisify(execFile);

/** A client certificate signed by the throwaway CA, as PEM files (what ckafka reads). */
export interface ClientCertificate {
  /** PEM certificate (CN=ckafka-test-client), for ssl.certificate.location. */
  certFile: string;
  /** Unencrypted PEM private key, for ssl.key.location. */
  keyFile: string;
  /** The same key, encrypted (PKCS#8, AES-256), for ssl.key.location with ssl.key.password. */
  encryptedKeyFile: string;
  keyPassword: string;
}

/** A throwaway CA and a broker certificate for 127.0.0.1, made with openssl. */
export interface TlsFiles {
  /** PEM of the CA that signed the broker certificate: what a client trusts. */
  caFile: string;
  /** PKCS12 keystore with the broker key, its certificate and the CA (chain sent to clients). */
  keystoreFile: string;
  keystorePassword: string;
  /** PKCS12 truststore holding the CA as a trusted entry: what a broker asking for client certificates trusts. */
  truststoreFile: string;
  /** A client certificate the truststore accepts. */
  client: ClientCertificate;
}

/**
 * Creates the CA, broker keystore, truststore and a client certificate in `dir`. PKCS12 rather than
 * PEM stores: every Kafka the harness runs (2.4 too, which predates ssl.keystore.type=PEM) reads them.
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
  const sign = async (name: string, subject: string, extensions: string) => {
    await run('openssl', ['req', ...ec, '-keyout', file(`${name}.key`), '-out', file(`${name}.csr`), '-subj', subject]);
    writeFileSync(file(`${name}.ext`), extensions);
    await run('openssl', [
      'x509', '-req', '-in', file(`${name}.csr`), '-CA', file('ca.pem'), '-CAkey', file('ca.key'), '-CAcreateserial',
      '-out', file(`${name}.pem`), '-days', '2', '-extfile', file(`${name}.ext`),
    ]);
  };
  await sign('broker', '/CN=127.0.0.1', 'subjectAltName=IP:127.0.0.1\nextendedKeyUsage=serverAuth\n');
  await sign('client', '/CN=ckafka-test-client', 'extendedKeyUsage=clientAuth\n');
  await run('openssl', [
    'pkcs12', '-export', '-in', file('broker.pem'), '-inkey', file('broker.key'), '-certfile', file('ca.pem'),
    '-name', 'broker', '-out', file('broker.p12'), '-passout', `pass:${password}`,
  ]);
  // Java trusts only certificates marked trusted, which openssl before 3.2 cannot mark: keytool does.
  await run(keytoolCommand(), [
    '-importcert', '-noprompt', '-alias', 'ca', '-file', file('ca.pem'),
    '-keystore', file('truststore.p12'), '-storetype', 'PKCS12', '-storepass', password,
  ]);
  const keyPassword = randomBytes(8).toString('hex');
  await run('openssl', [
    'pkcs8', '-topk8', '-v2', 'aes-256-cbc', '-in', file('client.key'), '-out', file('client-encrypted.key'), '-passout', `pass:${keyPassword}`,
  ]);
  return {
    caFile: file('ca.pem'),
    keystoreFile: file('broker.p12'),
    keystorePassword: password,
    truststoreFile: file('truststore.p12'),
    client: { certFile: file('client.pem'), keyFile: file('client.key'), encryptedKeyFile: file('client-encrypted.key'), keyPassword },
  };
}

/**
 * Broker properties for the listeners named SSL and SASL_SSL (no client certificates asked for),
 * and for the listener named MTLS (SSL that requires a client certificate signed by the CA).
 */
export function tlsBrokerProperties(tls: TlsFiles): Record<string, string> {
  return {
    'ssl.keystore.type': 'PKCS12',
    'ssl.keystore.location': tls.keystoreFile,
    'ssl.keystore.password': tls.keystorePassword,
    'ssl.key.password': tls.keystorePassword,
    'ssl.client.auth': 'none',
    // Listener-prefixed settings override the generic ones key by key; the keystore is shared.
    'listener.name.mtls.ssl.client.auth': 'required',
    'listener.name.mtls.ssl.truststore.type': 'PKCS12',
    'listener.name.mtls.ssl.truststore.location': tls.truststoreFile,
    'listener.name.mtls.ssl.truststore.password': tls.keystorePassword,
  };
}

/** The keytool of the Java the brokers run on. */
function keytoolCommand(): string {
  const java = javaCommand();
  return java === 'java' ? 'keytool' : join(dirname(java), 'keytool');
}
