import type { Message } from 'kafkajs';
import produceRequests from 'kafkajs/src/protocol/requests/produce/index.js';
import Encoder from 'kafkajs/src/protocol/encoder.js';
import { sealBatch, type EncodedBatch } from './record-batch.js';

// How a batch we encoded (record-batch.ts) travels through kafkajs: `producer.send()` gets one
// message per batch carrying the encoded bytes under a symbol (kafkajs passes message objects
// through untouched), and kafkajs's Produce request definitions, which every broker looks up
// at call time (`requests.Produce.protocol`), are wrapped so that a request made of such
// messages is written from those bytes. Everything else (connections, SASL/TLS, metadata,
// retries, response decoding) stays kafkajs's. Requests without our messages are kafkajs's own.
// A broker older than 0.11 (Produce v0–v2: no record batches) gets the plain messages instead.

const BATCH = Symbol.for('ckafka.encodedBatch');
const INSTALLED = Symbol.for('ckafka.batchEncoderInstalled');

interface Carried {
  batch: EncodedBatch;
  /** The same records as kafkajs messages, for brokers before 0.11. */
  plain(): Message[];
}

type BatchMessage = Message & { [BATCH]: Carried };

interface PartitionData {
  partition: number;
  firstSequence?: number;
  messages: (Message | BatchMessage)[];
}

interface ProduceArgs {
  topicData: { topic: string; partitions: PartitionData[] }[];
  transactionalId?: string | null;
  producerId?: number | { toString(): string };
  producerEpoch?: number;
  acks: number;
  timeout: number;
}

/** A kafkajs message standing for a whole encoded batch of one partition. */
export function batchMessage(partition: number, batch: EncodedBatch, plain: () => Message[]): Message {
  const message: BatchMessage = { partition, key: null, value: null, [BATCH]: { batch, plain } };
  return message;
}

/** Makes kafkajs's Produce requests write our batches (once per process; other requests are unchanged). */
export function installBatchEncoder(): void {
  const definitions = produceRequests as typeof produceRequests & { [INSTALLED]?: true };
  if (definitions[INSTALLED]) return;
  const original = definitions.protocol.bind(definitions);
  definitions.protocol = ({ version }) => {
    const make = original({ version });
    return (args) => {
      const produce = args as unknown as ProduceArgs;
      if (!carriesBatches(produce)) return make(args);
      if (version < 3) return make({ ...args, topicData: withPlainMessages(produce) });
      // kafkajs's own request for this version gives apiKey/apiVersion/expectResponse and the
      // response decoder; only the encoding of the body is ours.
      const made = make({ ...args, topicData: [] });
      return {
        ...made,
        request: {
          ...made.request,
          encode: async () => {
            const { body, room } = encodeFramed(produce);
            return toEncoder(body, room);
          },
        },
      };
    };
  };
  definitions[INSTALLED] = true;
  frameInPlace();
}

function carriesBatches(args: ProduceArgs): boolean {
  return (args.topicData ?? []).some((t) => t.partitions.some((p) => p.messages.some((m) => BATCH in m)));
}

function withPlainMessages(args: ProduceArgs): ProduceArgs['topicData'] {
  return args.topicData.map((t) => ({
    ...t,
    partitions: t.partitions.map((p) => ({ ...p, messages: p.messages.flatMap((m) => (BATCH in m ? m[BATCH].plain() : [m])) })),
  }));
}

/**
 * Produce request v3–v7 body: transactional_id, acks, timeout, [topic [partition record_set]].
 * Each partition's record set is the concatenation of its batches, sealed with the producer
 * fields kafkajs gives (producer id and epoch, the partition's first sequence). One batch with
 * enough headroom (our usual request) gets the framing written in front of it: no copy; `room`
 * tells how many bytes are still free before the body then (for kafkajs's request header, see
 * installBatchEncoder). A batch some request carried already is sealed and sent from a copy.
 */
export function encodeProduceBody(args: ProduceArgs): Buffer {
  return encodeFramed(args).body;
}

