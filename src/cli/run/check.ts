import { writeFile } from 'node:fs/promises';
import { loadConfig, requireBootstrapServers, requireTopic } from '../../config/index.js';
import type { ConfigRequest } from '../../config/types.js';
import { asCkafkaError, EXIT_CODES, failureExitCode } from '../../errors/errors.js';
import { createKafka } from '../../kafka/client.js';
import { openTopicConsumer, type TopicConsumer } from '../../kafka/consumer.js';
import { openTopicProducer, type TopicProducer } from '../../kafka/producer.js';
import { check, type CheckResult } from '../../ops/check.js';
import { openWithin } from './connect.js';
import { colorFor } from '../../format/color.js';
import { checkErrorJson, checkJson, checkJunit, checkText } from '../../format/check.js';
import type { RunContext } from '../program.js';
import type { CheckFlags } from '../commands/check.js';
import { t } from '../../i18n/index.js';

/** Wires `ckafka check`: the result on stdout, a JUnit report when asked, the exit code from the verdict. */
export async function runCheck(ctx: RunContext, request: ConfigRequest, flags: CheckFlags): Promise<number> {
  const { io } = ctx;
  const started = new Date();
  const deadline = started.getTime() + flags.timeout;
  let topic: string | null = null;
  let producer: TopicProducer | undefined;
  let consumer: TopicConsumer | undefined;
  let result: CheckResult;
  try {
    const config = await loadConfig(request);
    topic = requireTopic(config);
    const brokers = requireBootstrapServers(config);
    const kafka = createKafka({ ...config.client, brokers }, { stderr: io.stderr, verbosity: flags.verbose ?? 0 });
    const within = { action: t.cli.actionCheck(topic), brokers, limit: t.cli.checkTimeoutLimit(flags.timeout) };
    // The reader is opened first: it starts where the partitions end before anything is sent.
    const reader = openTopicConsumer(kafka, {
      topic, mode: { kind: 'partitions' }, client: config.client, settings: config.consumer, start: { kind: 'latest' }, action: within.action,
      // Reading joins a throwaway group: a new cluster's coordinator may take a while (within --timeout).
      coordinatorWaitMs: Math.max(0, deadline - Date.now()),
    });
    consumer = await openWithin(reader, deadline - Date.now(), { ...within, close: (c) => c.close() });
    producer = await openWithin(openTopicProducer(kafka, topic, { ...config.producer, autoCreateTopics: false }), deadline - Date.now(), { ...within, close: (p) => p.close() });
    result = await check({
      producer, consumer, count: flags.count, size: flags.size, deadline,
      messageMaxBytes: config.producer.messageMaxBytes, acks: config.producer.acks, signal: io.signal,
    });
  } catch (error) {
    const err = asCkafkaError(error);
    if (flags.output === 'json') io.stdout.write(checkErrorJson({ kind: err.kind, message: err.message, topic }));
    if (flags.junit) await writeFile(flags.junit, checkJunit({ kind: err.kind, message: err.message, topic }, started));
    throw err;
  } finally {
    await Promise.allSettled([consumer?.close(), producer?.close()]);
  }
  io.stdout.write(flags.output === 'json' ? checkJson(result) : checkText(result, colorFor(io.stdout, io.env)));
  if (flags.junit) await writeFile(flags.junit, checkJunit(result, started));
  return exitCode(result);
}

function exitCode(r: CheckResult): number {
  switch (r.verdict) {
    case 'pass':
      return EXIT_CODES.ok;
    case 'interrupted':
      return EXIT_CODES.interrupted;
    case 'produce-failed':
      return failureExitCode(r.failureKinds, r.delivered > 0, EXIT_CODES.check);
    case 'not-received':
      return EXIT_CODES.check;
  }
}
