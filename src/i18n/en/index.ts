import { cli } from './cli.js';
import { common } from './common.js';
import { config } from './config.js';
import { kafka } from './kafka.js';
import { output } from './output.js';

/** The English catalog, by area; the reference for every other language. */
export const en = { common, cli, config, kafka, output };
