import { en } from './en/index.js';
import type { Locale } from './locale.js';
import { zhCN } from './zh-CN/index.js';

/**
 * A message: a string, or a function of strings and numbers that returns one. No other logic
 * belongs in a catalog: a list is joined by the caller (t.common.list), a number formatted by it.
 */
export type Message = string | ((...args: never[]) => string);
export type Area = Readonly<Record<string, Message>>;

/** The English catalog is the reference: every other language has exactly its keys and signatures. */
export type Catalog = typeof en;

const catalogs: Readonly<Record<Locale, Catalog>> = { en, 'zh-CN': zhCN };

let current: Locale = 'en';

/**
 * The messages of the current language, by area: `t.config.fileMissing(path)`. Read at the moment
 * a message is made (never cached in a module's constant), as setLocale swaps the areas.
 */
export const t: Catalog = { ...en };

/** Chooses the language for the rest of the run (main does, once per command line). */
export function setLocale(locale: Locale): void {
  current = locale;
  Object.assign(t, catalogs[locale]);
}

export function currentLocale(): Locale {
  return current;
}

/** Every catalog, for the test that checks they have the same messages. */
export function allCatalogs(): Readonly<Record<Locale, Catalog>> {
  return catalogs;
}
