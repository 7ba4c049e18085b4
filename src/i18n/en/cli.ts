import type { Area } from '../catalog.js';

/** English messages: cli (see src/i18n/README.md). */
export const cli = {
} satisfies Area;
