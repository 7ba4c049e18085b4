import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { propertiesMarkdown } from '../../../src/config/doc-table.js';
import { envVariables, PROPERTY_NAMES, topLevelKeys } from '../../../src/config/properties.js';
import { loadConfig } from '../../../src/config/load.js';
import { request, tempDir, write } from './helpers.js';

const root = new URL('../../../', import.meta.url);
const docs = readFileSync(new URL('docs/configuration.md', root), 'utf8');
const example = JSON.parse(readFileSync(new URL('ckafka.config.example.json', root), 'utf8')) as Record<string, unknown>;

describe('docs/configuration.md', () => {
  it('holds the property table generated from the code', () => {
    const between = /<!-- properties:begin -->\n([\s\S]*?)\n<!-- properties:end -->/.exec(docs)?.[1];
    // On failure: regenerate with the command in src/config/doc-table.ts.
    expect(between).toBe(propertiesMarkdown());
  });

  it('lists every environment variable and top-level key', () => {
    for (const name of [...envVariables(), 'CKAFKA_CONFIG', 'CKAFKA_PROFILE']) expect(docs).toContain(`| \`${name}\``);
    for (const key of [...topLevelKeys(), 'client', 'producer', 'consumer', 'profiles', 'default_profile']) expect(docs).toContain(`\`${key}\``);
  });
});

describe('ckafka.config.example.json', () => {
  it('shows every top-level key', () => {
    const keys = new Set([...Object.keys(example), ...Object.values(example.profiles as Record<string, object>).flatMap((p) => Object.keys(p))]);
    for (const key of [...topLevelKeys(), 'client', 'producer', 'consumer', 'profiles', 'default_profile']) expect(keys, key).toContain(key);
  });

  it("loads, with the demo's values", async () => {
    const dir = tempDir();
    write(dir, 'ckafka.config.json', example);
    const config = await loadConfig(request(dir));
    expect(config.groupId?.value).toBe('php-demo');
    expect(config.producer).toMatchObject({ acks: 1, retries: 0 });
    expect(config.client).toMatchObject({ requestTimeout: 6000, retry: { initialRetryTime: 100, maxRetryTime: 3000 } });
    expect(config.consumer).toMatchObject({ sessionTimeout: 10000, autoOffsetReset: 'earliest' });
    for (const role of ['client', 'producer', 'consumer'] as const) {
      for (const [name, setting] of Object.entries(config.properties[role])) {
        if (setting.source.kind === 'file') expect(PROPERTY_NAMES as string[], name).toContain(name);
      }
    }
  });

  it('its profiles load too', async () => {
    const dir = tempDir();
    write(dir, 'ckafka.config.json', example);
    write(dir, '.ckafka-password', 'secret\n');
    const pub = await loadConfig(request(dir, { profile: 'public' }));
    expect(pub.client.sasl).toEqual({ mechanism: 'plain', username: 'ckafka-abc123#username', password: 'password' });
    const scram = await loadConfig(request(dir, { profile: 'public-scram-tls' }));
    expect(scram.client.sasl).toEqual({ mechanism: 'scram-sha-512', username: 'ckafka-abc123#username', password: 'secret' });
    expect(scram.client.ssl).toBe(true);
  });
});
