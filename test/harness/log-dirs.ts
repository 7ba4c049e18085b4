import { connect } from 'node:net';
import { kafkaAdmin } from './kafka.js';

/**
 * Bytes a topic's partitions take in the brokers' log directories, partition → size (the largest
 * replica), asked with Kafka's DescribeLogDirs (v1). kafkajs has no such request, and ckafka's own
 * code must not be the judge of what ckafka wrote: this is a few lines of protocol on a socket.
 */
export async function partitionSizes(bootstrap: string, topic: string): Promise<Map<number, number>> {
  const admin = await kafkaAdmin(bootstrap);
  let brokers: { host: string; port: number }[];
  let partitions: number[];
  try {
    brokers = (await admin.describeCluster()).brokers;
    const metadata = await admin.fetchTopicMetadata({ topics: [topic] });
    partitions = (metadata.topics[0]?.partitions ?? []).map((p) => p.partitionId);
  } finally {
    await admin.disconnect();
  }
  const sizes = new Map<number, number>();
  for (const broker of brokers) {
    for (const [partition, size] of await describeLogDirs(broker.host, broker.port, topic, partitions)) {
      sizes.set(partition, Math.max(size, sizes.get(partition) ?? 0));
    }
  }
  return sizes;
}

const API_KEY = 35;
const API_VERSION = 1;

async function describeLogDirs(host: string, port: number, topic: string, partitions: number[]): Promise<Map<number, number>> {
  const response = await request(host, port, encodeRequest(topic, partitions));
  const r = new Reader(response);
  r.int32(); // correlation id
  r.int32(); // throttle time
  const sizes = new Map<number, number>();
  for (let d = r.int32(); d > 0; d -= 1) {
    const error = r.int16();
    const dir = r.string();
    if (error !== 0) throw new Error(`DescribeLogDirs on ${host}:${port}: error ${error} for ${dir}`);
    for (let t = r.int32(); t > 0; t -= 1) {
      const name = r.string();
      for (let p = r.int32(); p > 0; p -= 1) {
        const partition = r.int32();
        const size = Number(r.int64());
        r.int64(); // offset lag
        const future = r.int8() !== 0;
        if (name === topic && !future) sizes.set(partition, (sizes.get(partition) ?? 0) + size);
      }
    }
  }
  return sizes;
}

function encodeRequest(topic: string, partitions: number[]): Buffer {
  const clientId = Buffer.from('ckafka-test-logdirs');
  const name = Buffer.from(topic);
  const body = Buffer.alloc(2 + 2 + 4 + 2 + clientId.length + 4 + 2 + name.length + 4 + 4 * partitions.length);
  let at = 0;
  at = body.writeInt16BE(API_KEY, at);
  at = body.writeInt16BE(API_VERSION, at);
  at = body.writeInt32BE(1, at); // correlation id
  at = body.writeInt16BE(clientId.length, at);
  at += clientId.copy(body, at);
  at = body.writeInt32BE(1, at); // one topic
  at = body.writeInt16BE(name.length, at);
  at += name.copy(body, at);
  at = body.writeInt32BE(partitions.length, at);
  for (const partition of partitions) at = body.writeInt32BE(partition, at);
  const size = Buffer.alloc(4);
  size.writeInt32BE(body.length);
  return Buffer.concat([size, body]);
}

function request(host: string, port: number, frame: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host, port });
    const chunks: Buffer[] = [];
    let length = 0;
    const timer = setTimeout(() => socket.destroy(new Error(`DescribeLogDirs on ${host}:${port}: no answer in 10 s`)), 10_000);
    socket.on('connect', () => socket.write(frame));
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      length += chunk.length;
      const all = Buffer.concat(chunks, length);
      if (all.length >= 4 && all.length >= 4 + all.readInt32BE(0)) {
        clearTimeout(timer);
        socket.end();
        resolve(all.subarray(4, 4 + all.readInt32BE(0)));
      }
    });
    socket.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    socket.on('close', () => {
      clearTimeout(timer);
      reject(new Error(`DescribeLogDirs on ${host}:${port}: connection closed before the answer`));
    });
  });
}

class Reader {
  private at = 0;
  constructor(private readonly buffer: Buffer) {}
  int8(): number {
    return this.buffer.readInt8((this.at += 1) - 1);
  }
  int16(): number {
    return this.buffer.readInt16BE((this.at += 2) - 2);
  }
  int32(): number {
    return this.buffer.readInt32BE((this.at += 4) - 4);
  }
  int64(): bigint {
    return this.buffer.readBigInt64BE((this.at += 8) - 8);
  }
  string(): string {
    const length = this.int16();
    const text = this.buffer.toString('utf8', this.at, this.at + Math.max(length, 0));
    this.at += Math.max(length, 0);
    return text;
  }
}
