// `npm run demo`: the PHP demo's whole flow with ckafka. Against the configured cluster when there
// is one (CKAFKA_BOOTSTRAP_SERVERS or a config file), else against a local broker started here.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startKafka, type KafkaCluster } from '../test/harness/broker.js';
import { createTopic } from '../test/harness/kafka.js';

const bin = fileURLToPath(new URL('../bin/ckafka.js', import.meta.url));

function ckafka(args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  process.stderr.write(`\n$ ckafka ${args.join(' ')}\n`);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { stdio: 'inherit', env });
    child.on('error', reject);
    child.on('exit', (code) => resolve(code ?? 1));
  });
}

async function main(): Promise<number> {
  const configured = process.env.CKAFKA_BOOTSTRAP_SERVERS !== undefined || process.env.CKAFKA_CONFIG !== undefined;
  let cluster: KafkaCluster | undefined;
  const env = { ...process.env };
  const topic = process.env.CKAFKA_TOPIC_NAME ?? 'ckafka-demo';
  try {
    if (!configured) {
      process.stderr.write('No cluster configured (CKAFKA_BOOTSTRAP_SERVERS): starting a local Apache Kafka broker…\n');
      cluster = await startKafka();
      env.CKAFKA_BOOTSTRAP_SERVERS = cluster.bootstrap;
      env.CKAFKA_TOPIC_NAME = topic;
      await createTopic(cluster.bootstrap, topic, 3);
      process.stderr.write(`Local broker ${cluster.version} at ${cluster.bootstrap}, topic '${topic}' with 3 partitions.\n`);
    }
    // Producer.php: five messages, acks=1, retries=0, a delivery report for each.
    const produced = await ckafka(['produce', '-n', '5'], env);
    if (produced !== 0) return produced;
    // Consumer.php: group php-demo, from the earliest offset, until the topic stays idle.
    return await ckafka(['consume', '-g', 'php-demo', '--idle-timeout', '3s'], env);
  } finally {
    await cluster?.stop();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`demo failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
