import type { Kafka } from 'kafkajs';
import { withDeadline } from '../io/deadline.js';

/**
 * Topic or consumer group names for shell completion: within `ms`, or none. Whatever goes wrong
 * (no answer, refused, not authorised) means no names: a Tab must never print an error.
 */
export async function clusterNames(kafka: Kafka, kind: 'topics' | 'groups', ms: number): Promise<string[]> {
  const admin = kafka.admin();
  const fetching = (async () => {
    await admin.connect();
    if (kind === 'topics') return admin.listTopics();
    // ckafka's own throwaway groups (consume -p, check) are nobody's to name.
    return (await admin.listGroups()).groups.map((g) => g.groupId).filter((g) => !g.startsWith('ckafka-partitions-'));
  })();
  fetching.catch(() => undefined);
  try {
    return (await withDeadline(fetching, ms, () => new Error('no answer in time'))).sort();
  } catch {
    return [];
  } finally {
    // Closing must not hold the shell either: sockets still connecting are dropped with the process.
    await withDeadline(admin.disconnect(), 100, () => new Error('disconnect')).catch(() => undefined);
  }
}
