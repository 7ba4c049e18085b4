import type { Catalog } from '../catalog.js';

/** 中文消息：output（与 ../en/output.ts 一一对应）。 */
export const output: Catalog['output'] = {
};
