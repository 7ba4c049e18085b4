import { afterEach, describe, expect, it } from 'vitest';
import { parsePhpConfig, PhpSyntaxError } from '../../../src/config/php.js';
import { setLocale } from '../../../src/i18n/index.js';
import { load, loadError, tempDir, write } from './helpers.js';

const DEMO = `<?php
return [
    'bootstrap_servers' => 'bootstrap_servers1:port,bootstrap_servers2:port',
    'topic_name' => 'topic_name',
    'group_id' => 'php-demo',
];
`;

const PUBLIC_DEMO = `<?php
return [
    'bootstrap_servers' => 'bootstrap_servers1:port,bootstrap_servers2:port',
    'topic_name' => 'topic_name',
    'group_id' => 'php-demo',
    'ckafka_instance_id' => 'ckafka_instance_id',
    'sasl_username' => 'username',
    'sasl_password' => 'password'
];
`;

function syntaxError(source: string): PhpSyntaxError {
  try {
    parsePhpConfig(source);
  } catch (error) {
    if (error instanceof PhpSyntaxError) return error;
    throw error;
  }
  throw new Error('expected a syntax error');
}

/** Malformed files: a name, the text, and (part of) the English message with its position. */
const MALFORMED: [string, string, string][] = [
  ['a missing semicolon', "<?php return ['a' => 'b']", "line 1, column 26: expected ';' after the returned array, found the end of the file"],
  ['a missing comma', "<?php return [\n  'a' => 'b'\n  'c' => 'd'\n];", "line 3, column 3: expected ',' or ']' in the array, found a string"],
  ['an unterminated string', "<?php\nreturn ['a' => 'b];", 'line 2, column 16: unterminated string'],
  ['an unterminated comment', '<?php /* return [];', 'unterminated /* comment'],
  ['code before return', "<?php\n$x = 1;\nreturn [];", "line 2, column 1: expected 'return [ … ];', found a variable (variables are not evaluated); only a returned array literal is read, nothing is executed"],
  ['a function call', "<?php return ['sasl_password' => getenv('P')];", 'line 1, column 34: expected a value (a string, number, true, false, null or an array), found a bare name (constants and function calls are not evaluated)'],
  ['a constant', "<?php return ['a' => __DIR__ . '/x'];", 'found a bare name'],
  ['a variable in a double-quoted string', '<?php return ["a" => "x$y"];', 'variables in double-quoted strings are not evaluated'],
  ['code after return', "<?php return [];\necho 'hi';", "line 2, column 1: expected the end of the file after 'return …;', found a bare name"],
  ['a heredoc', '<?php return [\'a\' => <<<EOT\nx\nEOT];', 'heredoc and nowdoc strings are not supported'],
  ['mixed keyed and unkeyed entries', "<?php return ['a' => 1, 'b'];", 'an array must either give every entry a key'],
  ['a duplicate key', "<?php return ['a' => 1, 'a' => 2];", "line 1, column 25: duplicate key 'a'"],
  ['an array as a key', "<?php return [[1] => 2];", 'an array key must be a string or an integer'],
  ['a short open tag', '<? return [];', "expected '<?php'"],
  ['a stray character', "<?php return ['a' => @'b'];", "unexpected character '@'"],
  ['a malformed number', "<?php return ['a' => 12abc];", 'malformed number'],
  ['an empty file', '', "expected 'return [ … ];', found the end of the file"],
];

