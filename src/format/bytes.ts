/** How keys and values are shown: text, or an encoding that is safe for any bytes. */
export type Encoding = 'utf8' | 'base64' | 'hex';

const decoder = new TextDecoder('utf-8', { fatal: true });

/** The bytes as a string in the chosen encoding; utf8 falls back to base64 for invalid UTF-8. */
export function encodeBytes(bytes: Buffer, encoding: Encoding): { text: string; encoding: Encoding } {
  if (encoding === 'utf8') {
    // ASCII is valid UTF-8 and decodes byte for byte: the common case, without the decoder.
    if (isAscii(bytes, 0x00, 0x80)) return { text: bytes.toString('latin1'), encoding: 'utf8' };
    try {
      return { text: decoder.decode(bytes), encoding: 'utf8' };
    } catch {
      return { text: bytes.toString('base64'), encoding: 'base64' };
    }
  }
  return { text: bytes.toString(encoding), encoding };
}

/** Text for a terminal or a line-based pipe: control characters and invalid UTF-8 escaped. */
export function displayBytes(bytes: Buffer, encoding: Encoding): string {
  if (encoding !== 'utf8') return bytes.toString(encoding);
  if (isAscii(bytes, 0x20, 0x7f)) return bytes.toString('latin1');
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    return [...bytes].map((b) => (b >= 0x20 && b < 0x7f && b !== 0x5c ? String.fromCharCode(b) : `\\x${b.toString(16).padStart(2, '0')}`)).join('');
  }
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

/** True when every byte is in [min, max): printable or plain ASCII needs no decoding or escaping. */
function isAscii(bytes: Buffer, min: number, max: number): boolean {
  for (let i = 0; i < bytes.length; i += 1) {
    const b = bytes[i] as number;
    if (b < min || b >= max) return false;
  }
  return true;
}
