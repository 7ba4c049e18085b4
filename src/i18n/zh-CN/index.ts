import type { Catalog } from '../catalog.js';
import { cli } from './cli.js';
import { common } from './common.js';
import { config } from './config.js';
import { kafka } from './kafka.js';
import { output } from './output.js';

/** 简体中文目录，按区域划分，键与英文目录完全一致。 */
export const zhCN: Catalog = { common, cli, config, kafka, output };
