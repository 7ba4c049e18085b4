import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { ProduceBatch, SendResult, TopicProducer } from '../../../src/kafka/producer.js';
import type { DeliveryReport, Header, OutgoingRecord } from '../../../src/kafka/records.js';
import type { InputItem, LineBlock } from '../../../src/io/input.js';
import { chunkReport, offsetAt, produce, type DeliveryChunk, type ProduceRequest } from '../../../src/ops/produce.js';
import { setLocale } from '../../../src/i18n/index.js';

// A fake of our own Kafka seam (STYLE: no protocol mocks): each partition's log is an array.
function fakeProducer(options: { fail?: (partition: number) => Error | undefined; partitions?: number[] } = {}) {
  const partitions = options.partitions ?? [0, 1, 2];
  const logs = new Map<number, OutgoingRecord[]>(partitions.map((p) => [p, []]));
  const requests: { partition: number; count: number }[] = [];
  let next = 0;
  const producer: TopicProducer = {
    topic: 't',
    partitions,
    maxBatchMessages: 1000,
    choosePartition: () => partitions[next++ % partitions.length]!,
    batch(partition): ProduceBatch & { records: OutgoingRecord[] } {
      const records: OutgoingRecord[] = [];
      return {
        partition, records, get count() { return records.length; }, add: (r) => records.push(r),
        addSpan: (key, bytes, start, end, headers, timestamp) => records.push({ key, value: Buffer.from(bytes.subarray(start, end)), headers, timestamp }),
      };
    },
    async send(batch): Promise<SendResult> {
      await new Promise((r) => setTimeout(r, 1));
      const error = options.fail?.(batch.partition);
      if (error) throw error;
      const log = logs.get(batch.partition)!;
      const base = log.length;
      log.push(...(batch as ProduceBatch & { records: OutgoingRecord[] }).records);
      requests.push({ partition: batch.partition, count: batch.count });
      return { baseOffset: String(base), logAppendTime: null };
    },
    close: async () => undefined,
  };
  return { producer, logs, requests };
}

const record = (value: string, extra: Partial<OutgoingRecord> = {}): OutgoingRecord => ({ key: null, value: Buffer.from(value), headers: [], timestamp: 1000, ...extra });

async function* chunks(items: InputItem[], size = 7): AsyncGenerator<InputItem[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}

function run(producer: TopicProducer, items: InputItem[], extra: Partial<ProduceRequest> = {}) {
  const reports: DeliveryReport[] = [];
  const chunkList: DeliveryChunk[] = [];
  const done = produce({
    producer, input: chunks(items), messageMaxBytes: 1000, acks: 1, signal: new AbortController().signal,
    onChunk: (c) => chunkList.push(c), onReport: (r) => reports.push(r), onInputError: () => undefined, ...extra,
  });
  return { done, reports, chunkList };
}