describe('parsePhpConfig', () => {
  it("reads the VPC demo's CKafkaSetting.php", () => {
    expect(parsePhpConfig(DEMO)).toEqual({
      bootstrap_servers: 'bootstrap_servers1:port,bootstrap_servers2:port',
      topic_name: 'topic_name',
      group_id: 'php-demo',
    });
  });

  it("reads the public-network demo's file (no trailing comma)", () => {
    expect(parsePhpConfig(PUBLIC_DEMO)).toMatchObject({ ckafka_instance_id: 'ckafka_instance_id', sasl_username: 'username', sasl_password: 'password' });
  });

  it('reads array() syntax, double quotes, comments, numbers, booleans, null and nested arrays', () => {
    const source = `\uFEFF<?php
declare(strict_types=1);
/* the cluster
   settings */
return array(
    "bootstrap_servers" => "a:9092", // VPC access point
    'topic_name' => 'it\\'s', # a comment
    'producer' => ['acks' => -1, 'retries' => 3, 'linger' => 1.5, 'enable.idempotence' => true],
    'consumer' => array('x' => FALSE, 'y' => NULL, 'z' => 0x1F, 'o' => 0o17, 'b' => 0b101, 'big' => 1_000),
    'list' => ['a:1', 'b:2',],
    'escapes' => "tab\\there\\n\\x41\\101\\u{1F600}\\$\\"\\q",
    'single' => 'no \\n escape \\\\ here',
    'joined' => 'host1:9092,' . "host2:" . 9092,
    5 => 'int key',
);
?>
`;
    expect(parsePhpConfig(source)).toEqual({
      bootstrap_servers: 'a:9092',
      topic_name: "it's",
      producer: { acks: -1, retries: 3, linger: 1.5, 'enable.idempotence': true },
      consumer: { x: false, y: null, z: 31, o: 15, b: 5, big: 1000 },
      list: ['a:1', 'b:2'],
      escapes: 'tab\there\nAA\u{1F600}$"\\q',
      single: 'no \\n escape \\ here',
      joined: 'host1:9092,host2:9092',
      5: 'int key',
    });
  });

  it('accepts a file without the <?php tag and an empty array', () => {
    expect(parsePhpConfig('return [];')).toEqual([]);
  });

  it.each(MALFORMED)('rejects %s with its position', (_name, source, message) => {
    expect(syntaxError(source).message).toContain(message);
  });

  describe('in Chinese', () => {
    afterEach(() => setLocale('en'));

    it('says the same at the same line and column, without English words', () => {
      for (const [name, source] of MALFORMED) {
        setLocale('en');
        const en = syntaxError(source);
        setLocale('zh-CN');
        const zh = syntaxError(source);
        expect([zh.line, zh.column], name).toEqual([en.line, en.column]);
        expect(zh.message, name).toMatch(new RegExp(`^第 ${en.line} 行，第 ${en.column} 列：.*[\\u4e00-\\u9fff]`));
        expect(zh.message, name).not.toMatch(/\b(expected|found|unterminated|not|must|either|duplicate|unexpected|malformed|the)\b/);
      }
      expect(syntaxError(MALFORMED[1]![1]).message).toBe("第 3 行，第 3 列：数组中应为 ',' 或 ']'，实际为一个字符串");
    });
  });

  it('never quotes string contents or bare words in its messages (they may be passwords)', () => {
    const messages = [
      "<?php return ['sasl_password' => 'hunter2' 'x'];",
      "<?php return ['sasl_password' => hunter2];",
      "<?php return ['sasl_password' => 'hunter2];",
      '<?php return ["sasl_password" => "hunter2$x"];',
    ].map((s) => syntaxError(s).message);
    for (const m of messages) expect(m).not.toContain('hunter2');
  });
});

describe('--config CKafkaSetting.php', () => {
  it('loads the public-network demo file: SASL_PLAINTEXT, PLAIN, instance#user', async () => {
    const dir = tempDir();
    write(dir, 'CKafkaSetting.php', PUBLIC_DEMO.replace(/:port/g, ':6000'));
    const config = await load(dir, { configPath: 'CKafkaSetting.php' });
    expect(config.files).toEqual([`${dir}/CKafkaSetting.php`]);
    expect(config.topic?.value).toBe('topic_name');
    expect(config.client.sasl).toEqual({ mechanism: 'plain', username: 'ckafka_instance_id#username', password: 'password' });
    expect(config.client.ssl).toBeUndefined();
    expect(config.properties.client['security.protocol']).toMatchObject({ value: 'SASL_PLAINTEXT' });
  });

  it('reports a malformed file as a config error with the file, line and column', async () => {
    const dir = tempDir();
    write(dir, 'CKafkaSetting.php', "<?php\nreturn [\n  'topic_name' => 'x'\n  'group_id' => 'y',\n];\n");
    const error = await loadError(dir, { configPath: 'CKafkaSetting.php' });
    expect(error.kind).toBe('config');
    expect(error.message).toBe(`${dir}/CKafkaSetting.php: line 4, column 3: expected ',' or ']' in the array, found a string`);
    expect(error.hint).toContain('nothing is executed');
  });

  it("validates the file's keys like any config file", async () => {
    const dir = tempDir();
    write(dir, 'CKafkaSetting.php', "<?php return ['bootstrap_servers' => 'a:1', 'topic_nme' => 't'];");
    const error = await loadError(dir, { configPath: 'CKafkaSetting.php' });
    expect(error.message).toContain(`${dir}/CKafkaSetting.php: topic_nme: unknown key (did you mean 'topic_name'?)`);
  });

  it('rejects a file that returns something other than an array of settings', async () => {
    const dir = tempDir();
    write(dir, 'CKafkaSetting.php', "<?php return 'a:9092';");
    expect((await loadError(dir, { configPath: 'CKafkaSetting.php' })).message).toContain('expected an object of settings');
  });
});
