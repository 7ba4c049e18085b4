/**
 * Reads the PHP demo's CKafkaSetting.php as data: `<?php return [ 'key' => 'value', … ];`.
 * Nothing is executed. Accepted: `[...]` and `array(...)`, nested arrays, single- and
 * double-quoted strings (without variables), `.` between literals, integers and floats,
 * true/false/null, trailing commas, `//`, `#` and block comments, `declare(strict_types=1);`,
 * a closing `?>`. Anything else is an error with its line and column. Messages never quote
 * string contents or bare words, which may be a password.
 */

import { t } from '../i18n/index.js';

export type PhpValue = string | number | boolean | null | PhpValue[] | { [key: string]: PhpValue };

export class PhpSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(t.config.phpAt(line, column, message));
    this.name = 'PhpSyntaxError';
  }
}

type Token =
  | { kind: 'string'; value: string }
  | { kind: 'number'; value: number }
  | { kind: 'word'; value: string }
  | { kind: 'punct'; value: string }
  | { kind: 'variable' }
  | { kind: 'close' }
  | { kind: 'end' };
type Located = Token & { line: number; column: number };

const PUNCT = ['=>', '[', ']', '(', ')', ',', ';', '.', '-', '+', '='];

const describe = (token: Token): string => {
  switch (token.kind) {
    case 'string':
      return t.config.phpFoundString;
    case 'number':
      return t.config.phpFoundNumber;
    case 'word':
      return ['return', 'array', 'true', 'false', 'null', 'declare'].includes(token.value.toLowerCase())
        ? `'${token.value}'`
        : t.config.phpFoundBareName;
    case 'variable':
      return t.config.phpFoundVariable;
    case 'punct':
      return `'${token.value}'`;
    case 'close':
      return "'?>'";
    case 'end':
      return t.config.phpFoundEnd;
  }
};

class Lexer {
  private pos = 0;
  private line = 1;
  private column = 1;

  constructor(private readonly src: string) {}

  error(message: string): never {
    throw new PhpSyntaxError(message, this.line, this.column);
  }

  private advance(n: number): void {
    for (let i = 0; i < n; i += 1) {
      if (this.src[this.pos] === '\n') {
        this.line += 1;
        this.column = 1;
      } else {
        this.column += 1;
      }
      this.pos += 1;
    }
  }

  private startsWith(s: string): boolean {
    return this.src.startsWith(s, this.pos);
  }

  /** Skips the optional BOM, leading whitespace and `<?php` tag. */
  openTag(): void {
    if (this.src.charCodeAt(0) === 0xfeff) this.pos = 1;
    while (/\s/.test(this.src[this.pos] ?? '')) this.advance(1);
    if (this.src.slice(this.pos, this.pos + 5).toLowerCase() === '<?php') this.advance(5);
    else if (this.startsWith('<?')) this.error(t.config.phpShortOpenTag);
  }

  private skipSpaceAndComments(): void {
    for (;;) {
      const c = this.src[this.pos];
      if (c !== undefined && /\s/.test(c)) this.advance(1);
      else if (this.startsWith('//') || c === '#') {
        while (this.pos < this.src.length && this.src[this.pos] !== '\n' && !this.startsWith('?>')) this.advance(1);
      } else if (this.startsWith('/*')) {
        const end = this.src.indexOf('*/', this.pos + 2);
        if (end < 0) this.error(t.config.phpUnterminatedComment);
        this.advance(end + 2 - this.pos);
      } else return;
    }
  }

