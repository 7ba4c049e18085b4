import type { ConsumedMessage } from '../kafka/records.js';
import { usageError } from '../errors/errors.js';
import { t } from '../i18n/index.js';
import type { Encoding } from './bytes.js';

/** One compiled piece of a format: literal bytes or a field of the message. */
type Piece = Buffer | ((m: ConsumedMessage) => Buffer);

const NONE = Buffer.alloc(0);

/** What each kcat-style placeholder prints; keys and values keep their bytes unless an encoding is asked for. */
const FIELDS = 'tpoTkshKS';

function field(letter: string, encoding: Encoding): (m: ConsumedMessage) => Buffer {
  const bytes = (b: Buffer | null): Buffer => (b === null ? NONE : encoding === 'utf8' ? b : Buffer.from(b.toString(encoding)));
  switch (letter) {
    case 't':
      return (m) => Buffer.from(m.topic);
    case 'p':
      return (m) => Buffer.from(String(m.partition));
    case 'o':
      return (m) => Buffer.from(m.offset);
    case 'T':
      return (m) => Buffer.from(String(m.timestamp));
    case 'k':
      return (m) => bytes(m.key);
    case 's':
      return (m) => bytes(m.value);
    case 'K':
      return (m) => Buffer.from(String(m.key === null ? -1 : m.key.length));
    case 'S':
      return (m) => Buffer.from(String(m.value === null ? -1 : m.value.length));
    case 'h':
      return (m) =>
        Buffer.from(m.headers.map((h) => (h.value === null ? h.key : `${h.key}=${h.value.toString(encoding === 'utf8' ? 'utf8' : encoding)}`)).join(','));
    default:
      throw new Error(`no field ${letter}`);
  }
}

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', '0': '\0' };

/**
 * Compiles a kcat-style format: %t topic, %p partition, %o offset, %T timestamp (ms), %k key,
 * %s value, %h headers (k=v,…), %K / %S key / value length (-1 for null), %% a percent sign,
 * and the escapes \n \t \r \\ \0. Nothing is added at the end: write \n yourself, as with kcat.
 */
export function compileFormat(format: string, encoding: Encoding): (m: ConsumedMessage) => Buffer {
  const pieces: Piece[] = [];
  let literal = '';
  const flushLiteral = () => {
    if (literal !== '') pieces.push(Buffer.from(literal));
    literal = '';
  };
  for (let i = 0; i < format.length; i += 1) {
    const ch = format[i] as string;
    const next = format[i + 1];
    if (ch === '%') {
      if (next === '%') {
        literal += '%';
      } else if (next !== undefined && FIELDS.includes(next)) {
        flushLiteral();
        pieces.push(field(next, encoding));
      } else {
        throw usageError(t.output.formatUnknownPlaceholder(`%${next ?? ''}`, i + 1, format), t.output.formatPlaceholdersHint);
      }
      i += 1;
    } else if (ch === '\\') {
      const escaped = next === undefined ? undefined : ESCAPES[next];
      if (escaped === undefined) {
        throw usageError(t.output.formatUnknownEscape(`\\${next ?? ''}`, format), t.output.formatEscapesHint);
      }
      literal += escaped;
      i += 1;
    } else {
      literal += ch;
    }
  }
  flushLiteral();
  if (pieces.every((p) => Buffer.isBuffer(p))) {
    const fixed = Buffer.concat(pieces as Buffer[]);
    return () => fixed;
  }
  return (m) => Buffer.concat(pieces.map((p) => (Buffer.isBuffer(p) ? p : p(m))));
}
