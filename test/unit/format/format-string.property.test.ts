import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compileFormat } from '../../../src/format/format-string.js';
import { CkafkaError } from '../../../src/errors/errors.js';
import type { ConsumedMessage, Header } from '../../../src/kafka/records.js';

// Property tests of the -f parser: any text a user may type either compiles or is a usage error
// (exit 2), quickly; a compiled format renders any message without throwing, and renders what a
// simple model of kcat's format language says.

const ENCODINGS = ['utf8', 'base64', 'hex'] as const;
const PROTO_NAMES = ['constructor', '__proto__', 'toString', 'valueOf', 'hasOwnProperty'];

const bytes = fc.option(fc.uint8Array({ maxLength: 64 }).map((a) => Buffer.from(a)), { nil: null });
const header: fc.Arbitrary<Header> = fc.record({
  key: fc.oneof(fc.constantFrom(...PROTO_NAMES, 'a', ''), fc.string({ maxLength: 12 })),
  value: bytes,
});
const message: fc.Arbitrary<ConsumedMessage> = fc.record({
  topic: fc.string({ minLength: 1, maxLength: 20 }),
  partition: fc.nat(1000),
  offset: fc.bigInt({ min: 0n, max: (1n << 63n) - 1n }).map(String),
  timestamp: fc.oneof(fc.constant(-1), fc.integer({ min: 0, max: 4102444800000 })),
  key: bytes,
  value: bytes,
  headers: fc.array(header, { maxLength: 6 }),
});

/** Text a user might type: heavy on %, \ and the letters that matter, plus anything at all. */
const formatText = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.string({ unit: fc.constantFrom('%', '\\', 't', 'p', 'o', 'T', 'k', 's', 'h', 'K', 'S', 'n', 'r', '0', 'z', ' ', 'é', '😀'), maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 100 }),
);

function compileOrError(format: string, encoding: (typeof ENCODINGS)[number]): ((m: ConsumedMessage) => Buffer) | CkafkaError {
  try {
    return compileFormat(format, encoding);
  } catch (error) {
    return error as CkafkaError;
  }
}

describe('compileFormat (properties)', () => {
  it('any text compiles or is a usage error naming --format, and a compiled one renders any message', () => {
    fc.assert(
      fc.property(formatText, fc.constantFrom(...ENCODINGS), message, (format, encoding, m) => {
        const started = performance.now();
        const compiled = compileOrError(format, encoding);
        if (compiled instanceof Error) {
          expect(compiled).toBeInstanceOf(CkafkaError);
          expect(compiled.kind).toBe('usage');
          expect(compiled.message).toMatch(/^--format: unknown (placeholder|escape) /);
          expect(compiled.hint).toBeTruthy();
        } else {
          expect(Buffer.isBuffer(compiled(m))).toBe(true);
        }
        // No hang: a format of a few hundred characters is compiled and used in well under a second.
        expect(performance.now() - started).toBeLessThan(1000);
      }),
      { numRuns: 2000 },
    );
  });

  it('a large format is no slower than linear', () => {
    const big = '%s %k %h\\n'.repeat(20_000);
    const started = performance.now();
    const render = compileFormat(big, 'utf8');
    render({ topic: 't', partition: 0, offset: '1', timestamp: 1, key: null, value: Buffer.from('v'), headers: [] });
    expect(performance.now() - started).toBeLessThan(2000);
    const bad = `${'%s'.repeat(50_000)}%`;
    expect(() => compileFormat(bad, 'utf8')).toThrow(CkafkaError);
  });

  it('text without % or \\ is printed byte for byte, whatever the message', () => {
    const literal = fc.string({ maxLength: 100 }).filter((s) => !s.includes('%') && !s.includes('\\'));
    fc.assert(
      fc.property(literal, fc.constantFrom(...ENCODINGS), message, (text, encoding, m) => {
        expect(compileFormat(text, encoding)(m)).toEqual(Buffer.from(text));
      }),
    );
  });

  it('renders what a model of the format language says (placeholders, escapes, literals in any order)', () => {
    const tokens = fc.array(
      fc.oneof(
        fc.constantFrom('%t', '%p', '%o', '%T', '%k', '%s', '%h', '%K', '%S', '%%', '\\n', '\\t', '\\r', '\\\\', '\\0'),
        fc.string({ minLength: 1, maxLength: 8 }).filter((s) => !s.includes('%') && !s.includes('\\')),
      ),
      { maxLength: 20 },
    );
    fc.assert(
      fc.property(tokens, fc.constantFrom(...ENCODINGS), message, (parts, encoding, m) => {
        const expected = Buffer.concat(parts.map((p) => model(p, m, encoding)));
        expect(compileFormat(parts.join(''), encoding)(m)).toEqual(expected);
      }),
    );
  });

  it('a bad placeholder or escape anywhere is refused, wherever it sits', () => {
    const good = fc.constantFrom('%s', 'abc', '\\n', '%%', ' ');
    const bad = fc.oneof(
      fc.constantFrom('%', '\\').chain((lead) => fc.string({ minLength: 1, maxLength: 1 }).filter((c) => (lead === '%' ? !'tpoTkshKS%'.includes(c) : !'ntr\\0'.includes(c))).map((c) => lead + c)),
      fc.constantFrom('%', '\\'),
    );
    fc.assert(
      fc.property(fc.array(good, { maxLength: 5 }), bad, (before, wrong) => {
        // A lone % or \ is only wrong at the very end; elsewhere it would pair with what follows.
        const format = before.join('') + wrong;
        const compiled = compileOrError(format, 'utf8');
        expect(compiled).toBeInstanceOf(CkafkaError);
        expect((compiled as CkafkaError).kind).toBe('usage');
      }),
    );
  });
});

/** kcat's format language, written out plainly. */
function model(token: string, m: ConsumedMessage, encoding: (typeof ENCODINGS)[number]): Buffer {
  const enc = (b: Buffer | null) => (b === null ? Buffer.alloc(0) : encoding === 'utf8' ? b : Buffer.from(b.toString(encoding)));
  switch (token) {
    case '%t': return Buffer.from(m.topic);
    case '%p': return Buffer.from(String(m.partition));
    case '%o': return Buffer.from(m.offset);
    case '%T': return Buffer.from(String(m.timestamp));
    case '%k': return enc(m.key);
    case '%s': return enc(m.value);
    case '%K': return Buffer.from(String(m.key?.length ?? -1));
    case '%S': return Buffer.from(String(m.value?.length ?? -1));
    case '%h': return Buffer.from(m.headers.map((h) => (h.value === null ? h.key : `${h.key}=${h.value.toString(encoding)}`)).join(','));
    case '%%': return Buffer.from('%');
    case '\\n': return Buffer.from('\n');
    case '\\t': return Buffer.from('\t');
    case '\\r': return Buffer.from('\r');
    case '\\\\': return Buffer.from('\\');
    case '\\0': return Buffer.from('\0');
    default: return Buffer.from(token);
  }
}
