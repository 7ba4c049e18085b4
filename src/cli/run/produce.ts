import type { Readable } from 'node:stream';
import type { ConfigRequest } from '../../config/types.js';
import { loadConfig, requireBootstrapServers, requireTopic } from '../../config/index.js';
import { EXIT_CODES, failureExitCode, usageError } from '../../errors/errors.js';
import { createKafka } from '../../kafka/client.js';
import { openTopicProducer } from '../../kafka/producer.js';
import type { Header } from '../../kafka/records.js';
import { produce, type ProduceSummary } from '../../ops/produce.js';
import { argumentInput, generatedInput, streamInput, type InputChunks, type LineOptions } from '../../io/input.js';
import { namedReadErrors, openInputFile, refuseDirectoryStdin } from '../../io/input-file.js';
import { readUntilAborted } from '../../io/read-until-aborted.js';
import { readFileChunks } from '../../io/file-chunks.js';
import { BufferedOutput } from '../../io/output.js';
import { colorFor } from '../../format/color.js';
import { deliveryRenderer, PHP_PRODUCER_DONE, phpProducerError, summaryJson, summaryText } from '../../format/delivery.js';
import { CkafkaError } from '../../errors/errors.js';
import { connectBudget, openWithin } from './connect.js';
import { progressMeter } from '../../format/progress.js';
import type { RunContext } from '../program.js';
import type { ProduceFlags } from '../commands/produce.js';
import { t } from '../../i18n/index.js';

/** Wires config, input, the Kafka producer and the renderers for `ckafka produce`. */
export async function runProduce(ctx: RunContext, request: ConfigRequest, flags: ProduceFlags, messages: string[]): Promise<number> {
  // Flags and the input file first: a typo or a missing file is reported before the config is
  // read or anything connects.
  const source = await chooseInput(ctx, flags, messages);
  try {
    return await produceFrom(ctx, request, flags, source);
  } finally {
    await source.close();
  }
}

async function produceFrom(ctx: RunContext, request: ConfigRequest, flags: ProduceFlags, { input, endsOnAbort }: InputSource): Promise<number> {
  const { io } = ctx;
  const config = await loadConfig(request);
  const topic = requireTopic(config);
  const brokers = requireBootstrapServers(config);
  const settings = config.producer;
  if (settings.idempotent && (settings.acks !== -1 || settings.retries === 0)) {
    throw usageError(t.cli.produceIdempotentNeeds(settings.acks, settings.retries), t.cli.produceIdempotentHint);
  }
  const out = new BufferedOutput(io.stdout);
  const c = colorFor(io.stdout, io.env);
  const cErr = colorFor(io.stderr, io.env);
  const format = flags.quiet ? 'quiet' : flags.output === 'json' ? 'json' : flags.output === 'php' ? 'php' : 'text';
  const render = deliveryRenderer(format, c, flags.encoding);

  const kafka = createKafka({ ...config.client, brokers }, { stderr: io.stderr, verbosity: flags.verbose ?? 0 });
  const onTopicCreated = (name: string, partitions: number) => {
    io.stderr.write(t.cli.produceTopicCreated(name, partitions));
  };
  const producer = await openWithin(openTopicProducer(kafka, topic, settings, { onTopicCreated, resendBackoff: config.client.retry }), connectBudget(config.client), {
    action: t.cli.actionProduce(topic), brokers, close: (p) => p.close(),
  }).catch((error: unknown) => {
    // The demo's error callback: what scripts around Producer.php look for when the cluster is down.
    if (format === 'php' && error instanceof CkafkaError && error.kind === 'unreachable') {
      io.stdout.write(phpProducerError(-195, `${brokers.join(',')}/bootstrap: ${error.message}`));
      io.stdout.write(phpProducerError(-187, `${brokers.length}/${brokers.length} brokers are down`));
    }
    throw error;
  });
  const progress = progressMeter(io.stderr, io.env);
  let summary: ProduceSummary;
  try {
    summary = await produce({
      producer,
      input,
      messageMaxBytes: settings.messageMaxBytes,
      acks: settings.acks,
      signal: io.signal,
      inputEndsOnAbort: endsOnAbort,
      // -q prints no report: the op need not keep a million messages until they are acknowledged.
      keepRecords: format !== 'quiet',
      onChunk: (chunk) => {
        progress.tick(chunk.count);
        const text = render.chunk(chunk);
        if (text) out.write(text);
      },
      onInputError: (e) => io.stderr.write(render.inputError(e, cErr)),
    });
    // The demo's last line, once every message has its report (failed ones too, as Producer.php).
    if (format === 'php' && !summary.interrupted) out.write(PHP_PRODUCER_DONE);
  } finally {
    progress.stop();
    await out.end();
    await producer.close().catch(() => undefined);
  }
  io.stderr.write(format === 'json' ? summaryJson(summary) : summaryText(summary, cErr));
  // After the summary: main renders it (the reports of what was read are out already).
  if (summary.inputFailure !== undefined) throw summary.inputFailure;
  return exitCodeFor(summary);
}

