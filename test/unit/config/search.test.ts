import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { searchConfigFile, searchDirs } from '../../../src/config/search.js';
import { load, loadError, request, tempDir, write } from './helpers.js';

describe('config file search (cosmiconfig, module ckafka)', () => {
  it.each([
    ['ckafka.config.json', JSON.stringify({ topic_name: 'from-json' })],
    ['.ckafkarc', 'topic_name: from-json\n'],
    ['.ckafkarc', JSON.stringify({ topic_name: 'from-json' })],
    ['.ckafkarc.json', JSON.stringify({ topic_name: 'from-json' })],
    ['.ckafkarc.yaml', 'topic_name: from-json\nproducer:\n  acks: all\n'],
    ['.ckafkarc.yml', 'topic_name: from-json\n'],
    ['package.json', JSON.stringify({ name: 'x', ckafka: { topic_name: 'from-json' } })],
  ])('reads %s (%#)', async (name, content) => {
    const dir = tempDir();
    const path = write(dir, name, content);
    const config = await load(dir);
    expect(config.files).toEqual([path]);
    expect(config.topic).toEqual({ value: 'from-json', source: { kind: 'file', path } });
    expect((await searchConfigFile(request(dir), dir)).loader).toBe('cosmiconfig');
  });

  it('skips a package.json without a ckafka key', async () => {
    const dir = tempDir();
    write(dir, 'package.json', { name: 'x' });
    expect((await load(dir)).files).toEqual([]);
  });

  it('prefers ckafka.config.json over .ckafkarc in the same directory', async () => {
    const dir = tempDir();
    const path = write(dir, 'ckafka.config.json', { topic_name: 'a' });
    write(dir, '.ckafkarc', 'topic_name: b');
    expect((await load(dir)).files).toEqual([path]);
  });

  it('searches upward from the working directory, nearest first', async () => {
    const root = tempDir();
    write(root, 'ckafka.config.json', { topic_name: 'far' });
    const near = write(root, 'a/.ckafkarc.json', { topic_name: 'near' });
    const cwd = join(root, 'a/b/c');
    mkdirSync(cwd, { recursive: true });
    const config = await load(cwd, { env: { HOME: root } });
    expect(config.files).toEqual([near]);
    expect(config.topic?.value).toBe('near');
  });

  it('then the home directory (from the request env), then $XDG_CONFIG_HOME/ckafka', async () => {
    const root = tempDir();
    const home = join(root, 'home');
    const cwd = join(root, 'elsewhere');
    mkdirSync(cwd, { recursive: true });
    const inHome = write(home, '.ckafkarc.yaml', 'topic_name: home');
    expect((await load(cwd, { env: { HOME: home } })).files).toEqual([inHome]);

    const xdg = write(root, 'xdg/ckafka/config.json', { topic_name: 'xdg' });
    const other = join(root, 'other-home');
    expect((await load(cwd, { env: { HOME: other, XDG_CONFIG_HOME: join(root, 'xdg') } })).files).toEqual([xdg]);
    const dotConfig = write(other, '.config/ckafka/config.yaml', 'topic_name: dot-config');
    expect((await load(cwd, { env: { HOME: other } })).files).toEqual([dotConfig]);
  });

  it('stops the upward walk at the home directory', () => {
    expect(searchDirs('/home/u/p/q', { HOME: '/home/u' })).toEqual(['/home/u/p/q', '/home/u/p', '/home/u']);
    expect(searchDirs('/srv/x', { HOME: '/home/u' })).toEqual(['/srv/x', '/srv', '/', '/home/u']);
    expect(searchDirs('/srv/x', {})).toEqual(['/srv/x', '/srv', '/']);
  });

  it('finds nothing without a file: defaults only', async () => {
    const config = await load(tempDir());
    expect(config.files).toEqual([]);
    expect(config.bootstrapServers).toBeUndefined();
    expect(config.producer.acks).toBe(1);
  });
});