  next(): Located {
    this.skipSpaceAndComments();
    const at = { line: this.line, column: this.column };
    const c = this.src[this.pos];
    if (c === undefined) return { kind: 'end', ...at };
    if (this.startsWith('?>')) {
      this.advance(2);
      return { kind: 'close', ...at };
    }
    if (c === "'") return { kind: 'string', value: this.singleQuoted(), ...at };
    if (c === '"') return { kind: 'string', value: this.doubleQuoted(), ...at };
    if (this.startsWith('<<<')) this.error(t.config.phpHeredoc);
    if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(this.src[this.pos + 1] ?? ''))) return { kind: 'number', value: this.number(), ...at };
    if (c === '$') {
      this.advance(1);
      return { kind: 'variable', ...at };
    }
    const word = /^[A-Za-z_\x80-\uffff][A-Za-z0-9_\x80-\uffff]*/.exec(this.src.slice(this.pos, this.pos + 256));
    if (word) {
      this.advance(word[0].length);
      return { kind: 'word', value: word[0], ...at };
    }
    const punct = PUNCT.find((p) => this.startsWith(p));
    if (punct !== undefined) {
      this.advance(punct.length);
      return { kind: 'punct', value: punct, ...at };
    }
    return this.error(t.config.phpUnexpectedCharacter(c));
  }

  private singleQuoted(): string {
    const start = { line: this.line, column: this.column };
    this.advance(1);
    let out = '';
    for (;;) {
      const c = this.src[this.pos];
      if (c === undefined) throw new PhpSyntaxError(t.config.phpUnterminatedString, start.line, start.column);
      if (c === "'") break;
      if (c === '\\' && (this.src[this.pos + 1] === "'" || this.src[this.pos + 1] === '\\')) {
        out += this.src[this.pos + 1];
        this.advance(2);
        continue;
      }
      out += c;
      this.advance(1);
    }
    this.advance(1);
    return out;
  }

  private doubleQuoted(): string {
    const start = { line: this.line, column: this.column };
    this.advance(1);
    let out = '';
    for (;;) {
      const c = this.src[this.pos];
      if (c === undefined) throw new PhpSyntaxError(t.config.phpUnterminatedString, start.line, start.column);
      if (c === '"') break;
      if (c === '$' && /[A-Za-z_{]/.test(this.src[this.pos + 1] ?? '')) this.error(t.config.phpInterpolation);
      if (c === '{' && this.src[this.pos + 1] === '$') this.error(t.config.phpInterpolation);
      if (c !== '\\') {
        out += c;
        this.advance(1);
        continue;
      }
      out += this.escape();
    }
    this.advance(1);
    return out;
  }

  /** PHP's double-quoted escapes; an unknown one stays as written, as in PHP. */
  private escape(): string {
    const rest = this.src.slice(this.pos + 1, this.pos + 12);
    const simple: Record<string, string> = { n: '\n', t: '\t', r: '\r', v: '\v', e: '\x1b', f: '\f', '\\': '\\', $: '$', '"': '"' };
    const c = rest[0] ?? '';
    if (c in simple) {
      this.advance(2);
      return simple[c]!;
    }
    const octal = /^[0-7]{1,3}/.exec(rest);
    if (octal) {
      this.advance(1 + octal[0].length);
      return String.fromCharCode(parseInt(octal[0], 8) & 0xff);
    }
    const hex = /^x([0-9A-Fa-f]{1,2})/.exec(rest);
    if (hex) {
      this.advance(1 + hex[0].length);
      return String.fromCharCode(parseInt(hex[1]!, 16));
    }
    const unicode = /^u\{([0-9A-Fa-f]{1,6})\}/.exec(rest);
    if (unicode) {
      const code = parseInt(unicode[1]!, 16);
      if (code > 0x10ffff) this.error(t.config.phpBadUnicodeEscape);
      this.advance(1 + unicode[0].length);
      return String.fromCodePoint(code);
    }
    this.advance(1);
    return '\\';
  }

  private number(): number {
    const rest = this.src.slice(this.pos, this.pos + 64);
    const m =
      /^0[xX][0-9A-Fa-f_]+/.exec(rest) ??
      /^0[bB][01_]+/.exec(rest) ??
      /^0[oO][0-7_]+/.exec(rest) ??
      /^(?:\d[\d_]*)?(?:\.\d[\d_]*)?(?:[eE][+-]?\d+)?/.exec(rest);
    const literal = m?.[0] ?? '';
    if (literal === '' || /[A-Za-z_0-9]/.test(rest[literal.length] ?? '')) this.error(t.config.phpMalformedNumber);
    this.advance(literal.length);
    const clean = literal.replace(/_/g, '');
    let n: number;
    if (/^0[xXbBoO]/.test(clean)) n = Number(clean.toLowerCase());
    else if (/^0[0-7]+$/.test(clean)) n = parseInt(clean, 8);
    else n = Number(clean);
    if (!Number.isFinite(n)) this.error(t.config.phpMalformedNumber);
    return n;
  }
}

/** Deeper than any settings file; the limit keeps a hostile file from exhausting the stack. */
const MAX_DEPTH = 64;

class Parser {
  private token: Located;
  private depth = 0;

  constructor(private readonly lexer: Lexer) {
    lexer.openTag();
    this.token = lexer.next();
  }

