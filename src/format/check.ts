import type { ChalkInstance } from 'chalk';
import type { CheckResult } from '../ops/check.js';
import type { LatencyStats } from '../ops/stats.js';
import { t } from '../i18n/index.js';
import { displayWidth } from './width.js';

/** A check that could not start (configuration, connection, authentication). */
export interface CheckError {
  kind: string;
  message: string;
  topic: string | null;
}

const stats = (s: LatencyStats | null) => (s === null ? t.output.checkNoStats : t.output.checkStats(s.min, s.median, s.p99, s.max));

/** Spaces after each of the words, up to the widest of them and two more: what follows them lines up. */
function gaps(...words: string[]): string[] {
  const widest = Math.max(...words.map(displayWidth));
  return words.map((w) => ' '.repeat(widest - displayWidth(w) + 2));
}

export function checkText(r: CheckResult, c: ChalkInstance): string {
  const o = t.output;
  const ok = (good: boolean, text: string) => (good ? c.green(text) : c.red(text));
  const [produceGap, consumeGap] = gaps(o.checkProduce, o.checkConsume);
  const [deliveredGap, receivedGap] = gaps(o.checkDelivered, o.checkReceived);
  const lines = [
    `${c.bold('ckafka check')}  ${o.checkHeading(r.topic, r.runId, r.count)}`,
    `  ${o.checkProduce}${produceGap}${ok(r.delivered === r.count, `${r.delivered}/${r.count} ${o.checkDelivered}`)}${deliveredGap}${o.checkLatency(stats(r.produceLatency))}`,
    `  ${o.checkConsume}${consumeGap}${ok(r.received === r.count, `${r.received}/${r.count} ${o.checkReceived}`)}${receivedGap}${o.checkEndToEnd(stats(r.endToEndLatency))}`,
    ...r.problems.map((p) => `  ${c.red('✗')} ${p}`),
    o.checkElapsed(r.verdict === 'pass' ? c.green(o.checkPass) : c.red(o.checkFail(r.verdict)), (r.elapsedMs / 1000).toFixed(2)),
  ];
  return `${lines.join('\n')}\n`;
}

export function checkJson(r: CheckResult): string {
  const { failureKinds: _k, produceProblems: _p, produceLatency, endToEndLatency, runId, elapsedMs, ...rest } = r;
  return `${JSON.stringify({ ...rest, run_id: runId, produce_latency_ms: produceLatency, end_to_end_latency_ms: endToEndLatency, elapsed_ms: elapsedMs })}\n`;
}

export function checkErrorJson(e: CheckError): string {
  return `${JSON.stringify({ verdict: 'error', topic: e.topic, error: { kind: e.kind, message: e.message } })}\n`;
}

/**
 * A JUnit XML report (one suite, a test case per stage) that CI systems display. The names of the
 * suite and cases stay in English in every language: CI systems follow a test case across runs by
 * its name. What failed (the failure's text) is in the user's language.
 */
export function checkJunit(r: CheckResult | CheckError, timestamp: Date): string {
  const cases: { name: string; failure?: string; time: number }[] = [];
  let suite: string;
  let time: number;
  if ('verdict' in r) {
    suite = `ckafka check ${r.topic}`;
    time = r.elapsedMs / 1000;
    cases.push({ name: 'connect to the cluster', time: 0 });
    const produceProblems = r.problems.slice(0, r.produceProblems);
    const produceFailure = r.delivered < r.count ? `${t.output.checkNotDelivered(r.count - r.delivered, r.count)}\n${produceProblems.join('\n')}` : undefined;
    cases.push({ name: `produce ${r.count} message(s)`, time: (r.produceLatency?.max ?? 0) / 1000, ...(produceFailure ? { failure: produceFailure } : {}) });
    const receiveFailure = r.verdict === 'pass' ? undefined : r.problems.slice(r.produceProblems).join('\n') || r.verdict;
    cases.push({ name: `receive ${r.count} message(s) once and intact`, time: (r.endToEndLatency?.max ?? 0) / 1000, ...(receiveFailure ? { failure: receiveFailure } : {}) });
  } else {
    suite = `ckafka check ${r.topic ?? ''}`.trim();
    time = 0;
    cases.push({ name: 'connect to the cluster', time: 0, failure: `${r.kind}: ${r.message}` });
  }
  const failures = cases.filter((x) => x.failure !== undefined).length;
  const body = cases
    .map((x) => {
      const open = `    <testcase classname="ckafka.check" name="${xml(x.name)}" time="${x.time.toFixed(3)}"`;
      if (x.failure === undefined) return `${open}/>`;
      const first = x.failure.split('\n')[0] ?? '';
      return `${open}>\n      <failure message="${xml(first)}">${xml(x.failure)}</failure>\n    </testcase>`;
    })
    .join('\n');
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="ckafka check" tests="${cases.length}" failures="${failures}" time="${time.toFixed(3)}">`,
    `  <testsuite name="${xml(suite)}" tests="${cases.length}" failures="${failures}" errors="0" time="${time.toFixed(3)}" timestamp="${timestamp.toISOString()}">`,
    body,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}

function xml(text: string): string {
  return text.replace(/[<>&"']/g, (ch) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[ch]!);
}
