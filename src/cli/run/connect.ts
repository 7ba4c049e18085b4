import type { ClientSettings } from '../../config/types.js';
import { CkafkaError } from '../../errors/errors.js';
import { withDeadline } from '../../io/deadline.js';
import { t } from '../../i18n/index.js';

/** How long connecting may take: the connection timeout plus one request (socket.timeout.ms). */
export const connectBudget = (client: ClientSettings): number => client.connectionTimeout + client.requestTimeout;

export interface OpenWithin<T> {
  /** What was being done, e.g. "produce to 'orders'". */
  action: string;
  brokers: string[];
  /** Closes a client that opens after the deadline, so nothing is left connected. */
  close?: (client: T) => Promise<unknown>;
  /** How the limit is named in the message (default: "N ms"). */
  limit?: string;
}

/** Opens a Kafka client within `ms`, or fails as unreachable (exit 4) instead of hanging. */
export function openWithin<T>(opening: Promise<T>, ms: number, what: OpenWithin<T>): Promise<T> {
  return withDeadline(opening, ms, () => {
    if (what.close) void opening.then(what.close).catch(() => undefined);
    return new CkafkaError('unreachable', t.cli.noAnswer(what.action, what.brokers.join(','), what.limit ?? t.cli.limitMs(ms)), {
      hint: t.cli.noAnswerHint,
    });
  });
}
