import type { Catalog } from '../catalog.js';

/** 中文消息：kafka（与 ../en/kafka.ts 一一对应）。 */
export const kafka: Catalog['kafka'] = {
};