/** 0 when every message was delivered; a failure kind's own code when nothing got through; else 7. */
export function exitCodeFor(s: ProduceSummary): number {
  if (s.interrupted) return EXIT_CODES.interrupted;
  if (s.failed === 0 && s.notSent === 0 && s.inputErrors === 0) return EXIT_CODES.ok;
  return failureExitCode(s.failureKinds, s.delivered + s.unacknowledged > 0 || s.inputErrors > 0, EXIT_CODES.partial);
}

interface InputSource {
  input: InputChunks;
  /** Read from a stream that stops on Ctrl-C with what it had read (readUntilAborted): those lines are reported too. */
  endsOnAbort: boolean;
  /** Releases a file opened for the input (a no-op for the others). */
  close(): Promise<void>;
}

const nothingToClose = async (): Promise<void> => undefined;

/** Bytes per read of an input file. */
const READ_SIZE = 256 * 1024;

async function chooseInput(ctx: RunContext, flags: ProduceFlags, messages: string[]): Promise<InputSource> {
  const options: LineOptions = { headers: parseHeaders(flags.header ?? []), json: flags.input === 'json' };
  if (flags.key !== undefined && flags.keyDelimiter !== undefined) {
    throw usageError(t.cli.produceKeyAndKeyDelimiter, t.cli.produceKeyAndKeyDelimiterHint);
  }
  if (flags.key !== undefined) options.key = Buffer.from(flags.key);
  if (flags.keyDelimiter !== undefined) {
    if (flags.keyDelimiter === '') throw usageError(t.cli.produceKeyDelimiterEmpty);
    if (flags.input === 'json') throw usageError(t.cli.produceKeyDelimiterWithJson);
    options.keyDelimiter = Buffer.from(flags.keyDelimiter);
  }
  if (flags.stripCr) {
    if (flags.input === 'json') throw usageError(t.cli.produceStripCrWithJson);
    options.stripCr = true;
  }
  if (flags.partition !== undefined) options.partition = flags.partition;
  const sources = [messages.length > 0, flags.file !== undefined, flags.count !== undefined].filter(Boolean).length;
  if (sources > 1) throw usageError(t.cli.produceOneInput);
  if (messages.length > 0) return { input: argumentInput(messages, options), endsOnAbort: false, close: nothingToClose };
  const stdin = () => {
    refuseDirectoryStdin(ctx.io.stdin);
    return streamInput(namedReadErrors(readUntilAborted(ctx.io.stdin as Readable, ctx.io.signal), 'stdin'), options);
  };
  if (flags.file !== undefined) {
    if (flags.file === '-') return { input: stdin(), endsOnAbort: true, close: nothingToClose };
    const file = await openInputFile(flags.file, ctx.io.cwd);
    const what = `--file ${flags.file}`;
    if ((await file.stat()).isFile()) {
      // -q keeps no record (keepRecords: false below): each line is in its batch before the next
      // read, so one read buffer serves the whole file.
      const chunks = readFileChunks(file, ctx.io.signal, READ_SIZE, flags.quiet === true);
      return { input: streamInput(namedReadErrors(chunks, what), options), endsOnAbort: true, close: () => file.close() };
    }
    // A pipe or device (`--file /dev/stdin`, `<(…)`): a stream, which Ctrl-C stops without waiting for its read.
    const stream = file.createReadStream({ highWaterMark: READ_SIZE });
    return {
      input: streamInput(namedReadErrors(readUntilAborted(stream, ctx.io.signal), what), options),
      endsOnAbort: true,
      // The stream closes the file when it ends; this is for the paths that never read it.
      close: async () => {
        stream.destroy();
        await file.close().catch(() => undefined);
      },
    };
  }
  if (flags.count !== undefined) return { input: generatedInput(flags.count, options), endsOnAbort: false, close: nothingToClose };
  // The demo's behaviour at a terminal; a pipe or file on stdin is read line by line.
  if (ctx.io.stdin.isTTY === true) return { input: generatedInput(5, options), endsOnAbort: false, close: nothingToClose };
  return { input: stdin(), endsOnAbort: true, close: nothingToClose };
}

function parseHeaders(values: string[]): Header[] {
  return values.map((h) => {
    const at = h.indexOf('=');
    if (at <= 0) throw usageError(t.cli.produceHeaderNeedsNameValue(h));
    return { key: h.slice(0, at), value: Buffer.from(h.slice(at + 1)) };
  });
}