describe('produce', () => {
  it('reports every message once, at the offset the broker gave its batch plus its index', async () => {
    const { producer, logs } = fakeProducer();
    const items = Array.from({ length: 100 }, (_, i) => ({ record: record(`m${i}`) }));
    const { done, reports, chunkList } = run(producer, items, { limits: { maxMessages: 9 } });
    const summary = await done;
    expect(summary).toMatchObject({ delivered: 100, failed: 0, notSent: 0 });
    expect(reports).toHaveLength(100);
    expect(new Set(reports.map((r) => r.record.value!.toString())).size).toBe(100);
    for (const r of reports) {
      expect(r.status).toBe('delivered');
      if (r.status !== 'delivered') continue;
      expect(logs.get(r.partition)![Number(r.offset)]).toBe(r.record);
    }
    expect(chunkList.every((c) => c.count <= 9 && c.records?.length === c.count)).toBe(true);
    expect(chunkList.reduce((n, c) => n + c.count, 0)).toBe(100);
  });

  it('an input that fails part-way: what was read is sent and reported, then the failure is handed back', async () => {
    const { producer, logs } = fakeProducer();
    const failure = new Error('EIO');
    async function* failing(): AsyncGenerator<InputItem[]> {
      yield Array.from({ length: 5 }, (_, i) => ({ record: record(`m${i}`) }));
      throw failure;
    }
    const reports: DeliveryReport[] = [];
    const summary = await produce({
      producer, input: failing(), messageMaxBytes: 1000, acks: 1, signal: new AbortController().signal,
      onReport: (r) => reports.push(r), onInputError: () => undefined, limits: { lingerMs: 10_000 },
    });
    expect(summary).toMatchObject({ delivered: 5, failed: 0, notSent: 0, interrupted: false, inputFailure: failure });
    expect(reports.map((r) => r.status)).toEqual(Array(5).fill('delivered'));
    expect([...logs.values()].flat()).toHaveLength(5);
  });

  it('refuses a record the producer cannot send as it is, with the reason, and sends the others', async () => {
    const { producer, logs } = fakeProducer();
    producer.unsendable = (r) => (r.value!.toString() === 'bad' ? 'cannot send this one' : undefined);
    const { done, reports } = run(producer, [{ record: record('ok') }, { record: record('bad') }]);
    const summary = await done;
    expect(summary).toMatchObject({ delivered: 1, failed: 1, failureKinds: ['usage'], firstError: { error: 'cannot send this one', allSame: true } });
    expect(reports.find((r) => r.status === 'failed')).toMatchObject({ error: 'cannot send this one' });
    expect([...logs.values()].flat().map((r) => r.value!.toString())).toEqual(['ok']);
  });

  it('keeps no records when asked not to, and still counts them', async () => {
    const { producer } = fakeProducer();
    const items = Array.from({ length: 50 }, (_, i) => ({ record: record(`m${i}`) }));
    const { done, chunkList } = run(producer, items, { keepRecords: false, onReport: undefined });
    expect((await done).delivered).toBe(50);
    expect(chunkList.every((c) => c.records === null)).toBe(true);
    expect(chunkList.reduce((n, c) => n + c.count, 0)).toBe(50);
    expect(() => chunkReport(chunkList[0]!, 0)).toThrow(/keepRecords/);
  });

  it('cuts batches at maxBytes (estimated record sizes)', async () => {
    const { producer, requests } = fakeProducer({ partitions: [0] });
    const items = Array.from({ length: 30 }, () => ({ record: record('x'.repeat(80)) }));
    await run(producer, items, { limits: { maxBytes: 500 } }).done;
    expect(requests.map((r) => r.count)).toEqual(Array(6).fill(5));
  });

  it('reports a whole failed request as failed, and refuses oversized messages and unknown partitions before sending', async () => {
    const { producer } = fakeProducer({ fail: (p) => (p === 1 ? new Error('boom') : undefined) });
    const items: InputItem[] = [
      { record: record('a', { partition: 0 }) },
      { record: record('b', { partition: 1 }) },
      { record: record('c', { partition: 1 }) },
      { record: record('y'.repeat(2000), { partition: 0 }) },
      { record: record('d', { partition: 7 }) },
      { line: 9, error: 'bad line' },
    ];
    const { done, reports } = run(producer, items);
    const summary = await done;
    expect(summary).toMatchObject({ delivered: 1, failed: 4, inputErrors: 1 });
    expect(reports.filter((r) => r.status === 'failed').map((r) => r.record.value!.toString().slice(0, 3))).toEqual(['yyy', 'd', 'b', 'c']);
    expect(summary.failureKinds.length).toBeGreaterThan(0);
  });

  it('with acks=0 reports messages as sent, without offsets', async () => {
    const { producer } = fakeProducer();
    const { done, reports } = run(producer, [{ record: record('a') }, { record: record('b') }], { acks: 0 });
    expect((await done).unacknowledged).toBe(2);
    expect(reports.map((r) => r.status)).toEqual(['sent', 'sent']);
  });
});

