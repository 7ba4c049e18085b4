import { afterEach, describe, expect, it } from 'vitest';
import type { ErrorKind } from '../../../src/errors/errors.js';
import { setLocale, t } from '../../../src/i18n/index.js';
import { coordinatorNotReady } from '../../../src/kafka/coordinator-retry.js';
import { rootMessage, translateKafkaError } from '../../../src/kafka/errors.js';
import { withGroupHint } from '../../../src/kafka/group-hints.js';
import { emptyConfig, runCli } from '../../harness/run-cli.js';

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

describe('translateKafkaError in Chinese', () => {
  const CJK = /[\u4e00-\u9fff]/;
  const protocolError = (type: string, message: string) => Object.assign(new Error(message), { name: 'KafkaJSProtocolError', type });
  const cases: [string, Error, ErrorKind][] = [
    ['SASL', Object.assign(new Error('SASL SCRAM SHA512 authentication failed, Authentication failed during authentication due to invalid credentials with SASL mechanism SCRAM-SHA-512'), { name: 'KafkaJSSASLAuthenticationError' }), 'auth'],
    ['not authorised', protocolError('TOPIC_AUTHORIZATION_FAILED', 'Not authorized to access topics: [Topic authorization failed]'), 'auth'],
    ['unknown topic', protocolError('UNKNOWN_TOPIC_OR_PARTITION', 'This server does not host this topic-partition'), 'broker'],
    ['too large', protocolError('MESSAGE_TOO_LARGE', 'The request included a message larger than the max message size the server will accept'), 'broker'],
    ['other broker error', protocolError('NOT_LEADER_FOR_PARTITION', 'This server is not the leader for that topic-partition'), 'broker'],
    ['closed port', Object.assign(new Error('Connection error: connect ECONNREFUSED 127.0.0.1:1'), { name: 'KafkaJSConnectionError', code: 'ECONNREFUSED' }), 'unreachable'],
    ['TLS', connectionError('self-signed certificate in certificate chain', 'SELF_SIGNED_CERT_IN_CHAIN'), 'auth'],
    ['client certificate', connectionError('error:0A000412:SSL routines:ssl3_read_bytes:sslv3 alert bad certificate:SSL alert number 42'), 'auth'],
  ];
  const where = { action: "produce to 't'", brokers: ['127.0.0.1:1'] };

  afterEach(() => setLocale('en'));

  it.each(cases)('%s: the same kind (exit code) as in English, the message and hint in Chinese', (_, error, kind) => {
    setLocale('en');
    const english = translateKafkaError(error, where);
    setLocale('zh-CN');
    const chinese = translateKafkaError(error, where);
    expect([english.kind, chinese.kind]).toEqual([kind, kind]);
    expect(chinese.exitCode).toBe(english.exitCode);
    expect(english.message).not.toMatch(CJK);
    expect(chinese.message).toMatch(CJK);
    expect(chinese.message.startsWith("produce to 't'：")).toBe(true);
    // The broker's or the socket's own words (the reason) are kept as they are, after ours.
    if (english.message.includes(rootMessage(error))) expect(chinese.message).toContain(rootMessage(error));
    expect(english.hint === undefined).toBe(chinese.hint === undefined);
    if (chinese.hint !== undefined) expect(chinese.hint).toMatch(CJK);
  });

  it("keeps Kafka's error names, which users search for, and names the bootstrap servers", () => {
    setLocale('zh-CN');
    expect(translateKafkaError(cases[2]![1], where).message).toBe(
      "produce to 't'：主题或分区不存在（UNKNOWN_TOPIC_OR_PARTITION）：This server does not host this topic-partition",
    );
    expect(translateKafkaError(cases[4]![1], where).message).toContain('（NOT_LEADER_FOR_PARTITION）');
    expect(translateKafkaError(cases[5]![1], where).message).toBe(
      "produce to 't'：无法连接到集群（接入点 127.0.0.1:1）：Connection error: connect ECONNREFUSED 127.0.0.1:1",
    );
  });

  it('a group that cannot be joined gets its hint in Chinese, found by the error name in the Chinese message', () => {
    setLocale('zh-CN');
    const error = withGroupHint(translateKafkaError(protocolError('INCONSISTENT_GROUP_PROTOCOL', 'The group member protocol is not compatible'), { action: '消费主题 \'t\'' }));
    expect(error.message).toContain('INCONSISTENT_GROUP_PROTOCOL');
    expect(error.hint).toBe(t.kafka.groupHintInconsistentProtocol);
    expect(error.hint).toMatch(/^该消费分组的其他成员使用了不同的分区分配协议/);
  });

  it('a coordinator still not ready after the wait: exit 6, the error name kept', () => {
    setLocale('zh-CN');
    const error = coordinatorNotReady(protocolError('GROUP_COORDINATOR_NOT_AVAILABLE', 'x'), { groupId: 'g', action: t.kafka.actionCommitOffsets('g') }, 30_000);
    expect(error.exitCode).toBe(6);
    expect(error.message).toBe("提交消费分组 'g' 的位点：等待 30.0 秒后，消费分组 'g' 的协调者（coordinator）仍未就绪（GROUP_COORDINATOR_NOT_AVAILABLE）");
    expect(error.hint).toMatch(/__consumer_offsets/);
  });
});

describe('a closed port, through the command line', () => {
  it('is exit 4 in both languages; -o json keeps kind and exit_code, its message is the person\'s language', async () => {
    const argv = ['topic', 'list', '--config', emptyConfig(), '-b', '127.0.0.1:1'];
    const zh = { env: { LANG: 'zh_CN.UTF-8' } };
    const text = await runCli(argv, zh);
    expect(text.code).toBe(4);
    expect(text.stdout).toBe('');
    expect(text.stderr).toMatch(/^ckafka: 错误：\s?连接集群：无法连接到集群（接入点 127\.0\.0\.1:1）：.*ECONNREFUSED/);
    expect(text.stderr).toMatch(/提示：\s?请检查 bootstrap_servers（接入点）/);

    const errorOf = (stderr: string) => (JSON.parse(stderr) as { error: Record<string, unknown> }).error;
    const [english, chinese] = [errorOf((await runCli([...argv, '-o', 'json'])).stderr), errorOf((await runCli([...argv, '-o', 'json'], zh)).stderr)];
    expect([english.kind, english.exit_code]).toEqual(['unreachable', 4]);
    expect([chinese.kind, chinese.exit_code]).toEqual(['unreachable', 4]);
    expect(Object.keys(chinese).sort()).toEqual(Object.keys(english).sort());
    expect(english.message).toMatch(/^connect: cannot reach the cluster \(bootstrap 127\.0\.0\.1:1\)/);
    expect(chinese.message).toMatch(/^连接集群：无法连接到集群/);
  }, 30_000);
});