function encodeFramed(args: ProduceArgs): { body: Buffer; room: number } {
  const transactionalId = args.transactionalId ?? null;
  const producerId = BigInt(String(args.producerId ?? -1));
  const producerEpoch = args.producerEpoch ?? 0;
  const txn = transactionalId === null ? null : Buffer.from(transactionalId, 'utf8');
  const topics = args.topicData.map((t) => ({
    name: Buffer.from(t.topic, 'utf8'),
    partitions: t.partitions.map((p) => {
      let sequence = p.firstSequence ?? 0;
      const batches = p.messages.map((m) => {
        if (!(BATCH in m)) throw new Error('a produce request mixes encoded batches and plain messages');
        const carried = m[BATCH].batch;
        const sent = carried.sent ?? 0;
        carried.sent = sent + 1;
        // A resend: its first request may still be in a socket's queue (a timeout), so it is not changed.
        const batch = sent === 0 ? carried : { ...carried, bytes: Buffer.from(carried.bytes), headroom: 0 };
        sealBatch(batch.bytes, { producerId, producerEpoch, baseSequence: sequence, transactional: txn !== null });
        sequence += batch.count;
        return batch;
      });
      return { partition: p.partition, batches, size: batches.reduce((n, b) => n + b.bytes.length, 0) };
    }),
  }));
  let framing = 2 + (txn?.length ?? 0) + 2 + 4 + 4;
  for (const t of topics) {
    framing += 2 + t.name.length + 4 + t.partitions.length * (4 + 4);
  }
  const only = topics.length === 1 && topics[0]!.partitions.length === 1 ? topics[0]!.partitions[0]!.batches : [];
  const inPlace = only.length === 1 && only[0]!.headroom >= framing ? only[0]! : null;
  const size = framing + topics.reduce((n, t) => n + t.partitions.reduce((m, p) => m + p.size, 0), 0);
  const out = inPlace ? Buffer.from(inPlace.bytes.buffer, inPlace.bytes.byteOffset - framing, size) : Buffer.allocUnsafe(size);
  let at = 0;
  if (txn === null) at = out.writeInt16BE(-1, at);
  else {
    at = out.writeInt16BE(txn.length, at);
    at += txn.copy(out, at);
  }
  at = out.writeInt16BE(args.acks, at);
  at = out.writeInt32BE(args.timeout, at);
  at = out.writeInt32BE(topics.length, at);
  for (const t of topics) {
    at = out.writeInt16BE(t.name.length, at);
    at += t.name.copy(out, at);
    at = out.writeInt32BE(t.partitions.length, at);
    for (const p of t.partitions) {
      at = out.writeInt32BE(p.partition, at);
      at = out.writeInt32BE(p.size, at);
      if (inPlace) at += p.size;
      else for (const b of p.batches) at += b.bytes.copy(out, at);
    }
  }
  return { body: out, room: inPlace ? inPlace.headroom - framing : 0 };
}

/** The bytes in front of a batch that encodeProduceBody needs to frame it in place. */
export function framingSize(topic: string): number {
  return 2 + 2 + 4 + 4 + 2 + Buffer.byteLength(topic, 'utf8') + 4 + 4 + 4;
}

/**
 * The headroom a batch needs to become a whole request where it lies: the body's framing, and
 * kafkajs's request header (size, api key and version, correlation id, client id of up to
 * CLIENT_ID_ROOM bytes; a longer one costs a copy).
 */
export function requestHeadroom(topic: string): number {
  return framingSize(topic) + 4 + 2 + 2 + 4 + 2 + CLIENT_ID_ROOM;
}

const CLIENT_ID_ROOM = 256;

/** How many bytes before an encoder's buffer are free for writeEncoder to frame it in place. */
const ROOM = Symbol.for('ckafka.encoderRoom');

type FramedEncoder = Encoder & { [ROOM]?: number };

function toEncoder(bytes: Buffer, room: number): Encoder {
  const encoder: FramedEncoder = new Encoder(0);
  encoder.buf = bytes;
  encoder.offset = bytes.length;
  if (room > 0) encoder[ROOM] = room;
  return encoder;
}

/**
 * kafkajs writes a request as `new Encoder()` with the header, then `writeEncoder(body)`, then the
 * same again behind a size: two copies of every body into zeroed buffers of the next power of
 * two. For a body with free bytes before it (toEncoder's `room`), writeEncoder instead copies the
 * few header bytes in front of the body, and the encoder becomes a view of that memory, framed
 * again the same way: the request goes to the socket from the batch's own buffer.
 */
function frameInPlace(): void {
  const proto = Encoder.prototype as FramedEncoder & { [INSTALLED]?: true };
  if (proto[INSTALLED]) return;
  const copying = proto.writeEncoder;
  proto.writeEncoder = function writeEncoder(this: FramedEncoder, value: FramedEncoder) {
    const room = value?.[ROOM];
    const head = this.offset;
    if (room === undefined || head > room || value.offset !== value.buf.length) return copying.call(this, value);
    const body = value.buf;
    const whole = Buffer.from(body.buffer, body.byteOffset - head, head + body.length);
    this.buf.copy(whole, 0, 0, head);
    this.buf = whole;
    this.offset = whole.length;
    this[ROOM] = room - head;
    return this;
  };
  proto[INSTALLED] = true;
}
