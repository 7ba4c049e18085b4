import { describe, expect, it } from 'vitest';
import { allCatalogs, LOCALES, type Catalog } from '../../../src/i18n/index.js';

// Every message a person reads exists in every language, with the same arguments, and no
// translation drops what the English says about the case at hand (its arguments).

type Entry = { path: string; value: unknown };

function entries(catalog: Catalog): Entry[] {
  return Object.entries(catalog).flatMap(([area, messages]) =>
    Object.entries(messages as Record<string, unknown>).map(([key, value]) => ({ path: `${area}.${key}`, value })),
  );
}

const en = allCatalogs().en;
const others = LOCALES.filter((l) => l !== 'en');
/** Distinct arguments: each one that the English message shows must be in the translation too. */
const args = (n: number) => Array.from({ length: n }, (_, i) => `\u27e8arg${i}\u27e9`);
const CJK = /[\u3400-\u9fff\u3000-\u303f\uff00-\uffef]/;
/** Messages that are the same in every language (symbols, separators, names). */
const SAME_IN_EVERY_LANGUAGE = new Set<string>([]);
/** Strings that may hold no Chinese at all (spacing, punctuation); they may still differ. */
const NOT_WORDS = new Set<string>(['common.prefixGap']);

describe('message catalogs', () => {
  it('have areas', () => {
    expect(Object.keys(en).sort()).toEqual(['cli', 'common', 'config', 'kafka', 'output']);
  });

  for (const locale of others) {
    describe(locale, () => {
      const catalog = allCatalogs()[locale];
      const theirs = new Map(entries(catalog).map((e) => [e.path, e.value]));
      const ours = new Map(entries(en).map((e) => [e.path, e.value]));

      it('has every English message, and no other', () => {
        expect([...theirs.keys()].sort()).toEqual([...ours.keys()].sort());
      });

      for (const [path, english] of ours) {
        it(`${path}: same form and arguments, translated`, () => {
          const translated = theirs.get(path);
          expect(typeof translated).toBe(typeof english);
          if (typeof english === 'string') {
            if (NOT_WORDS.has(path)) return;
            expect(translated).not.toBe('');
            if (!SAME_IN_EVERY_LANGUAGE.has(path) && CJK.test(translated as string) === false) {
              expect.fail(`${locale} ${path} has no Chinese text: ${JSON.stringify(translated)}`);
            }
            return;
          }
          const fnEn = english as (...a: string[]) => string;
          const fnOther = translated as (...a: string[]) => string;
          expect(fnOther.length, `${path} takes ${fnEn.length} arguments in English`).toBe(fnEn.length);
          const a = args(fnEn.length);
          const textEn = fnEn(...a);
          const textOther = fnOther(...a);
          expect(typeof textOther).toBe('string');
          for (const arg of a) if (textEn.includes(arg)) expect(textOther, `${path} drops ${arg}`).toContain(arg);
          if (!SAME_IN_EVERY_LANGUAGE.has(path)) expect(textOther, `${path} is not translated`).toMatch(CJK);
        });
      }
    });
  }
});
