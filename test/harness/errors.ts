/** The harness cannot start a broker on this machine (no Java, no Maven, jars not resolvable). */
export class HarnessSetupError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'HarnessSetupError';
  }
}

/** How to use ckafka and its tests without a local broker; appended to setup errors. */
export const EXISTING_CLUSTER_HINT =
  'To use an existing cluster instead, pass `-b host:port` or set CKAFKA_BOOTSTRAP_SERVERS=host:port ' +
  '(integration tests: CKAFKA_TEST_BOOTSTRAP=host:port).';
