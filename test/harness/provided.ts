/** What the integration global setup provides to tests: `inject('kafka')`. */
export interface ProvidedKafka {
  /** Comma-separated host:port list of the cluster under test. */
  bootstrap: string;
  /** Apache Kafka version of a harness broker, or "external" for CKAFKA_TEST_BOOTSTRAP. */
  version: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    kafka: ProvidedKafka;
  }
}
