import type { Area } from '../catalog.js';

/** English messages: output (see src/i18n/README.md). */
export const output = {
} satisfies Area;
