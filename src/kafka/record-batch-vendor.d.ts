// Types for the kafkajs 2.2.4 internals that record-batch-request.ts replaces (kafkajs has no
// package "exports", so these paths resolve; they are not part of its typed API).
declare module 'kafkajs/src/protocol/requests/produce/index.js' {
  interface ProduceRequestDefinitions {
    versions: string[];
    protocol(options: { version: number }): (args: Record<string, unknown>) => { request: Record<string, unknown>; response: unknown };
  }
  const definitions: ProduceRequestDefinitions;
  export default definitions;
}

declare module 'kafkajs/src/protocol/encoder.js' {
  class Encoder {
    constructor(initialSize?: number);
    buf: Buffer;
    offset: number;
    get buffer(): Buffer;
    writeEncoder(value: Encoder): this;
  }
  export default Encoder;
}

declare module 'kafkajs/src/protocol/error.js' {
  /** A KafkaJSProtocolError carrying the broker error's type, code and message. */
  export function createErrorFromCode(code: number): Error & { type: string; code: number; retriable: boolean };
}