  private fail(message: string, at: Located = this.token): never {
    throw new PhpSyntaxError(message, at.line, at.column);
  }

  private take(): Located {
    const taken = this.token;
    this.token = this.lexer.next();
    return taken;
  }

  private isPunct(p: string): boolean {
    return this.token.kind === 'punct' && this.token.value === p;
  }

  private isWord(w: string): boolean {
    return this.token.kind === 'word' && this.token.value.toLowerCase() === w;
  }

  private expectPunct(p: string, context: string): void {
    if (!this.isPunct(p)) this.fail(t.config.phpExpectedPunct(p, context, describe(this.token)));
    this.take();
  }

  file(): PhpValue {
    if (this.isWord('declare')) this.declare();
    if (!this.isWord('return')) {
      this.fail(t.config.phpExpectedReturn(describe(this.token)));
    }
    this.take();
    const value = this.value();
    this.expectPunct(';', t.config.phpAfterReturnedArray);
    if (this.token.kind === 'close') this.take();
    if (this.token.kind !== 'end') this.fail(t.config.phpExpectedEnd(describe(this.token)));
    return value;
  }

  private declare(): void {
    this.take();
    this.expectPunct('(', t.config.phpAfterDeclareWord);
    if (!(this.token.kind === 'word' && /^(strict_types|ticks|encoding)$/i.test(this.token.value))) this.fail(t.config.phpExpectedStrictTypes);
    this.take();
    this.expectPunct('=', t.config.phpInDeclare);
    this.scalar();
    this.expectPunct(')', t.config.phpToCloseDeclare);
    this.expectPunct(';', t.config.phpAfterDeclare);
  }

  private value(): PhpValue {
    if (this.isPunct('[')) {
      this.take();
      return this.elements(']');
    }
    if (this.isWord('array')) {
      this.take();
      this.expectPunct('(', t.config.phpAfterArrayWord);
      return this.elements(')');
    }
    let value = this.scalar();
    while (this.isPunct('.')) {
      this.take();
      value = phpString(value) + phpString(this.scalar());
    }
    return value;
  }

  private scalar(): string | number | boolean | null {
    const token = this.token;
    if (token.kind === 'string' || token.kind === 'number') {
      this.take();
      return token.value;
    }
    if (token.kind === 'punct' && (token.value === '-' || token.value === '+')) {
      this.take();
      const n = this.token;
      if (n.kind !== 'number') this.fail(t.config.phpExpectedNumberAfterSign(token.value, describe(n)));
      this.take();
      return token.value === '-' ? -n.value : n.value;
    }
    if (token.kind === 'word' && /^(true|false|null)$/i.test(token.value)) {
      this.take();
      const w = token.value.toLowerCase();
      return w === 'null' ? null : w === 'true';
    }
    return this.fail(t.config.phpExpectedValue(describe(token)));
  }

  private elements(close: ']' | ')'): PhpValue {
    if (++this.depth > MAX_DEPTH) this.fail(t.config.phpTooDeep(MAX_DEPTH));
    const list: PhpValue[] = [];
    const entries: Array<[string, PhpValue]> = [];
    let keyed: boolean | undefined;
    while (!this.isPunct(close)) {
      const start = this.token;
      const first = this.value();
      let entryKeyed = false;
      if (this.isPunct('=>')) {
        this.take();
        if (typeof first !== 'string' && typeof first !== 'number') this.fail(t.config.phpBadKey, start);
        const key = String(first);
        if (entries.some(([k]) => k === key)) this.fail(t.config.phpDuplicateKey(key), start);
        entries.push([key, this.value()]);
        entryKeyed = true;
      } else {
        list.push(first);
      }
      if (keyed !== undefined && keyed !== entryKeyed) this.fail(t.config.phpMixedKeys, start);
      keyed = entryKeyed;
      if (this.isPunct(',')) this.take();
      else if (!this.isPunct(close)) this.fail(t.config.phpExpectedCommaOrClose(close, describe(this.token)));
    }
    this.take();
    this.depth -= 1;
    return keyed === true ? Object.fromEntries(entries) : list;
  }
}

const phpString = (v: string | number | boolean | null): string => (v === true ? '1' : v === false || v === null ? '' : String(v));

/** Parses the text of a CKafkaSetting.php file into plain data; throws PhpSyntaxError. */
export function parsePhpConfig(source: string): PhpValue {
  return new Parser(new Lexer(source)).file();
}
