import { Chalk, type ChalkInstance } from 'chalk';

/** Colour is decided once per stream: FORCE_COLOR and NO_COLOR win, else only on a terminal. */
export function colorFor(stream: { isTTY?: boolean }, env: Record<string, string | undefined>): ChalkInstance {
  return new Chalk({ level: colorLevel(stream, env) });
}

export function colorLevel(stream: { isTTY?: boolean }, env: Record<string, string | undefined>): 0 | 1 | 2 | 3 {
  const force = env.FORCE_COLOR;
  if (force !== undefined && force !== '') {
    if (force === '0' || force === 'false') return 0;
    const n = Number(force);
    return n >= 1 && n <= 3 ? (n as 1 | 2 | 3) : 1;
  }
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return 0;
  if (env.TERM === 'dumb') return 0;
  return stream.isTTY === true ? 1 : 0;
}
