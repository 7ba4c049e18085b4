import { describe, expect, it } from 'vitest';
import { load, loadError, tempDir, write } from './helpers.js';

/** A file that sets the same settings at the top level and in a profile. */
function layeredFile(dir: string): string {
  return write(dir, 'ckafka.config.json', {
    bootstrap_servers: 'file:9092',
    topic_name: 'file-topic',
    group_id: 'file-group',
    producer: { acks: '0', 'retry.backoff.ms': 200 },
    profiles: {
      prod: { bootstrap_servers: 'profile:9092', topic_name: 'profile-topic', producer: { acks: 'all' } },
      other: {},
    },
  });
}

describe('precedence: flags > environment > profile > file > defaults', () => {
  it('defaults are the demo settings', async () => {
    const config = await load(tempDir());
    expect(config.producer).toMatchObject({ acks: 1, retries: 0 });
    expect(config.client).toMatchObject({ requestTimeout: 6000, retry: { initialRetryTime: 100, maxRetryTime: 3000 } });
    expect(config.consumer).toMatchObject({ sessionTimeout: 10000, autoOffsetReset: 'earliest' });
    expect(config.properties.producer.acks).toEqual({ value: '1', source: { kind: 'default' } });
    expect(config.properties.consumer['request.timeout.ms']).toMatchObject({ value: '305000', source: { kind: 'default' } });
  });

  it('the file beats the defaults', async () => {
    const dir = tempDir();
    const path = layeredFile(dir);
    const config = await load(dir);
    expect(config.topic).toEqual({ value: 'file-topic', source: { kind: 'file', path } });
    expect(config.producer.acks).toBe(0);
    expect(config.properties.producer.acks?.source).toEqual({ kind: 'file', path });
    expect(config.client.retry.initialRetryTime).toBe(200);
  });

  it('the profile beats the top level of the file; what it does not set comes from the top level', async () => {
    const dir = tempDir();
    const path = layeredFile(dir);
    const config = await load(dir, { profile: 'prod' });
    expect(config.profile).toBe('prod');
    expect(config.bootstrapServers).toEqual({ value: ['profile:9092'], source: { kind: 'file', path, profile: 'prod' } });
    expect(config.producer.acks).toBe(-1);
    expect(config.groupId).toEqual({ value: 'file-group', source: { kind: 'file', path } });
    expect(config.client.retry.initialRetryTime).toBe(200);
  });

  it('the environment beats the profile', async () => {
    const dir = tempDir();
    layeredFile(dir);
    const config = await load(dir, {
      profile: 'prod',
      env: { CKAFKA_BOOTSTRAP_SERVERS: 'env1:9092,env2:9092', CKAFKA_TOPIC_NAME: 'env-topic', CKAFKA_GROUP_ID: 'env-group' },
    });
    expect(config.bootstrapServers).toEqual({ value: ['env1:9092', 'env2:9092'], source: { kind: 'env', name: 'CKAFKA_BOOTSTRAP_SERVERS' } });
    expect(config.topic?.source).toEqual({ kind: 'env', name: 'CKAFKA_TOPIC_NAME' });
    expect(config.groupId?.value).toBe('env-group');
    expect(config.consumer.groupId).toBe('env-group');
  });

  it('an empty environment variable counts as unset', async () => {
    const dir = tempDir();
    layeredFile(dir);
    expect((await load(dir, { env: { CKAFKA_TOPIC_NAME: '' } })).topic?.value).toBe('file-topic');
  });

  it('-X beats the environment; a later -X beats an earlier one', async () => {
    const dir = tempDir();
    layeredFile(dir);
    const config = await load(dir, {
      env: { CKAFKA_BOOTSTRAP_SERVERS: 'env:9092', CKAFKA_CLIENT_ID: 'env-id' },
      properties: ['bootstrap.servers=x1:9092', 'client.id=first', 'client.id=second', 'acks=all'],
    });
    expect(config.bootstrapServers).toEqual({ value: ['x1:9092'], source: { kind: 'flag', name: '-X bootstrap.servers' } });
    expect(config.client.clientId).toBe('second');
    expect(config.properties.client['client.id']?.source).toEqual({ kind: 'flag', name: '-X client.id' });
    expect(config.producer.acks).toBe(-1);
  });

  it('command flags (--acks) beat -X, and -b/-t/-g beat everything', async () => {
    const dir = tempDir();
    layeredFile(dir);
    const config = await load(dir, {
      env: { CKAFKA_TOPIC_NAME: 'env-topic' },
      properties: ['acks=0', 'bootstrap.servers=x:1', 'group.id=x'],
      overrides: [{ role: 'producer', name: 'acks', value: '1', source: { kind: 'flag', name: '--acks' } }],
      flags: { bootstrapServers: 'flag:9092', topic: 'flag-topic', groupId: 'flag-group' },
    });
    expect(config.producer.acks).toBe(1);
    expect(config.properties.producer.acks?.source).toEqual({ kind: 'flag', name: '--acks' });
    expect(config.bootstrapServers).toEqual({ value: ['flag:9092'], source: { kind: 'flag', name: '--bootstrap-servers' } });
    expect(config.topic).toEqual({ value: 'flag-topic', source: { kind: 'flag', name: '--topic' } });
    expect(config.groupId).toEqual({ value: 'flag-group', source: { kind: 'flag', name: '--group' } });
  });

  it('SASL credentials from the environment beat the file', async () => {
    const dir = tempDir();
    write(dir, 'ckafka.config.json', { sasl_username: 'file-user', sasl_password: 'file-pass' });
    const config = await load(dir, { env: { CKAFKA_SASL_USERNAME: 'env-user', CKAFKA_SASL_PASSWORD: 'env-pass' } });
    expect(config.client.sasl).toEqual({ mechanism: 'plain', username: 'env-user', password: 'env-pass' });
    expect(config.properties.client['sasl.password']).toEqual({ value: 'env-pass', source: { kind: 'env', name: 'CKAFKA_SASL_PASSWORD' }, secret: true });
  });

  it('a password file from the environment beats a password in the file', async () => {
    const dir = tempDir();
    write(dir, 'ckafka.config.json', { sasl_username: 'u', sasl_password: 'file-pass' });
    const secretFile = write(dir, 'secret.txt', 'from-file\n');
    const config = await load(dir, { env: { CKAFKA_SASL_PASSWORD_FILE: secretFile } });
    expect(config.client.sasl?.password).toBe('from-file');
    expect(config.properties.client['sasl.password']).toMatchObject({ source: { kind: 'env', name: 'CKAFKA_SASL_PASSWORD_FILE' }, note: `read from ${secretFile}` });
  });
});

