import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parsePhpConfig, PhpSyntaxError, type PhpValue } from '../../../src/config/php.js';
import { JsonSyntaxError, parseJsonSafely } from '../../../src/config/json.js';
import { readConfigDocument } from '../../../src/config/file.js';
import { Problems } from '../../../src/config/problems.js';
import { CkafkaError } from '../../../src/errors/errors.js';
import { loadError, load, tempDir, write } from './helpers.js';

// The config readers take whatever is in a file: any text gives a value or a syntax error of
// their own (which search.ts turns into a config error naming the file), never another
// exception, never a stack overflow; and what a file says is read back exactly.

const anyText = fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 200 });
// Text made of the pieces of PHP and JSON syntax, so the readers get past their first token.
const PIECES = ['<?php', 'return', 'array', '[', ']', '(', ')', '{', '}', '=>', ',', ';', ':', '.', '-', "'a'", '"b"', "'\\''", '"\\x41\\u{1F600}"', '1', '0x1F', '1.5e3', 'true', 'null', 'FALSE', '$x', '// c\n', '# c\n', '/* c */', '?>', ' ', '\n', '"', "'", '\\', 'declare(strict_types=1);', '<<<EOT'];
const syntaxSoup = fc.array(fc.constantFrom(...PIECES), { maxLength: 60 }).map((a) => a.join(''));
const nested = fc.integer({ min: 1, max: 3000 }).map((n) => ({ open: n }));

/** A PHP value as CKafkaSetting.php would write it. */
function php(value: PhpValue): string {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  if (Array.isArray(value)) return `[${value.map(php).join(', ')}]`;
  return `array(${Object.entries(value).map(([k, v]) => `${php(k)} => ${php(v)}`).join(",\n  ")},)`;
}

// Keys that PHP would turn into integers ('1', '-0'…) come back as strings here; keep to words.
const phpKey = fc.string({ unit: fc.constantFrom(...'abz_.-:#/ 9'.split('')), minLength: 1, maxLength: 8 }).filter((k) => !/^\d/.test(k));
const phpValue: fc.Arbitrary<PhpValue> = fc.letrec<{ v: PhpValue }>((tie) => ({
  v: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.string({ unit: 'binary', maxLength: 20 }),
    fc.integer({ min: -1_000_000, max: 1_000_000 }),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('v'), { maxLength: 4 }),
    fc.dictionary(phpKey, tie('v'), { maxKeys: 4, minKeys: 1 }),
  ),
})).v;

describe('the PHP config reader (property)', () => {
  it('gives a value or a PhpSyntaxError with a line and column for any text', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, syntaxSoup, syntaxSoup.map((s) => `<?php return [${s}];`)), (source) => {
        try {
          parsePhpConfig(source);
        } catch (error) {
          expect(error).toBeInstanceOf(PhpSyntaxError);
          expect((error as PhpSyntaxError).line).toBeGreaterThanOrEqual(1);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('reads back exactly the settings a file writes', () => {
    fc.assert(
      fc.property(fc.dictionary(phpKey, phpValue, { maxKeys: 6, minKeys: 1 }), (settings) => {
        expect(parsePhpConfig(`<?php\nreturn ${php(settings)};\n`)).toEqual(settings);
      }),
      { numRuns: 500 },
    );
  });

  it('refuses arrays nested without end instead of overflowing the stack', () => {
    fc.assert(
      fc.property(nested, ({ open }) => {
        const source = `<?php return ${'['.repeat(open)}${']'.repeat(open)};`;
        if (open <= 64) expect(parsePhpConfig(source)).toBeDefined();
        else expect(() => parsePhpConfig(source)).toThrow(PhpSyntaxError);
      }),
      { numRuns: 50 },
    );
  });
});

describe('the JSON config reader (property)', () => {
  it('gives a value or a JsonSyntaxError that quotes nothing of the file, for any text', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, syntaxSoup, fc.json().map((j) => j.slice(0, Math.max(0, j.length - 1)))), (source) => {
        try {
          parseJsonSafely(source);
        } catch (error) {
          expect(error).toBeInstanceOf(JsonSyntaxError);
          const e = error as JsonSyntaxError;
          expect(e.message).toMatch(/^invalid JSON at line \d+, column \d+: [a-z ',{}:\][0-9]+$/);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('reads back exactly any JSON document (with a BOM or not)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.boolean(), (value, bom) => {
        const text = (bom ? '\uFEFF' : '') + JSON.stringify(value, null, 2);
        expect(parseJsonSafely(text)).toEqual(JSON.parse(JSON.stringify(value)));
      }),
      { numRuns: 500 },
    );
  });

  it('refuses unterminated nesting of any depth without overflowing the stack', () => {
    fc.assert(
      fc.property(nested, fc.constantFrom('[', '{"a":'), ({ open }, unit) => {
        expect(() => parseJsonSafely(unit.repeat(open))).toThrow(JsonSyntaxError);
      }),
      { numRuns: 50 },
    );
  });

  it('turns any parsed document into settings or problems, never an exception', () => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), fc.dictionary(fc.constantFrom('bootstrap_servers', 'topic_name', 'client', 'producer', 'consumer', 'profiles', 'default_profile', '__proto__', 'constructor', 'x'), fc.jsonValue({ maxDepth: 3 }))), (doc) => {
        const problems = new Problems();
        readConfigDocument(doc, '/c.json', problems);
        for (const p of problems.list) expect(p.startsWith('/c.json')).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('config files end to end (property)', () => {
  it('any file content is a configuration or a config error (exit 3) naming the file', async () => {
    const dir = tempDir();
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('c.json', 'CKafkaSetting.php', 'c.yaml'), fc.oneof(anyText, syntaxSoup, fc.json()), async (name, content) => {
        const path = write(dir, name, content);
        try {
          await load(dir, { configPath: name });
        } catch {
          const error = await loadError(dir, { configPath: name });
          expect(error).toBeInstanceOf(CkafkaError);
          expect(error.kind).toBe('config');
          expect(error.message).toContain(path);
        }
      }),
      { numRuns: 150 },
    );
  });
});
