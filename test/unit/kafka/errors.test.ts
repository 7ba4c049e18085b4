import { describe, expect, it } from 'vitest';
import { translateKafkaError } from '../../../src/kafka/errors.js';

// What Node's TLS layer (through kafkajs) says when a broker insists on a client certificate.
const connectionError = (message: string, code?: string) =>
  Object.assign(new Error(`Connection error: ${message}`), { name: 'KafkaJSConnectionError', ...(code ? { code } : {}) });

describe('translateKafkaError on TLS failures', () => {
  it.each([
    ['Kafka 3.x, TLS 1.2', 'error:0A000412:SSL routines:ssl3_read_bytes:sslv3 alert bad certificate:../deps/openssl/openssl/ssl/record/rec_layer_s3.c:1601:SSL alert number 42'],
    ['TLS 1.3', 'error:0A00045C:SSL routines:ssl3_read_bytes:tlsv13 alert certificate required:ssl/record/rec_layer_s3.c:1605:SSL alert number 116'],
  ])('a certificate alert from the broker (%s) says a client certificate is required', (_, message) => {
    const e = translateKafkaError(connectionError(message), { action: "produce to 't'", brokers: ['127.0.0.1:9093'] });
    expect(e.kind).toBe('auth');
    expect(e.message).toMatch(/requires a client certificate it trusts \(TLS alert: (bad certificate|certificate required)\)/);
    expect(e.hint).toMatch(/ssl\.certificate\.location and ssl\.key\.location/);
  });

  it('a handshake the broker broke off (Kafka 2.4 without a client certificate) hints at mutual TLS', () => {
    const e = translateKafkaError(connectionError('error:0A0000F4:SSL routines:ossl_statem_client_read_transition:unexpected message'), { action: 'x' });
    expect(e.kind).toBe('auth');
    expect(e.hint).toMatch(/client certificate \(mutual TLS\), set ssl\.certificate\.location/);
  });

  it('an untrusted broker certificate does not talk about client certificates', () => {
    const e = translateKafkaError(connectionError('self-signed certificate in certificate chain', 'SELF_SIGNED_CERT_IN_CHAIN'), { action: 'x' });
    expect(e.kind).toBe('auth');
    expect(e.message).toMatch(/TLS failure: .*self-signed/);
    expect(e.hint).toBe('Check ssl.ca.location and security.protocol (SSL or SASL_SSL).');
  });
});
