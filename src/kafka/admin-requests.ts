import Encoder from 'kafkajs/src/protocol/encoder.js';
import { createErrorFromCode } from 'kafkajs/src/protocol/error.js';
import { CkafkaError } from '../errors/errors.js';
import { t } from '../i18n/index.js';
import type { RawBroker } from './admin-cluster.js';

// Two requests kafkajs 2.2.4 does not have, written and read here (their v0: the non-flexible
// wire format) and sent over a kafkajs broker connection, which adds the header, correlation,
// SASL and TLS. Layouts from Apache Kafka's clients/src/main/resources/common/message/*.json.

const OFFSET_DELETE = { apiKey: 47, apiName: 'OffsetDelete', since: '2.4' };
const INCREMENTAL_ALTER_CONFIGS = { apiKey: 44, apiName: 'IncrementalAlterConfigs', since: '2.3' };

/** A broker error of one partition or resource: its kafkajs protocol error (type, code). */
export type BrokerError = ReturnType<typeof createErrorFromCode>;

export interface OffsetDeleteResult {
  /** Whole-request error (GROUP_ID_NOT_FOUND, NON_EMPTY_GROUP, …), or null. */
  error: BrokerError | null;
  partitions: { topic: string; partition: number; error: BrokerError | null }[];
}

/** OffsetDelete (key 47, v0), sent to the group's coordinator: forgets these partitions' committed offsets. */
export async function offsetDelete(broker: RawBroker, groupId: string, topic: string, partitions: number[]): Promise<OffsetDeleteResult> {
  const body = new Writer().string(groupId).int32(1).string(topic).int32(partitions.length);
  for (const p of partitions) body.int32(p);
  return send(broker, OFFSET_DELETE, body.bytes(), (r) => {
    const error = brokerError(r.int16());
    r.int32(); // throttle_time_ms
    const out: OffsetDeleteResult['partitions'] = [];
    for (let t = r.int32(); t > 0; t -= 1) {
      const name = r.string() ?? '';
      for (let n = r.int32(); n > 0; n -= 1) out.push({ topic: name, partition: r.int32(), error: brokerError(r.int16()) });
    }
    return { error, partitions: out };
  });
}

/** One change of IncrementalAlterConfigs: set a value, or delete it (back to the default). */
export type ConfigChange = { name: string; op: 'set'; value: string } | { name: string; op: 'delete' };

const TOPIC_RESOURCE = 2;
const OPERATION = { set: 0, delete: 1 } as const;

/**
 * IncrementalAlterConfigs (key 44, v0) for one topic: only the named configs change, every other
 * dynamic value stays (kafkajs's alterConfigs, AlterConfigs, replaces them all).
 */
export async function incrementalAlterTopicConfigs(broker: RawBroker, topic: string, changes: ConfigChange[]): Promise<{ error: BrokerError | null; message: string | null }> {
  const body = new Writer().int32(1).int8(TOPIC_RESOURCE).string(topic).int32(changes.length);
  for (const c of changes) body.string(c.name).int8(OPERATION[c.op]).string(c.op === 'set' ? c.value : null);
  body.int8(0); // validate_only
  return send(broker, INCREMENTAL_ALTER_CONFIGS, body.bytes(), (r) => {
    r.int32(); // throttle_time_ms
    let result: { error: BrokerError | null; message: string | null } = { error: null, message: null };
    for (let n = r.int32(); n > 0; n -= 1) {
      const error = brokerError(r.int16());
      const message = r.string();
      r.int8();
      r.string();
      if (error && !result.error) result = { error, message };
    }
    return result;
  });
}

async function send<T>(broker: RawBroker, api: { apiKey: number; apiName: string; since: string }, body: Buffer, decode: (r: Reader) => T): Promise<T> {
  const range = broker.versions?.[api.apiKey];
  if (broker.versions && !range) {
    throw new CkafkaError('broker', t.kafka.apiUnsupported(api.apiName, api.apiKey, api.since), {
      hint: t.kafka.apiUnsupportedHint,
    });
  }
  const encoder = new Encoder(0);
  encoder.buf = body;
  encoder.offset = body.length;
  const request = { apiKey: api.apiKey, apiVersion: 0, apiName: api.apiName, encode: async () => encoder };
  const response = { decode: async (raw: Buffer) => decode(new Reader(raw)), parse: async (data: T) => data };
  return (await broker.connectionPool.send({ request, response })) as T;
}

const brokerError = (code: number): BrokerError | null => (code === 0 ? null : createErrorFromCode(code));

/** Big-endian Kafka primitives into a growing list of buffers. */
export class Writer {
  private readonly parts: Buffer[] = [];
  int8(n: number): this {
    const b = Buffer.alloc(1);
    b.writeInt8(n);
    return this.push(b);
  }
  int16(n: number): this {
    const b = Buffer.alloc(2);
    b.writeInt16BE(n);
    return this.push(b);
  }
  int32(n: number): this {
    const b = Buffer.alloc(4);
    b.writeInt32BE(n);
    return this.push(b);
  }
  /** STRING, or NULLABLE_STRING when null (length −1). */
  string(s: string | null): this {
    if (s === null) return this.int16(-1);
    const bytes = Buffer.from(s, 'utf8');
    return this.int16(bytes.length).push(bytes);
  }
  bytes(): Buffer {
    return Buffer.concat(this.parts);
  }
  private push(b: Buffer): this {
    this.parts.push(b);
    return this;
  }
}

/** Reads Kafka primitives; reading past the end throws (a response we misread is a bug). */
export class Reader {
  private at = 0;
  constructor(private readonly buf: Buffer) {}
  int8(): number {
    return this.take(1, (o) => this.buf.readInt8(o));
  }
  int16(): number {
    return this.take(2, (o) => this.buf.readInt16BE(o));
  }
  int32(): number {
    return this.take(4, (o) => this.buf.readInt32BE(o));
  }
  string(): string | null {
    const length = this.int16();
    if (length < 0) return null;
    return this.take(length, (o) => this.buf.toString('utf8', o, o + length));
  }
  private take<T>(n: number, read: (offset: number) => T): T {
    if (this.at + n > this.buf.length) throw new Error(`response ended early: ${n} byte(s) wanted at ${this.at} of ${this.buf.length}`);
    const value = read(this.at);
    this.at += n;
    return value;
  }
}
