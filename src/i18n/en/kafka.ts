import type { Area } from '../catalog.js';

/** English messages: kafka (see src/i18n/README.md). */
export const kafka = {
} satisfies Area;