describe('the no-file fast path (cosmiconfig is loaded only when a file may be there)', () => {
  const search = (cwd: string, env: Record<string, string> = {}, metaDir = cwd) => searchConfigFile(request(cwd, { env }), metaDir);

  it('an empty directory tree: nothing found, without cosmiconfig', async () => {
    const root = tempDir();
    const cwd = join(root, 'a/b');
    mkdirSync(cwd, { recursive: true });
    expect(await search(cwd, { HOME: root })).toEqual({ file: undefined, loader: 'prescan' });
  });

  it('a package.json without a ckafka key does not need cosmiconfig', async () => {
    const dir = tempDir();
    write(dir, 'package.json', { name: 'x', dependencies: {} });
    expect(await search(dir)).toEqual({ file: undefined, loader: 'prescan' });
  });

  it('a file in a parent, in HOME or in the global directory goes to cosmiconfig', async () => {
    const root = tempDir();
    const cwd = join(root, 'p/q');
    mkdirSync(cwd, { recursive: true });
    const parent = write(root, 'p/.ckafkarc.yml', 'topic_name: up');
    expect(await search(cwd, { HOME: root })).toMatchObject({ file: { path: parent }, loader: 'cosmiconfig' });

    const home = tempDir();
    const inHome = write(home, 'package.json', { ckafka: { topic_name: 'h' } });
    const elsewhere = tempDir();
    expect(await search(elsewhere, { HOME: home })).toMatchObject({ file: { path: inHome }, loader: 'cosmiconfig' });

    const xdg = tempDir();
    const global = write(xdg, 'ckafka/config', 'topic_name: g');
    expect(await search(elsewhere, { HOME: elsewhere, XDG_CONFIG_HOME: xdg })).toMatchObject({ file: { path: global }, loader: 'cosmiconfig' });
  });

  it('anything unclear is left to cosmiconfig: an unparsable package.json, a directory named like a config file', async () => {
    const dir = tempDir();
    write(dir, 'package.json', '{ not json');
    expect((await loadError(dir)).message).toContain(`${dir}/package.json: invalid JSON`);

    const other = tempDir();
    mkdirSync(join(other, '.ckafkarc'));
    expect(await search(other)).toEqual({ file: undefined, loader: 'cosmiconfig' });
  });

  it("cosmiconfig's own meta config in the process's directory (it may add search places) goes to cosmiconfig", async () => {
    const cwd = tempDir();
    const meta = tempDir();
    write(meta, '.config/config.json', { cosmiconfig: { searchPlaces: ['.config/{name}.json'] } });
    expect((await search(cwd, {}, meta)).loader).toBe('cosmiconfig');
    const metaPackage = tempDir();
    write(metaPackage, 'package.json', { cosmiconfig: { searchPlaces: ['x'] } });
    expect((await search(cwd, {}, metaPackage)).loader).toBe('cosmiconfig');
    expect((await search(metaPackage, {}, metaPackage)).loader).toBe('cosmiconfig');
  });

  it('--config and CKAFKA_CONFIG read JSON and PHP without cosmiconfig, YAML and package.json through it', async () => {
    const dir = tempDir();
    const yaml = write(dir, 'conf.yaml', 'topic_name: x');
    expect(await searchConfigFile(request(dir, { configPath: 'conf.yaml' }), dir)).toMatchObject({ file: { path: yaml, how: 'flag' }, loader: 'cosmiconfig' });
    const json = write(dir, 'conf.json', { topic_name: 'j' });
    expect(await searchConfigFile(request(dir, { configPath: 'conf.json' }), dir)).toMatchObject({ file: { path: json, how: 'flag', doc: { topic_name: 'j' } }, loader: 'direct' });
    const php = write(dir, 'CKafkaSetting.php', "<?php return ['topic_name' => 'p'];");
    expect(await searchConfigFile(request(dir, { env: { HOME: dir, CKAFKA_CONFIG: php } }), dir)).toMatchObject({ file: { path: php, how: 'env', doc: { topic_name: 'p' } }, loader: 'direct' });
    const pkg = write(dir, 'p/package.json', { name: 'x', ckafka: { topic_name: 'k' } });
    expect(await searchConfigFile(request(dir, { configPath: 'p/package.json' }), dir)).toMatchObject({ file: { path: pkg, doc: { topic_name: 'k' } }, loader: 'cosmiconfig' });
  });

  it('an explicit JSON or PHP file fails as it did through cosmiconfig', async () => {
    const dir = tempDir();
    const json = write(dir, 'bad.json', '{"topic_name": "t",');
    expect((await loadError(dir, { configPath: 'bad.json' })).message).toBe(`${json}: invalid JSON at line 1, column 20: unexpected end of the file`);
    write(dir, 'import.json', { $import: './other.json' });
    expect((await loadError(dir, { configPath: 'import.json' })).message).toContain('$import is not supported');
    const php = write(dir, 'bad.php', '<?php return [');
    const error = await loadError(dir, { configPath: 'bad.php' });
    expect(error.message).toMatch(new RegExp(`^${php}: `));
    expect(error.hint).toContain('nothing is executed');
  });
});

