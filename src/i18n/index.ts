export { allCatalogs, currentLocale, setLocale, t, type Area, type Catalog, type Message } from './catalog.js';
export { detectLocale, LOCALES, UnknownLocaleError, type Locale } from './locale.js';
