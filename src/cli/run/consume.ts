import type { ConfigRequest, ResolvedConfig } from '../../config/types.js';
import { loadConfig, requireBootstrapServers, requireTopic } from '../../config/index.js';
import { createKafka } from '../../kafka/client.js';
import { openTopicConsumer, type ConsumeMode } from '../../kafka/consumer.js';
import { consume, OutputClosed, type MessageSink } from '../../ops/consume.js';
import { CkafkaError } from '../../errors/errors.js';
import { messagePredicate } from '../../ops/message-filter.js';
import { BufferedOutput } from '../../io/output.js';
import { connectBudget, openWithin } from './connect.js';
import { colorFor } from '../../format/color.js';
import { messageRenderer, PHP_CONSUMER_TIMEOUT } from '../../format/message-text.js';
import { consumeEventText, consumeSummaryText, unreadText, type StatusContext } from '../../format/consume-status.js';
import { EXIT_CODES } from '../../errors/errors.js';
import { progressMeter } from '../../format/progress.js';
import type { RunContext } from '../program.js';
import type { ConsumeOptions } from '../commands/consume.js';
import { t } from '../../i18n/index.js';

/** Wires config, the Kafka consumer, the renderer and stdout for `ckafka consume`. */
export async function runConsume(ctx: RunContext, request: ConfigRequest, options: ConsumeOptions): Promise<number> {
  const { io } = ctx;
  // Built first: a bad -f format is a usage error before anything connects.
  const render = messageRenderer(options.format, colorFor(io.stdout, io.env), options.encoding);
  const config = await loadConfig(request);
  const topic = requireTopic(config);
  const brokers = requireBootstrapServers(config);
  const groupId = config.groupId?.value;
  const mode: ConsumeMode =
    options.partitions !== undefined || groupId === undefined
      ? { kind: 'partitions', ...(options.partitions ? { partitions: options.partitions } : {}) }
      : { kind: 'group', groupId };

  // Unless max.partition.fetch.bytes is set, fetch sizes follow the message sizes (src/kafka/fetch-sizer.ts).
  const adaptiveFetch = config.properties.consumer['max.partition.fetch.bytes']?.source.kind === 'default';
  const kafka = createKafka({ ...config.client, brokers }, { stderr: io.stderr, verbosity: options.verbose });
  const opened = openTopicConsumer(kafka, { topic, mode, client: config.client, settings: config.consumer, adaptiveFetch, ...(options.from ? { start: options.from } : {}), ...(options.until ? { until: options.until } : {}) });
  const json = options.format.kind === 'json';
  const out = new BufferedOutput(io.stdout);
  const cErr = colorFor(io.stderr, io.env);
  const sink: MessageSink = {
    async write(messages) {
      // A renderer that throws is a bug: it propagates and consume fails with it.
      out.write(render(messages));
      try {
        await untilAborted(out.written(), io.signal);
      } catch (error) {
        if (io.signal.aborted || isClosedOutput(error)) throw new OutputClosed(error);
        throw new CkafkaError('internal', t.cli.consumeWriteFailed((error as Error).message ?? String(error)), {
          hint: t.cli.consumeWriteFailedHint,
          cause: error,
        });
      }
      progress.tick(messages.length);
    },
  };
  // From here on consume() closes the consumer, on every path.
  const consumer = await openWithin(opened, connectBudget(config.client), { action: t.cli.actionConsume(topic), brokers, close: (c) => c.close() });
  const status: StatusContext = { topic, groupId: consumer.groupId, idleTimeoutMs: options.idleTimeoutMs, stopAtEnd: options.stopAtEnd, matching: options.match !== undefined };
  // Progress only when the messages go elsewhere (a file): on a terminal it would cut into them.
  const progress = io.stdout.isTTY === true ? { tick: () => undefined, stop: () => undefined } : progressMeter(io.stderr, io.env);
  let summary;
  try {
    summary = await consume({
      consumer,
      sink,
      signal: io.signal,
      ...(options.count !== undefined ? { count: options.count } : {}),
      stopAtEnd: options.stopAtEnd,
      filter: messagePredicate(options.match ?? [], options.encoding),
      ...(options.until ? { until: { offsets: consumer.untilOffsets, timeMs: options.until.kind === 'timestamp' ? options.until.ms : null } } : {}),
      idleTimeoutMs: options.idleTimeoutMs,
      commit: options.commit,
      joinTimeoutMs: joinTimeout(config),
      // A killed member's partitions are given out again once its session times out, then a rebalance.
      unownedWaitMs: config.consumer.sessionTimeout + REBALANCE_MARGIN_MS,
      onEvent: (e) => {
        if (options.quiet && e.kind !== 'commit-failed') return;
        const text = consumeEventText(e, status, cErr, json);
        if (text) io.stderr.write(text);
      },
    });
  } finally {
    progress.stop();
  }
  // Consumer.php's last line when it ends on its ten-second wait (ckafka: the idle timeout).
  if (options.format.kind === 'php' && summary.reason === 'idle') {
    out.write(PHP_CONSUMER_TIMEOUT);
    await out.written();
  }
  // A reader that went away (`| head`) ends the command quietly.
  // main aborts with t.common.outputClosed when stdout's reader goes away (in the run's language).
  const outputClosed = summary.reason === 'output-closed' || (io.signal.aborted && (io.signal.reason as Error | undefined)?.message === t.common.outputClosed);
  if (!outputClosed && !options.quiet) io.stderr.write(consumeSummaryText(summary, status, cErr, json));
  if (summary.reason === 'not-owned') {
    io.stderr.write(unreadText(summary, status, cErr, json));
    return EXIT_CODES.partial;
  }
  return 0;
}

/** A reader that went away: EPIPE, or a stream that was closed or ended under us. */
function isClosedOutput(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return code === 'EPIPE' || code === 'ERR_STREAM_DESTROYED' || code === 'ERR_STREAM_WRITE_AFTER_END';
}

/** Time for the rebalance that follows a member's session timeout. */
const REBALANCE_MARGIN_MS = 5000;

/** The coordinator waits up to the rebalance timeout for other members, plus a session for a dead one. */
function joinTimeout(config: ResolvedConfig): number {
  return Math.max(30_000, config.consumer.sessionTimeout) + config.consumer.sessionTimeout + config.client.connectionTimeout;
}

/**
 * Resolves as the write does. After Ctrl-C it waits a little more (a write that is just finishing
 * still counts, and is committed), but a reader that stopped reading must not block the exit.
 */
async function untilAborted(promise: Promise<void>, signal: AbortSignal, graceMs = 1000): Promise<void> {
  let onAbort: (() => void) | undefined;
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      promise,
      new Promise<never>((_, reject) => {
        onAbort = () => {
          timer = setTimeout(() => reject(signal.reason as Error), graceMs);
        };
        if (signal.aborted) onAbort();
        else signal.addEventListener('abort', onAbort, { once: true });
      }),
    ]);
  } finally {
    clearTimeout(timer);
    if (onAbort) signal.removeEventListener('abort', onAbort);
  }
}
