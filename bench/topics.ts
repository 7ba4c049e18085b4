/**
 * Topic chores for the shell benchmarks (bench/produce.sh), through the test harness's client:
 *
 *   npx tsx bench/topics.ts create <bootstrap> <partitions> <topic>...
 *   npx tsx bench/topics.ts count <bootstrap> <topic>...     prints "<topic> <messages>" per topic
 *   npx tsx bench/topics.ts delete <bootstrap> <topic>...
 */
import { createTopic, kafkaAdmin } from '../test/harness/kafka.js';

async function main([command, bootstrap, ...rest]: string[]): Promise<void> {
  if (!bootstrap) throw new Error('usage: topics.ts create|count|delete <bootstrap> …');
  if (command === 'create') {
    const [partitions, ...topics] = rest;
    for (const topic of topics) await createTopic(bootstrap, topic, Number(partitions));
    return;
  }
  const admin = await kafkaAdmin(bootstrap);
  try {
    if (command === 'count') {
      for (const topic of rest) {
        const offsets = await admin.fetchTopicOffsets(topic);
        const total = offsets.reduce((sum, p) => sum + Number(p.high) - Number(p.low), 0);
        process.stdout.write(`${topic} ${total}\n`);
      }
    } else if (command === 'delete') {
      await admin.deleteTopics({ topics: rest });
    } else {
      throw new Error(`unknown command ${command}`);
    }
  } finally {
    await admin.disconnect();
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`bench/topics: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
