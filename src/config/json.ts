import { t } from '../i18n/index.js';

/**
 * JSON with error messages that never quote the file: V8's messages can include a snippet of
 * the text ("… is not valid JSON"), which may hold a password. The position comes from a small
 * scanner instead.
 */
export class JsonSyntaxError extends Error {
  constructor(
    readonly reason: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(t.config.jsonInvalidAt(line, column, reason));
    this.name = 'JsonSyntaxError';
  }
}

export function parseJsonSafely(source: string): unknown {
  const text = source.replace(/^\uFEFF/, '');
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const { offset, tooDeep } = scanJson(text);
    const { line, column } = lineColumn(text, offset);
    throw new JsonSyntaxError(tooDeep ? t.config.jsonTooDeep(MAX_DEPTH) : reasonOf(error, text, offset), line, column);
  }
}

function reasonOf(error: unknown, text: string, offset: number): string {
  const message = error instanceof Error ? error.message : '';
  if (offset >= text.length || /end of JSON input/.test(message)) return t.config.jsonUnexpectedEnd;
  // V8's "Expected ',' or '}' after property value" style messages hold no user text; keep them.
  const safe = /^(Expected [^"]*?|Bad control character in string literal|Bad escaped character|Unterminated string)(?= in JSON| at|$)/.exec(message);
  if (safe) {
    const reason = safe[1]!.replace(/^Expected/, 'expected').replace(/^Bad/, 'bad').replace(/^Unterminated/, 'unterminated');
    return V8_REASONS[reason]?.() ?? t.config.jsonOtherReason(reason);
  }
  return t.config.jsonUnexpectedCharacter;
}

/** V8's reasons, in the words of the user's language (a reason V8 adds later is shown as it is). */
const V8_REASONS: Readonly<Record<string, () => string>> = {
  "expected property name or '}'": () => t.config.jsonExpectedPropertyName,
  "expected ',' or '}' after property value": () => t.config.jsonExpectedCommaOrBrace,
  "expected ',' or ']' after array element": () => t.config.jsonExpectedCommaOrBracket,
  "expected ':' after property name": () => t.config.jsonExpectedColon,
  'expected double-quoted property name': () => t.config.jsonExpectedQuotedName,
  'bad control character in string literal': () => t.config.jsonBadControlCharacter,
  'bad escaped character': () => t.config.jsonBadEscape,
  'unterminated string': () => t.config.jsonUnterminatedString,
};

export function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

/** Offset of the first character a JSON parser would reject (text.length if it ends early). */
export function locateJsonError(text: string): number {
  return scanJson(text).offset;
}

/** Deeper than any settings file; the scanner is recursive and must not exhaust the stack. */
const MAX_DEPTH = 512;

function scanJson(text: string): { offset: number; tooDeep: boolean } {
  let i = 0;
  let depth = 0;
  let tooDeep = false;
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i += 1;
  };
  const fail = (): never => {
    throw i;
  };
  const literal = (word: string) => {
    if (text.startsWith(word, i)) i += word.length;
    else fail();
  };
  const string = () => {
    i += 1;
    for (;;) {
      if (i >= text.length) fail();
      const c = text[i]!;
      if (c === '"') break;
      if (c < ' ') fail();
      if (c === '\\') {
        const e = text[i + 1] ?? '';
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) fail();
          i += 6;
          continue;
        }
        if (!'"\\/bfnrt'.includes(e) || e === '') fail();
        i += 2;
        continue;
      }
      i += 1;
    }
    i += 1;
  };
  const value = (): void => {
    ws();
    const c = text[i];
    if ((c === '{' || c === '[') && depth >= MAX_DEPTH) {
      tooDeep = true;
      fail();
    }
    if (c === '{') {
      depth += 1;
      i += 1;
      ws();
      if (text[i] === '}') {
        i += 1;
        depth -= 1;
        return;
      }
      for (;;) {
        ws();
        if (text[i] !== '"') fail();
        string();
        ws();
        if (text[i] !== ':') fail();
        i += 1;
        value();
        ws();
        if (text[i] === ',') i += 1;
        else if (text[i] === '}') {
          i += 1;
          depth -= 1;
          return;
        } else fail();
      }
    }
    if (c === '[') {
      depth += 1;
      i += 1;
      ws();
      if (text[i] === ']') {
        i += 1;
        depth -= 1;
        return;
      }
      for (;;) {
        value();
        ws();
        if (text[i] === ',') i += 1;
        else if (text[i] === ']') {
          i += 1;
          depth -= 1;
          return;
        } else fail();
      }
    }
    if (c === '"') return string();
    if (c === 't') return literal('true');
    if (c === 'f') return literal('false');
    if (c === 'n') return literal('null');
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!m) fail();
    i += m![0].length;
  };
  try {
    if (text.charCodeAt(0) === 0xfeff) i = 1;
    value();
    ws();
    return { offset: i < text.length ? i : text.length, tooDeep };
  } catch (at) {
    if (typeof at === 'number') return { offset: at, tooDeep };
    throw at;
  }
}
