import type { IHeaders, KafkaMessage } from 'kafkajs';
import type { ConsumedMessage, Header } from './records.js';

/** kafkajs's message as our record: offsets stay strings, timestamps become numbers. */
export function consumedMessage(topic: string, partition: number, m: KafkaMessage): ConsumedMessage {
  return new FetchedMessage(topic, partition, m);
}

/**
 * A view of kafkajs's message, read when asked: `-o raw` of a million messages needs only their
 * values, and parsing each timestamp and header list up front was a tenth of its time.
 */
class FetchedMessage implements ConsumedMessage {
  constructor(
    readonly topic: string,
    readonly partition: number,
    private readonly m: KafkaMessage,
  ) {}

  get offset(): string {
    return this.m.offset;
  }

  get key(): Buffer | null {
    return this.m.key ?? null;
  }

  get value(): Buffer | null {
    return this.m.value ?? null;
  }

  /** -1 when the record has none (magic 0, before Kafka 0.10), as Java and librdkafka give it. */
  get timestamp(): number {
    const t = this.m.timestamp as string | undefined | null;
    return t === undefined || t === null ? -1 : Number(t);
  }

  get headers(): Header[] {
    const h = this.m.headers as IHeaders | Header[] | undefined;
    if (h === undefined) return NO_HEADERS;
    // Our fetch decoder gives the wire's list (src/kafka/fetch-decoder.ts); kafkajs's own decoder,
    // for the responses ours leaves to it, an object.
    return Array.isArray(h) ? h : headerList(h);
  }
}

const NO_HEADERS: Header[] = [];

/**
 * kafkajs's header object as a list. It folds headers by name: order across names is lost, and
 * for a name like `constructor` its reduce found Object.prototype's member first, so a function
 * sits before the real values: only buffers (and null) are headers.
 */
function headerList(headers: IHeaders): Header[] {
  const out: Header[] = [];
  for (const key of Object.keys(headers)) {
    const value: unknown = headers[key];
    const values: unknown[] = Array.isArray(value) ? value : [value];
    for (const v of values) {
      if (v === undefined || v === null) out.push({ key, value: null });
      else if (Buffer.isBuffer(v)) out.push({ key, value: v });
      else if (typeof v === 'string') out.push({ key, value: Buffer.from(v) });
    }
  }
  return out.length === 0 ? NO_HEADERS : out;
}
