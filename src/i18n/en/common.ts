import type { Area } from '../catalog.js';

/** English messages used everywhere: the error line, the hint, lists (see src/i18n/README.md). */
export const common = {
  errorPrefix: 'ckafka: error:',
  hintPrefix: '  hint:',
  /** Between a prefix (errorPrefix, hintPrefix) and its text: none after a full-width colon. */
  prefixGap: ' ',
  /** Joins a list of names in running text. */
  listSeparator: ', ',
  internalError: (detail: string) => `internal error (a bug in ckafka): ${detail}`,
  internalErrorHint: 'Please report it with the command you ran.',
  interruptedBy: (signal: string) => `interrupted by ${signal}`,
  outputClosed: 'output closed',
  stdoutWriteFailed: (reason: string) => `writing to stdout failed: ${reason}`,
  unknownLanguage: (value: string) => `CKAFKA_LANG=${value} is not a language ckafka speaks`,
  unknownLanguageHint: 'Use CKAFKA_LANG=zh-CN or CKAFKA_LANG=en, or unset it to follow LC_ALL, LC_MESSAGES and LANG.',
} satisfies Area;
