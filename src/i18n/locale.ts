/** The languages ckafka speaks to people in. Anything for machines (JSON, -o raw, exit codes) is the same in both. */
export type Locale = 'en' | 'zh-CN';

export const LOCALES: readonly Locale[] = ['en', 'zh-CN'];

/** Thrown by detectLocale for a CKAFKA_LANG it does not know; main reports it as a usage error. */
export class UnknownLocaleError extends Error {
  constructor(readonly value: string) {
    super(`CKAFKA_LANG=${value} is not a language ckafka speaks`);
    this.name = 'UnknownLocaleError';
  }
}

/**
 * The language for this run: CKAFKA_LANG (zh-CN or en) when set, else the first of LC_ALL,
 * LC_MESSAGES and LANG that is set and not empty (POSIX's order for messages): Chinese when it
 * starts with `zh` (zh_CN.UTF-8, zh_TW, zh), English otherwise (C, POSIX, en_US.UTF-8, unset).
 */
export function detectLocale(env: Readonly<Record<string, string | undefined>>): Locale {
  const forced = env.CKAFKA_LANG?.trim();
  if (forced) {
    if (/^zh(?:[-_](?:cn|hans))?(?:\.utf-?8)?$/i.test(forced)) return 'zh-CN';
    if (/^(?:en(?:[-_][a-z]{2})?(?:\.utf-?8)?|c|posix)$/i.test(forced)) return 'en';
    throw new UnknownLocaleError(forced);
  }
  const posix = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((value) => value !== undefined && value !== '');
  return posix !== undefined && /^zh(?:[_.@-]|$)/i.test(posix) ? 'zh-CN' : 'en';
}
