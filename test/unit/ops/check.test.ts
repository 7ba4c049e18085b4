import { afterEach, describe, expect, it } from 'vitest';
import type { ConsumerHandlers, TopicConsumer } from '../../../src/kafka/consumer.js';
import type { ProduceBatch, SendResult, TopicProducer } from '../../../src/kafka/producer.js';
import type { ConsumedMessage, OutgoingRecord } from '../../../src/kafka/records.js';
import { check, type CheckRequest } from '../../../src/ops/check.js';
import { latencyStats } from '../../../src/ops/stats.js';
import { checkJunit } from '../../../src/format/check.js';
import { setLocale } from '../../../src/i18n/index.js';

type Tamper = (m: ConsumedMessage, index: number) => ConsumedMessage[];

/**
 * A fake of our own Kafka seam: what the producer sends, the consumer hands back (through
 * `tamper`, which can drop, repeat or alter a message), after it was assigned its partitions.
 */
function fakeCluster(tamper: Tamper = (m) => [m], failSend = false) {
  const partitions = [0, 1, 2];
  let handlers: ConsumerHandlers | undefined;
  const offsets = new Map(partitions.map((p) => [p, 0]));
  let fetching = true;
  let received = 0;
  const producer: TopicProducer = {
    topic: 't',
    partitions,
    maxBatchMessages: 1000,
    choosePartition: () => 0,
    batch(partition): ProduceBatch & { records: OutgoingRecord[] } {
      const records: OutgoingRecord[] = [];
      return {
        partition, records, get count() { return records.length; }, add: (r) => records.push(r),
        addSpan: (key, bytes, start, end, headers, timestamp) => records.push({ key, value: Buffer.from(bytes.subarray(start, end)), headers, timestamp }),
      };
    },
    async send(batch): Promise<SendResult> {
      if (failSend) throw Object.assign(new Error('Connection error: connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
      const records = (batch as ProduceBatch & { records: OutgoingRecord[] }).records;
      const base = offsets.get(batch.partition)!;
      offsets.set(batch.partition, base + records.length);
      const messages = records.flatMap((r, i) =>
        tamper({ topic: 't', partition: batch.partition, offset: String(base + i), timestamp: r.timestamp, key: r.key, value: r.value, headers: r.headers }, received++),
      );
      setImmediate(() => {
        if (fetching && messages.length > 0) {
          void handlers?.onBatch({ partition: batch.partition, messages, highWatermark: BigInt(base + records.length), next: BigInt(base + records.length), heartbeat: async () => undefined });
        }
      });
      return { baseOffset: String(base), logAppendTime: null };
    },
    close: async () => undefined,
  };
  const consumer: TopicConsumer = {
    topic: 't',
    partitions,
    groupId: null,
    endOffsets: new Map(partitions.map((p) => [p, 0n])),
    untilOffsets: new Map(),
    pause: () => undefined,
    knownStarts: new Map(partitions.map((p) => [p, 0n])),
    async run(h) {
      handlers = h;
      h.onAssign(partitions);
      h.onPositions({ partitions, positions: new Map(partitions.map((p) => [p, 0n])), highs: new Map(partitions.map((p) => [p, 0n])) });
    },
    commit: async () => undefined,
    remaining: async () => new Map(),
    stopFetching() {
      fetching = false;
    },
    close: async () => {
      fetching = false;
    },
  };
  return { producer, consumer };
}

function request(cluster: ReturnType<typeof fakeCluster>, extra: Partial<CheckRequest> = {}): CheckRequest {
  return {
    ...cluster, count: 9, size: 20, deadline: Date.now() + 1500, messageMaxBytes: 1_000_000, acks: 1,
    signal: new AbortController().signal, runId: 'run1', ...extra,
  };
}

describe('check', () => {
  it('passes when every message comes back once and intact, spread over every partition', async () => {
    const r = await check(request(fakeCluster()));
    expect(r).toMatchObject({ verdict: 'pass', count: 9, delivered: 9, received: 9, missing: 0, duplicates: 0, corrupted: 0, problems: [] });
    expect(r.produceLatency).not.toBeNull();
    expect(r.endToEndLatency).not.toBeNull();
  });

  it('reports missing messages by index when some never arrive', async () => {
    const r = await check(request(fakeCluster((m, i) => (i === 4 ? [] : [m]))));
    expect(r).toMatchObject({ verdict: 'not-received', delivered: 9, received: 8, missing: 1 });
    expect(r.problems).toContain('not received: 1 message(s), index 4');
  });

  it('counts a message delivered twice as a duplicate and fails', async () => {
    const r = await check(request(fakeCluster((m, i) => (i === 2 ? [m, m] : [m]))));
    expect(r).toMatchObject({ verdict: 'not-received', received: 9, duplicates: 1 });
  });

  it('counts an altered payload as corrupted and fails', async () => {
    const r = await check(request(fakeCluster((m, i) => (i === 0 ? [{ ...m, value: Buffer.from('tampered') }] : [m]))));
    expect(r).toMatchObject({ verdict: 'not-received', received: 8, corrupted: 1, missing: 0 });
  });

  it('ignores messages of other runs on the same topic', async () => {
    const other = (m: ConsumedMessage): ConsumedMessage => ({ ...m, headers: [{ key: 'ckafka-check-run', value: Buffer.from('someone-else') }] });
    const r = await check(request(fakeCluster((m) => [other(m), m])));
    expect(r).toMatchObject({ verdict: 'pass', received: 9, duplicates: 0, corrupted: 0 });
  });

  it('is produce-failed with the failure kind when nothing can be sent', async () => {
    const r = await check(request(fakeCluster(undefined, true)));
    expect(r.verdict).toBe('produce-failed');
    expect(r.delivered).toBe(0);
    expect(new Set(r.failureKinds)).toEqual(new Set(['unreachable']));
  });
});

describe('check in Chinese', () => {
  afterEach(() => setLocale('en'));

  it('says what went wrong in Chinese; the verdict and counts are the same', async () => {
    setLocale('zh-CN');
    const lost = await check(request(fakeCluster((m, i) => (i % 3 === 0 ? [] : [m])), { count: 36 }));
    expect(lost).toMatchObject({ verdict: 'not-received', delivered: 36, received: 24, missing: 12, produceProblems: 0 });
    expect(lost.problems).toEqual(['未收到：12 条消息，序号 0、3、6、9、12、15、18、21、24、27、…']);
  });

  it('keeps produce problems apart from the rest in the JUnit report, in either language', async () => {
    for (const [locale, produceText, notReceived] of [['en', 'produce failed: ', 'not received: 9'], ['zh-CN', '发送失败：', '未收到：9']] as const) {
      setLocale(locale);
      const r = await check(request(fakeCluster(undefined, true)));
      expect(r.verdict).toBe('produce-failed');
      expect(r.produceProblems).toBe(5);
      expect(r.problems.slice(0, 5).every((p) => p.startsWith(produceText))).toBe(true);
      const xml = checkJunit(r, new Date(0));
      const [produceCase, receiveCase] = xml.split('<testcase').slice(2);
      expect(produceCase).toContain(produceText);
      expect(produceCase).not.toContain(notReceived);
      expect(receiveCase).toContain(notReceived);
      expect(receiveCase).not.toContain(produceText);
    }
  });
});

describe('latencyStats', () => {
  it('gives min, median, p99 and max by nearest rank', () => {
    expect(latencyStats([])).toBeNull();
    expect(latencyStats([5])).toEqual({ min: 5, median: 5, p99: 5, max: 5 });
    const hundred = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(latencyStats(hundred)).toEqual({ min: 1, median: 50, p99: 99, max: 100 });
  });
});
