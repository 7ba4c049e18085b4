import type { Catalog } from '../catalog.js';

/** 中文消息：cli（与 ../en/cli.ts 一一对应）。 */
export const cli: Catalog['cli'] = {
};
