import { describe, expect, it } from 'vitest';
import { detectLocale, UnknownLocaleError } from '../../../src/i18n/index.js';

describe('detectLocale', () => {
  it.each([
    [{}, 'en'],
    [{ LANG: 'C.UTF-8' }, 'en'],
    [{ LANG: 'en_US.UTF-8' }, 'en'],
    [{ LANG: 'zh_CN.UTF-8' }, 'zh-CN'],
    [{ LANG: 'zh_TW.UTF-8' }, 'zh-CN'],
    [{ LANG: 'zh' }, 'zh-CN'],
    [{ LANG: 'zu_ZA.UTF-8' }, 'en'],
    [{ LANG: 'zhx' }, 'en'],
    // POSIX order for messages: LC_ALL, then LC_MESSAGES, then LANG; empty means unset.
    [{ LC_ALL: 'C', LC_MESSAGES: 'zh_CN.UTF-8', LANG: 'zh_CN.UTF-8' }, 'en'],
    [{ LC_ALL: '', LC_MESSAGES: 'zh_CN.UTF-8', LANG: 'en_US.UTF-8' }, 'zh-CN'],
    [{ LC_MESSAGES: 'en_US.UTF-8', LANG: 'zh_CN.UTF-8' }, 'en'],
    [{ LC_ALL: 'zh_CN.GB18030', LANG: 'en_US.UTF-8' }, 'zh-CN'],
    // CKAFKA_LANG wins over the locale.
    [{ CKAFKA_LANG: 'en', LC_ALL: 'zh_CN.UTF-8' }, 'en'],
    [{ CKAFKA_LANG: 'zh-CN', LANG: 'C' }, 'zh-CN'],
    [{ CKAFKA_LANG: 'zh_CN', LANG: 'C' }, 'zh-CN'],
    [{ CKAFKA_LANG: 'ZH-cn' }, 'zh-CN'],
    [{ CKAFKA_LANG: '', LANG: 'zh_CN.UTF-8' }, 'zh-CN'],
  ] as const)('%j is %s', (env, locale) => {
    expect(detectLocale(env)).toBe(locale);
  });

  it('refuses a CKAFKA_LANG it does not know', () => {
    expect(() => detectLocale({ CKAFKA_LANG: 'fr' })).toThrow(UnknownLocaleError);
    expect(() => detectLocale({ CKAFKA_LANG: 'zh-TW-x' })).toThrow(/CKAFKA_LANG=zh-TW-x/);
  });
});
