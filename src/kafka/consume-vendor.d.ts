// Types for the kafkajs 2.2.4 internals that decode-speedups.ts and fetch-sizer.ts adjust (kafkajs
// has no package "exports", so these paths resolve; they are not part of its typed API). They are
// imported statically so the bundle (scripts/bundle.mjs) adjusts its own copy of kafkajs.
declare module 'kafkajs/src/utils/long.js' {
  const Long: {
    fromString(text: string): unknown;
    fromNumber(value: number): unknown;
  };
  export default Long;
}

declare module 'kafkajs/src/protocol/decoder.js' {
  const Decoder: {
    new (buffer: Buffer): unknown;
    prototype: { buffer: Buffer; offset: number; readVarLong(): unknown };
  };
  export default Decoder;
}

declare module 'kafkajs/src/consumer/consumerGroup.js' {
  const ConsumerGroup: {
    prototype: { groupId: string; maxBytesPerPartition: number; fetch(nodeId: unknown): Promise<unknown> };
  };
  export default ConsumerGroup;
}

declare module 'kafkajs/src/protocol/requests/fetch/v11/response.js' {
  const response: { decode(rawData: Buffer): Promise<unknown>; parse(data: unknown): Promise<unknown> };
  export default response;
}

declare module 'kafkajs/src/protocol/requests/fetch/v4/decodeMessages.js' {
  const decodeMessages: (decoder: unknown) => Promise<unknown[]>;
  export default decodeMessages;
}

declare module 'kafkajs/src/protocol/message/compression/index.js' {
  const compression: {
    lookupCodecByAttributes(attributes: number): { decompress(buffer: Buffer): Promise<Buffer> } | null;
  };
  export default compression;
}

declare module 'kafkajs/src/network/requestQueue/index.js' {
  const RequestQueue: { prototype: object };
  export default RequestQueue;
}

declare module 'kafkajs/src/consumer/batch.js' {
  class Batch {
    constructor(topic: string, fetchedOffset: string, partitionData: { partition: number; highWatermark: string; messages: unknown[]; abortedTransactions?: unknown[] });
    topic: string;
    partition: number;
    highWatermark: string;
    fetchedOffset: string;
    rawMessages: unknown[];
    messages: unknown;
    isEmpty(): boolean;
    isEmptyIncludingFiltered(): boolean;
    isEmptyDueToFiltering(): boolean;
    isEmptyDueToLogCompactedMessages(): boolean;
    isEmptyControlRecord(): boolean;
    firstOffset(): string | null;
    lastOffset(): string;
    offsetLag(): string;
    offsetLagLow(): string;
  }
  export default Batch;
}

declare module 'kafkajs/src/protocol/requests/fetch/v4/response.js' {
  const response: { decode(rawData: Buffer): Promise<unknown>; parse(data: unknown): Promise<unknown> };
  export default response;
}

declare module 'kafkajs/src/protocol/requests/fetch/v5/response.js' {
  const response: { decode(rawData: Buffer): Promise<unknown>; parse(data: unknown): Promise<unknown> };
  export default response;
}

declare module 'kafkajs/src/protocol/requests/fetch/v6/response.js' {
  const response: { decode(rawData: Buffer): Promise<unknown>; parse(data: unknown): Promise<unknown> };
  export default response;
}

declare module 'kafkajs/src/protocol/requests/fetch/v7/response.js' {
  const response: { decode(rawData: Buffer): Promise<unknown>; parse(data: unknown): Promise<unknown> };
  export default response;
}

declare module 'kafkajs/src/protocol/requests/fetch/v8/response.js' {
  const response: { decode(rawData: Buffer): Promise<unknown>; parse(data: unknown): Promise<unknown> };
  export default response;
}

declare module 'kafkajs/src/protocol/requests/fetch/v9/response.js' {
  const response: { decode(rawData: Buffer): Promise<unknown>; parse(data: unknown): Promise<unknown> };
  export default response;
}

declare module 'kafkajs/src/protocol/requests/fetch/v10/response.js' {
  const response: { decode(rawData: Buffer): Promise<unknown>; parse(data: unknown): Promise<unknown> };
  export default response;
}

declare module 'kafkajs/src/network/connection.js' {
  const Connection: { prototype: object };
  export default Connection;
}
