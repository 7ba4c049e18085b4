import { CkafkaError } from '../errors/errors.js';
import type { ResolvedConfig } from './types.js';

/** The brokers, or a config error that says every way to give them. */
export function requireBootstrapServers(config: ResolvedConfig): string[] {
  if (config.bootstrapServers !== undefined && config.bootstrapServers.value.length > 0) return config.bootstrapServers.value;
  throw new CkafkaError('config', 'no bootstrap servers configured', {
    hint: 'Use -b host:port, CKAFKA_BOOTSTRAP_SERVERS, or bootstrap_servers in ckafka.config.json (`ckafka config init` writes one).',
  });
}

/** The topic, or a config error that says every way to give it. */
export function requireTopic(config: ResolvedConfig): string {
  if (config.topic !== undefined) return config.topic.value;
  throw new CkafkaError('config', 'no topic given', {
    hint: 'Use -t TOPIC, CKAFKA_TOPIC_NAME, or topic_name in ckafka.config.json.',
  });
}
