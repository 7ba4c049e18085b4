import { parseArgs } from 'node:util';
import { startKafka, type KafkaCluster } from './broker.js';
import { HarnessSetupError } from './errors.js';

const USAGE = `Usage: npm run kafka -- [--version 3.9.1] [--nodes 1|3]

Starts a local Apache Kafka (jars from Maven Central, run with Java) and waits for Ctrl-C.
KAFKA_VERSION picks the version too. Versions before 3.3 run with ZooKeeper.`;

/** `npm run kafka`: a local broker for trying ckafka; prints its address on stdout, stops on Ctrl-C. */
async function main(argv: string[]): Promise<number> {
  let values: { version?: string; nodes?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { version: { type: 'string' }, nodes: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    }));
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n${USAGE}\n`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const nodes = Number(values.nodes ?? '1');
  if (nodes !== 1 && nodes !== 3) {
    process.stderr.write(`--nodes must be 1 or 3, not ${values.nodes}\n`);
    return 2;
  }

  const stopping = new AbortController();
  let firstSignalAt = 0;
  const onSignal = () => {
    if (!stopping.signal.aborted) {
      firstSignalAt = Date.now();
      return stopping.abort();
    }
    // tsx relays the terminal's SIGINT to us, so one Ctrl-C can arrive twice within milliseconds.
    if (Date.now() - firstSignalAt < 1000) return;
    process.stderr.write('ckafka kafka: second signal, killing the brokers\n');
    process.exit(130); // the exit hook SIGKILLs the JVMs
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  const started = Date.now();
  let cluster: KafkaCluster;
  try {
    cluster = await startKafka({ ...(values.version ? { version: values.version } : {}), nodes });
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    return error instanceof HarnessSetupError ? 3 : 1;
  }
  process.stderr.write(
    `ckafka kafka: Apache Kafka ${cluster.version} (${cluster.mode}, ${nodes} node${nodes > 1 ? 's' : ''}) ` +
      `ready in ${((Date.now() - started) / 1000).toFixed(1)} s; logs in ${cluster.logDir}. Ctrl-C stops it.\n`,
  );
  process.stdout.write(`bootstrap: ${cluster.bootstrap}\nexport CKAFKA_BOOTSTRAP_SERVERS=${cluster.bootstrap}\n`);

  if (!stopping.signal.aborted) {
    await new Promise((resolve) => stopping.signal.addEventListener('abort', resolve, { once: true }));
  }
  process.stderr.write('ckafka kafka: stopping…\n');
  await cluster.stop();
  process.stderr.write('ckafka kafka: stopped\n');
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
