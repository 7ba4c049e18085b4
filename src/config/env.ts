import { envVariables, propertyByEnv } from './properties.js';
import type { Layer, RawEntry } from './resolve.js';

/** Variables that choose the file and profile rather than set a value. */
export const CONFIG_ENV = 'CKAFKA_CONFIG';
export const PROFILE_ENV = 'CKAFKA_PROFILE';

type Env = Record<string, string | undefined>;

/** A variable set to the empty string counts as unset (`CKAFKA_TOPIC_NAME= ckafka …`). */
export function envValue(env: Env, name: string): string | undefined {
  const value = env[name];
  return value === undefined || value === '' ? undefined : value;
}

/** The environment layer: CKAFKA_BOOTSTRAP_SERVERS, CKAFKA_SASL_PASSWORD, … (see the property table). */
export function envLayer(env: Env, cwd: string): Layer {
  const entries: RawEntry[] = [];
  for (const variable of envVariables()) {
    const value = envValue(env, variable);
    const name = propertyByEnv(variable);
    if (value === undefined || name === undefined) continue;
    entries.push({ name, role: 'client', raw: value, source: { kind: 'env', name: variable }, key: variable, baseDir: cwd });
  }
  return { entries };
}

/** The home directory as the request's environment says (tests isolate it); none when unset. */
export function homeOf(env: Env): string | undefined {
  return envValue(env, 'HOME') ?? envValue(env, 'USERPROFILE');
}

/** `~` and `~/x` mean the home directory, as in a shell. */
export function expandHome(path: string, env: Env): string {
  const home = homeOf(env);
  if (home === undefined) return path;
  if (path === '~') return home;
  return path.startsWith('~/') ? `${home}/${path.slice(2)}` : path;
}