describe('--config PATH and CKAFKA_CONFIG', () => {
  it('--config reads that file instead of searching, relative to cwd', async () => {
    const dir = tempDir();
    write(dir, 'ckafka.config.json', { topic_name: 'searched' });
    const explicit = write(dir, 'conf/prod.yaml', 'topic_name: explicit');
    const config = await load(dir, { configPath: 'conf/prod.yaml' });
    expect(config.files).toEqual([explicit]);
    expect(config.topic?.value).toBe('explicit');
  });

  it('CKAFKA_CONFIG is used when --config is not given, and --config wins over it', async () => {
    const dir = tempDir();
    const a = write(dir, 'a.json', { topic_name: 'a' });
    const b = write(dir, 'b.json', { topic_name: 'b' });
    expect((await load(dir, { env: { CKAFKA_CONFIG: a } })).files).toEqual([a]);
    expect((await load(dir, { env: { CKAFKA_CONFIG: a }, configPath: b })).files).toEqual([b]);
  });

  it('expands ~ in the path with the request HOME', async () => {
    const dir = tempDir();
    const path = write(dir, 'h/my.json', { topic_name: 'tilde' });
    expect((await load(dir, { configPath: '~/my.json', env: { HOME: join(dir, 'h') } })).files).toEqual([path]);
  });

  it('a missing explicit file is a config error naming it and where it was given', async () => {
    const dir = tempDir();
    expect((await loadError(dir, { configPath: 'nope.json' })).message).toBe(`config file not found: ${dir}/nope.json (from --config)`);
    const fromEnv = await loadError(dir, { env: { CKAFKA_CONFIG: '/no/such.json' } });
    expect(fromEnv.kind).toBe('config');
    expect(fromEnv.message).toBe('config file not found: /no/such.json (from CKAFKA_CONFIG)');
    expect((await loadError(dir, { configPath: '.' })).message).toContain('is not a file');
  });

  it('refuses to execute JavaScript configuration', async () => {
    const dir = tempDir();
    write(dir, 'ckafka.config.js', 'export default { topic_name: "x" }');
    expect((await loadError(dir, { configPath: 'ckafka.config.js' })).message).toContain('ckafka does not execute configuration files');
  });

  it('refuses cosmiconfig $import (one file, so every value has one source)', async () => {
    const dir = tempDir();
    write(dir, 'ckafka.config.json', { $import: './other.json' });
    expect((await loadError(dir)).message).toContain('$import is not supported');
  });
});

describe('syntax errors', () => {
  it('JSON: file, line and column, without quoting the file', async () => {
    const dir = tempDir();
    const path = write(dir, 'ckafka.config.json', '{\n  "topic_name": "t",\n  "sasl_password": hunter2\n}');
    const error = await loadError(dir);
    expect(error.kind).toBe('config');
    expect(error.message).toBe(`${path}: invalid JSON at line 3, column 20: unexpected character`);
    expect(error.message).not.toContain('hunter2');
  });

  it('JSON: a missing comma says what was expected', async () => {
    const dir = tempDir();
    const path = write(dir, 'ckafka.config.json', '{"sasl_password": "hunter2" "topic_name": "t"}');
    const error = await loadError(dir);
    expect(error.message).toBe(`${path}: invalid JSON at line 1, column 29: expected ',' or '}' after property value`);
  });

  it('JSON: a truncated file', async () => {
    const dir = tempDir();
    const path = write(dir, 'ckafka.config.json', '{"topic_name": "t",');
    expect((await loadError(dir)).message).toBe(`${path}: invalid JSON at line 1, column 20: unexpected end of the file`);
  });

  it('YAML: file, line and reason, without quoting the file', async () => {
    const dir = tempDir();
    const path = write(dir, '.ckafkarc.yaml', 'topic_name: t\nsasl_password: "hunter2\n');
    const error = await loadError(dir);
    expect(error.message).toMatch(new RegExp(`^${path}: invalid YAML at line \\d+, column \\d+: `));
    expect(error.message).not.toContain('hunter2');
  });

  it.each([
    ['an empty explicit file', 'empty.json', '', { configPath: 'empty.json' }],
    ['an explicit file of whitespace', 'blank.json', ' \n\t\n', { configPath: 'blank.json' }],
    ['a JSON null', 'null.json', 'null', { configPath: 'null.json' }],
    ['a YAML file of comments only', 'c.yaml', '# topic_name: t\n', { configPath: 'c.yaml' }],
    ['a PHP file returning null', 'CKafkaSetting.php', '<?php return null;', { configPath: 'CKafkaSetting.php' }],
    ['an empty ckafka.config.json found by the search', 'ckafka.config.json', '', {}],
    ['a null .ckafkarc found by the search', '.ckafkarc', 'null', {}],
  ])('%s is refused, not taken as an empty configuration', async (_what, name, content, extra) => {
    const dir = tempDir();
    const path = write(dir, name, content);
    const error = await loadError(dir, extra);
    expect(error.kind).toBe('config');
    expect(error.message).toBe(`${path}: the file has no settings (it is empty, only comments, or null); expected an object such as {"bootstrap_servers": "host:9092"}`);
  });

  it('an empty object is an empty configuration', async () => {
    const dir = tempDir();
    write(dir, 'empty.json', '{}');
    expect((await load(dir, { configPath: 'empty.json' })).topic).toBeUndefined();
  });
});
