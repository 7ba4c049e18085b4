/** The configuration module's public surface; commands import it lazily (`await import(...)`). */
export { loadConfig } from './load.js';
export { redactConfig, REDACTED, type ConfigView, type SettingView } from './redact.js';
export { requireBootstrapServers, requireTopic } from './require.js';
export type * from './types.js';