describe('profiles', () => {
  it('CKAFKA_PROFILE chooses a profile, --profile wins over it', async () => {
    const dir = tempDir();
    layeredFile(dir);
    expect((await load(dir, { env: { CKAFKA_PROFILE: 'prod' } })).topic?.value).toBe('profile-topic');
    expect((await load(dir, { env: { CKAFKA_PROFILE: 'prod' }, profile: 'other' })).topic?.value).toBe('file-topic');
  });

  it('default_profile applies when none is asked for', async () => {
    const dir = tempDir();
    write(dir, 'ckafka.config.json', { topic_name: 'top', default_profile: 'b', profiles: { a: { topic_name: 'a' }, b: { topic_name: 'b' } } });
    const config = await load(dir);
    expect(config.profile).toBe('b');
    expect(config.topic?.value).toBe('b');
    expect((await load(dir, { profile: 'a' })).topic?.value).toBe('a');
  });

  it('default_profile: null means no profile', async () => {
    const dir = tempDir();
    write(dir, 'ckafka.config.json', { topic_name: 'top', default_profile: null, profiles: { a: { topic_name: 'a' } } });
    const config = await load(dir);
    expect(config.profile).toBeUndefined();
    expect(config.topic?.value).toBe('top');
  });

  it('an unknown profile lists the available ones (and suggests the nearest)', async () => {
    const dir = tempDir();
    const path = layeredFile(dir);
    const error = await loadError(dir, { profile: 'prd' });
    expect(error.kind).toBe('config');
    expect(error.message).toBe(`unknown profile 'prd' (--profile) (did you mean 'prod'?); available in ${path}: prod, other`);
    expect((await loadError(dir, { env: { CKAFKA_PROFILE: 'x' } })).message).toContain("unknown profile 'x' (CKAFKA_PROFILE)");
  });

  it('an unknown default_profile is an error too', async () => {
    const dir = tempDir();
    const path = write(dir, 'ckafka.config.json', { default_profile: 'gone' });
    expect((await loadError(dir)).message).toBe(`unknown profile 'gone' (default_profile in ${path}); ${path} has no profiles`);
  });

  it('a profile without any config file says so', async () => {
    const dir = tempDir();
    const error = await loadError(dir, { profile: 'prod' });
    expect(error.message).toBe(`profile 'prod' (--profile) needs a config file, but none was found from ${dir}`);
  });
});
