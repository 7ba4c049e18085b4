import type { Area } from '../catalog.js';

/** English messages: config (see src/i18n/README.md). */
export const config = {
} satisfies Area;
