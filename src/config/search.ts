import { readFileSync, statSync } from 'node:fs';
import { basename, dirname, extname, isAbsolute, join, resolve } from 'node:path';
import { CkafkaError } from '../errors/errors.js';
import { t } from '../i18n/index.js';
import { CONFIG_ENV, envValue, expandHome, homeOf } from './env.js';
import { JsonSyntaxError, parseJsonSafely } from './json.js';
import { parsePhpConfig, PhpSyntaxError } from './php.js';
import { anyConfigCandidate } from './prescan.js';
import type { ConfigRequest } from './types.js';

/** Looked for in each directory, in this order (the first one found wins). */
export const SEARCH_PLACES = ['ckafka.config.json', '.ckafkarc', '.ckafkarc.json', '.ckafkarc.yaml', '.ckafkarc.yml', 'package.json'];
/** In $XDG_CONFIG_HOME/ckafka (default ~/.config/ckafka), after the home directory. */
export const GLOBAL_PLACES = ['config.json', 'config.yaml', 'config.yml', 'config'];

export interface ConfigFile {
  path: string;
  doc: unknown;
  /** How the file was chosen. */
  how: 'flag' | 'env' | 'search';
}

type Env = ConfigRequest['env'];

/**
 * What the search found and how: cosmiconfig (~7 ms to load), ckafka's own reader for a JSON or
 * PHP file named by --config or CKAFKA_CONFIG (`direct`), or no file anywhere (`prescan`).
 */
export interface ConfigSearch {
  file: ConfigFile | undefined;
  loader: 'cosmiconfig' | 'direct' | 'prescan';
}

/** --config, else CKAFKA_CONFIG, else the first file found upward from cwd, then in the home directory. */
export async function findConfigFile(request: ConfigRequest): Promise<ConfigFile | undefined> {
  return (await searchConfigFile(request)).file;
}

/** findConfigFile, saying how: with no candidate file anywhere, cosmiconfig is not even loaded. */
export async function searchConfigFile(request: ConfigRequest, metaDir = process.cwd()): Promise<ConfigSearch> {
  const explicit = request.configPath ?? envValue(request.env, CONFIG_ENV);
  if (explicit !== undefined) {
    const how = request.configPath !== undefined ? 'flag' : 'env';
    const path = resolve(request.cwd, expandHome(explicit, request.env));
    mustBeFile(path, how === 'flag' ? '--config' : CONFIG_ENV);
    const { doc, loader } = await readConfigFile(path);
    return { file: { path, doc, how }, loader };
  }
  const dirs = searchDirs(request.cwd, request.env);
  const globalDir = globalConfigDir(request.env);
  const places = { dirs, searchPlaces: SEARCH_PLACES, globalDir, globalPlaces: GLOBAL_PLACES, metaDir };
  if (!anyConfigCandidate(places)) return { file: undefined, loader: 'prescan' };
  return { file: await cosmiconfigSearch(dirs, globalDir), loader: 'cosmiconfig' };
}

async function cosmiconfigSearch(dirs: string[], globalDir: string | undefined): Promise<ConfigFile | undefined> {
  const { cosmiconfig } = await import('cosmiconfig');
  // An empty file found is reported (noSettings), not skipped for one further up.
  const options = { searchStrategy: 'none' as const, cache: false, loaders: loaders(), searchPlaces: SEARCH_PLACES, ignoreEmptySearchPlaces: false };
  // cosmiconfig reads its own meta config (package.json etc. in process.cwd()) on creation.
  const local = await wrap(async () => cosmiconfig('ckafka', options));
  for (const dir of dirs) {
    const found = await wrap(() => local.search(dir));
    if (found) return { path: found.filepath, doc: settingsOf(found), how: 'search' };
  }
  if (globalDir !== undefined) {
    const global = await wrap(async () => cosmiconfig('ckafka', { ...options, searchPlaces: GLOBAL_PLACES }));
    const found = await wrap(() => global.search(globalDir));
    if (found) return { path: found.filepath, doc: settingsOf(found), how: 'search' };
  }
  return undefined;
}

/** Reads one config file by its extension: JSON, YAML, CKafkaSetting.php (never executed). */
export async function loadConfigFile(path: string): Promise<unknown> {
  return (await readConfigFile(path)).doc;
}

/**
 * JSON and PHP are parsed by ckafka itself (cosmiconfig would call the same parsers): those are
 * read without loading cosmiconfig, with the same results and errors (an empty file is refused,
 * an unreadable one named). package.json (settings under a key) and YAML go through cosmiconfig.
 */
async function readConfigFile(path: string): Promise<{ doc: unknown; loader: 'cosmiconfig' | 'direct' }> {
  const parse = basename(path) === 'package.json' ? undefined : OWN_PARSERS[extname(path)];
  if (parse === undefined) return { doc: await cosmiconfigLoad(path), loader: 'cosmiconfig' };
  // Synchronous, as the search's stat calls: node:fs/promises is not loaded for one small file.
  const content = await wrap(async () => readFileSync(path, 'utf8'));
  if (content.trim() === '') noSettings(path);
  return { doc: parse(path, content), loader: 'direct' };
}

async function cosmiconfigLoad(path: string): Promise<unknown> {
  const { cosmiconfig } = await import('cosmiconfig');
  const explorer = await wrap(async () => cosmiconfig('ckafka', { searchStrategy: 'none', cache: false, loaders: loaders() }));
  const result = await wrap(() => explorer.load(path));
  // null: the loader found `null` in a package.json's "ckafka" key (other files throw noSettings).
  return result === null ? noSettings(path) : settingsOf(result);
}

