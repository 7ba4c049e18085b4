import type { Catalog } from '../catalog.js';

/** 中文消息：config（与 ../en/config.ts 一一对应）。 */
export const config: Catalog['config'] = {
};
