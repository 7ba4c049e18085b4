import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Where cosmiconfig looks for its own meta config (`searchPlaces` a user may add), in process.cwd(). */
const META_PLACES = ['package.yaml', '.config/config.json', '.config/config.yaml', '.config/config.yml', '.config/config.js', '.config/config.ts', '.config/config.cjs', '.config/config.mjs'];

export interface ScanPlaces {
  /** Directories searched with `searchPlaces`, nearest first. */
  dirs: readonly string[];
  searchPlaces: readonly string[];
  /** $XDG_CONFIG_HOME/ckafka (or ~/.config/ckafka), searched with `globalPlaces`. */
  globalDir: string | undefined;
  globalPlaces: readonly string[];
  /** cosmiconfig reads a meta config from process.cwd() whenever it is created. */
  metaDir: string;
}

/**
 * False only when no file cosmiconfig could load exists in any place it would look: then the
 * search has nothing to find and cosmiconfig (~10 ms to load) is not needed. A package.json
 * counts only with a `ckafka` key (or, in `metaDir`, a `cosmiconfig` one). Anything unclear
 * (unreadable, unparsable, a directory where a file is expected) counts as a candidate, so
 * cosmiconfig decides exactly as before.
 */
export function anyConfigCandidate(places: ScanPlaces): boolean {
  for (const dir of places.dirs) {
    for (const place of places.searchPlaces) {
      const path = join(dir, place);
      if (place === 'package.json' ? packageHas(path, dir === places.metaDir ? ['ckafka', 'cosmiconfig'] : ['ckafka']) : exists(path)) return true;
    }
  }
  if (places.globalDir !== undefined && places.globalPlaces.some((place) => exists(join(places.globalDir!, place)))) return true;
  if (!places.dirs.includes(places.metaDir) && packageHas(join(places.metaDir, 'package.json'), ['cosmiconfig'])) return true;
  return META_PLACES.some((place) => exists(join(places.metaDir, place)));
}

function exists(path: string): boolean {
  try {
    return statSync(path, { throwIfNoEntry: false }) !== undefined;
  } catch {
    return true; // EACCES, ENOTDIR, …: let cosmiconfig look
  }
}

/** Whether package.json may hold one of these keys; false only when it surely holds none. */
function packageHas(path: string, keys: readonly string[]): boolean {
  if (!exists(path)) return false;
  try {
    const doc = JSON.parse(readFileSync(path, 'utf8').replace(/^\uFEFF/, '')) as unknown;
    if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) return true;
    return keys.some((key) => Object.hasOwn(doc, key));
  } catch {
    return true;
  }
}
