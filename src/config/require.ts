import { CkafkaError } from '../errors/errors.js';
import { t } from '../i18n/index.js';
import type { ResolvedConfig } from './types.js';

/** The brokers, or a config error that says every way to give them. */
export function requireBootstrapServers(config: ResolvedConfig): string[] {
  if (config.bootstrapServers !== undefined && config.bootstrapServers.value.length > 0) return config.bootstrapServers.value;
  throw new CkafkaError('config', t.config.noBootstrapServers, { hint: t.config.noBootstrapServersHint });
}

/** The topic, or a config error that says every way to give it. */
export function requireTopic(config: ResolvedConfig): string {
  if (config.topic !== undefined) return config.topic.value;
  throw new CkafkaError('config', t.config.noTopic, { hint: t.config.noTopicHint });
}