describe('produce from blocks of text lines', () => {
  /** The lines as one read each block: bytes joined by "\n", offsets into them. */
  function blocks(lines: string[], cuts: number[], fields: Omit<LineBlock, 'spans'>): InputItem[][] {
    const at = [...new Set(cuts.map((c) => c % (lines.length + 1))), lines.length].sort((a, b) => a - b);
    const out: InputItem[][] = [];
    let from = 0;
    for (const to of at) {
      if (to <= from) continue;
      const part = lines.slice(from, to).map((l) => Buffer.from(l, 'latin1'));
      const data = Buffer.concat(part.flatMap((b) => [b, Buffer.from('\n')]));
      const starts = new Int32Array(part.length);
      const ends = new Int32Array(part.length);
      let offset = 0;
      part.forEach((b, i) => {
        starts[i] = offset;
        ends[i] = offset + b.length;
        offset += b.length + 1;
      });
      out.push([{ lines: { ...fields, spans: { first: from + 1, data, starts, ends, count: part.length } } }]);
      from = to;
    }
    return out;
  }

  it('sends and reports exactly what the same lines as records give: partitions, offsets, refusals, failures', async () => {
    const line = fc.oneof(fc.constant(''), fc.string({ unit: 'binary-ascii', minLength: 1, maxLength: 30 }), fc.constant('z'.repeat(1200)));
    const withoutReports = [false, true];
    await fc.assert(
      fc.asyncProperty(
        fc.array(line, { maxLength: 60 }), fc.array(fc.nat(), { maxLength: 6 }), fc.constantFrom(null, Buffer.from('k')),
        fc.constantFrom(undefined, 0, 1, 7), fc.constantFrom<Header[][]>([], [{ key: 'h', value: Buffer.from('v') }]), fc.constantFrom(...withoutReports),
        async (lines, cuts, key, partition, headers, quiet) => {
          const fields = { key, headers, partition, timestamp: 1000 };
          const asRecords: InputItem[] = lines.flatMap((l, i) => (l === '' ? [] : [{ record: { ...fields, value: Buffer.from(l, 'latin1'), line: i + 1 } }]));
          const outcome = async (input: AsyncIterable<InputItem[]>) => {
            const { producer, logs } = fakeProducer({ fail: (p) => (p === 1 ? new Error('boom') : undefined) });
            const reports: DeliveryReport[] = [];
            const counts: [string, number | null, number][] = [];
            const summary = await produce({
              producer, input, messageMaxBytes: 1000, acks: 1, signal: new AbortController().signal, keepRecords: !quiet,
              onChunk: (c) => counts.push([c.status, c.partition, c.count]), onInputError: () => undefined,
              ...(quiet ? {} : { onReport: (r: DeliveryReport) => reports.push(r) }), limits: { maxMessages: 4, maxBytes: 200 },
            });
            const shown = reports.map((r) => [r.status, r.partition, r.status === 'delivered' ? r.offset : null, r.record.line, r.record.key, r.record.value!.toString('latin1'), r.record.headers, r.record.partition]);
            const logged = [...logs].map(([p, rs]) => [p, rs.map((r) => [r.key, r.value!.toString('latin1'), r.headers, r.timestamp])]);
            const { elapsedMs: _e, ...rest } = summary;
            return { rest, shown: shown.sort((a, b) => Number(a[3]) - Number(b[3])), counts: counts.sort(), logged };
          };
          async function* of(chunks: InputItem[][]) {
            yield* chunks;
          }
          const expected = await outcome(chunks(asRecords));
          expect(await outcome(of(blocks(lines, cuts, fields)))).toEqual(expected);
          expect(expected.rest.delivered + expected.rest.failed).toBe(asRecords.length);
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('offsetAt', () => {
  it('adds exactly, also beyond 2^53', () => {
    expect(offsetAt(41n, 1)).toBe('42');
    expect(offsetAt(9_007_199_254_740_990n, 5)).toBe('9007199254740995');
  });
});

describe('produce in Chinese', () => {
  afterEach(() => setLocale('en'));

  it('refuses a message too large or for a partition that does not exist with the same statuses, said in Chinese', async () => {
    setLocale('zh-CN');
    const { producer } = fakeProducer();
    const items = [{ record: record('x'.repeat(2000)) }, { record: record('y', { partition: 7 }) }, { record: record('z') }];
    const { done, reports } = run(producer, items);
    const summary = await done;
    expect(summary).toMatchObject({ delivered: 1, failed: 2 });
    const failed = reports.filter((r) => r.status === 'failed').map((r) => (r.status === 'failed' ? r.error : ''));
    expect(failed).toEqual([
      expect.stringMatching(/^消息大小为 20\d\d 字节，超过 1000 字节的上限（message\.max\.bytes），未发送$/),
      "主题 't' 中不存在分区 7（现有分区：0,1,2）",
    ]);
  });

  it('says a message was not sent because of Ctrl-C in Chinese', async () => {
    setLocale('zh-CN');
    const { producer } = fakeProducer();
    const controller = new AbortController();
    // The first line is read and batched (linger 10 s), then Ctrl-C comes while the input waits.
    async function* slow(): AsyncGenerator<InputItem[]> {
      yield [{ record: record('a') }];
      setTimeout(() => controller.abort(), 10);
      await new Promise((r) => setTimeout(r, 50));
    }
    const reports: DeliveryReport[] = [];
    const summary = await produce({
      producer, input: slow(), messageMaxBytes: 1000, acks: 1, signal: controller.signal, limits: { lingerMs: 10_000 },
      onReport: (r) => reports.push(r), onInputError: () => undefined,
    });
    expect(summary).toMatchObject({ interrupted: true, notSent: 1 });
    expect(reports.map((r) => (r.status === 'not-sent' ? r.error : r.status))).toEqual(['发送前已中断']);
  });
});