/** The settings of a file cosmiconfig found; an empty file is an error, not an empty config. */
function settingsOf(result: { filepath: string; config: unknown; isEmpty?: boolean }): unknown {
  if (result.isEmpty === true && basename(result.filepath) !== 'package.json') noSettings(result.filepath);
  return result.config;
}

/** A file that says nothing is refused rather than taken as "no settings": it is most likely a mistake. */
function noSettings(path: string): never {
  throw new CkafkaError('config', t.config.fileWithoutSettings(path), { hint: t.config.fileWithoutSettingsHint });
}

/** A loader's result: `null` or nothing is refused (see noSettings), except package.json without a "ckafka" key. */
function someSettings(path: string, doc: unknown): unknown {
  if ((doc === null || doc === undefined) && basename(path) !== 'package.json') noSettings(path);
  return doc;
}

/** The working directory and its parents up to the home directory (or the root), then home. */
export function searchDirs(cwd: string, env: Env): string[] {
  const home = homeOf(env);
  const homeDir = home === undefined ? undefined : resolve(home);
  const dirs: string[] = [];
  let dir = resolve(cwd);
  for (;;) {
    dirs.push(dir);
    const parent = dirname(dir);
    if (dir === homeDir || parent === dir) break;
    dir = parent;
  }
  if (homeDir !== undefined && !dirs.includes(homeDir)) dirs.push(homeDir);
  return dirs;
}

function globalConfigDir(env: Env): string | undefined {
  const xdg = envValue(env, 'XDG_CONFIG_HOME');
  if (xdg !== undefined && isAbsolute(xdg)) return join(xdg, 'ckafka');
  const home = homeOf(env);
  return home === undefined ? undefined : join(home, '.config', 'ckafka');
}

function mustBeFile(path: string, from: string): void {
  let info: ReturnType<typeof statSync>;
  try {
    info = statSync(path, { throwIfNoEntry: false });
  } catch {
    info = undefined; // EACCES, ENOTDIR, ELOOP: nothing ckafka could read there, reported as not found
  }
  if (info === undefined) throw new CkafkaError('config', t.config.fileNotFound(path, from));
  if (!info.isFile()) throw new CkafkaError('config', t.config.fileNotAFile(path, from));
}

function loaders() {
  const refuse = (path: string): never => {
    throw new CkafkaError('config', t.config.noExecute(path), { hint: t.config.noExecuteHint });
  };
  return {
    '.json': (path: string, content: string) => parseJson(path, content),
    '.yaml': (path: string, content: string) => parseYaml(path, content),
    '.yml': (path: string, content: string) => parseYaml(path, content),
    '.php': (path: string, content: string) => parsePhp(path, content),
    '.js': refuse,
    '.cjs': refuse,
    '.mjs': refuse,
    '.ts': refuse,
    // `.ckafkarc` and other names: YAML, which also reads JSON.
    noExt: (path: string, content: string) => parseYaml(path, content),
    default: (path: string, content: string) => parseYaml(path, content),
  };
}

const OWN_PARSERS: Readonly<Record<string, (path: string, content: string) => unknown>> = {
  '.json': (path, content) => parseJson(path, content),
  '.php': (path, content) => parsePhp(path, content),
};

function parseJson(path: string, content: string): unknown {
  try {
    return someSettings(path, refuseImport(path, parseJsonSafely(content)));
  } catch (error) {
    if (error instanceof JsonSyntaxError) throw new CkafkaError('config', t.config.inFile(path, error.message));
    throw error;
  }
}

async function parseYaml(path: string, content: string): Promise<unknown> {
  const { defaultLoaders } = await import('cosmiconfig');
  try {
    return someSettings(path, refuseImport(path, await defaultLoaders['.yaml']!(path, content)));
  } catch (error) {
    if (error instanceof CkafkaError) throw error;
    // js-yaml's message quotes the text around the error; keep only its reason and position.
    const e = error as { reason?: string; mark?: { line: number; column: number } };
    const at = e.mark ? t.config.yamlPosition(e.mark.line + 1, e.mark.column + 1) : '';
    throw new CkafkaError('config', t.config.yamlInvalid(path, at, e.reason ?? t.config.yamlSyntaxError));
  }
}

function parsePhp(path: string, content: string): unknown {
  try {
    return someSettings(path, parsePhpConfig(content));
  } catch (error) {
    if (error instanceof PhpSyntaxError) throw new CkafkaError('config', t.config.inFile(path, error.message), { hint: t.config.phpHint });
    throw error;
  }
}

// cosmiconfig would merge `$import`ed files, and ckafka could not say which file a value came from.
function refuseImport(path: string, doc: unknown): unknown {
  if (typeof doc === 'object' && doc !== null && '$import' in doc) {
    throw new CkafkaError('config', t.config.importUnsupported(path));
  }
  return doc;
}

/** Errors from cosmiconfig itself (unreadable files) become config errors naming the file. */
async function wrap<T>(load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (error) {
    if (error instanceof CkafkaError) throw error;
    const e = error as NodeJS.ErrnoException & { filepath?: string };
    const where = e.filepath ?? e.path ?? t.config.aConfigFile;
    throw new CkafkaError('config', t.config.cannotRead(where, e.code ?? e.message), { cause: error });
  }
}
