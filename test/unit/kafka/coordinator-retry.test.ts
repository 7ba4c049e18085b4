import { describe, expect, it } from 'vitest';
import { CkafkaError } from '../../../src/errors/errors.js';
import { coordinatorWait, isCoordinatorError, withCoordinatorRetry } from '../../../src/kafka/coordinator-retry.js';

/** What kafkajs throws for a broker error: a KafkaJSProtocolError with the type, maybe wrapped in retries. */
const protocolError = (type: string) => Object.assign(new Error(`broker said ${type}`), { name: 'KafkaJSProtocolError', type });
const retriesExceeded = (cause: Error) => Object.assign(new Error(cause.message), { name: 'KafkaJSNumberOfRetriesExceeded', cause });

describe('withCoordinatorRetry', () => {
  it('knows the three coordinator errors, kafkajs "coordinator not found", and finds them in a cause chain', () => {
    for (const type of ['NOT_COORDINATOR_FOR_GROUP', 'GROUP_COORDINATOR_NOT_AVAILABLE', 'GROUP_LOAD_IN_PROGRESS']) {
      expect(isCoordinatorError(protocolError(type))).toBe(true);
      expect(isCoordinatorError(retriesExceeded(protocolError(type)))).toBe(true);
    }
    expect(isCoordinatorError(Object.assign(new Error('x'), { name: 'KafkaJSGroupCoordinatorNotFound' }))).toBe(true);
    expect(isCoordinatorError(protocolError('UNKNOWN_TOPIC_OR_PARTITION'))).toBe(false);
    expect(isCoordinatorError(new Error('NOT_COORDINATOR_FOR_GROUP'))).toBe(false);
  });

  it('asks again while the coordinator is not ready, then returns the answer', async () => {
    const answers = ['GROUP_COORDINATOR_NOT_AVAILABLE', 'NOT_COORDINATOR_FOR_GROUP', 'GROUP_LOAD_IN_PROGRESS'];
    let calls = 0;
    const retried: number[] = [];
    const result = await withCoordinatorRetry(async () => {
      const type = answers[calls++];
      if (type) throw protocolError(type);
      return 'described';
    }, { ...coordinatorWait('g', 'describe group', { ms: 10_000 }), onRetry: (_e, attempt) => retried.push(attempt) });
    expect(result).toBe('described');
    expect(calls).toBe(4);
    expect(retried).toEqual([1, 2, 3]);
  });

  it('throws any other error at once', async () => {
    let calls = 0;
    const refused = protocolError('GROUP_AUTHORIZATION_FAILED');
    await expect(withCoordinatorRetry(async () => {
      calls++;
      throw refused;
    }, coordinatorWait('g', 'describe group'))).rejects.toBe(refused);
    expect(calls).toBe(1);
  });

  it('gives up at the deadline with a broker error (exit 6) that names the group, the broker error and what to do', async () => {
    const started = Date.now();
    const error = await withCoordinatorRetry(async () => {
      throw protocolError('NOT_COORDINATOR_FOR_GROUP');
    }, coordinatorWait('orders-app', "consume from 'orders'", { ms: 600 })).catch((e: unknown) => e);
    expect(Date.now() - started).toBeGreaterThanOrEqual(550);
    expect(error).toBeInstanceOf(CkafkaError);
    const e = error as CkafkaError;
    expect(e.exitCode).toBe(6);
    expect(e.message).toMatch(/^consume from 'orders': the coordinator of group 'orders-app' was not ready after \d+\.\d s \(NOT_COORDINATOR_FOR_GROUP\)$/);
    expect(e.hint).toMatch(/__consumer_offsets/);
  });

  it('stops waiting on Ctrl-C with the signal\'s reason', async () => {
    const controller = new AbortController();
    const reason = new CkafkaError('interrupted', 'interrupted by SIGINT');
    setTimeout(() => controller.abort(reason), 200);
    const started = Date.now();
    await expect(withCoordinatorRetry(async () => {
      throw protocolError('GROUP_COORDINATOR_NOT_AVAILABLE');
    }, coordinatorWait('g', 'describe group', { ms: 30_000, signal: controller.signal }))).rejects.toBe(reason);
    expect(Date.now() - started).toBeLessThan(5000);
  });
});
