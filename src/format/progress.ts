import type { OutStream } from '../io/io.js';
import { monotonicMs } from '../io/clock.js';
import { t } from '../i18n/index.js';

/** Count and rate on stderr, only on a terminal, redrawn at most four times a second. */
export function progressMeter(stderr: OutStream, env: Record<string, string | undefined>) {
  const enabled = stderr.isTTY === true && env.CI === undefined;
  const started = monotonicMs();
  let count = 0;
  let shown = false;
  const timer = enabled
    ? setInterval(() => {
        const secs = (monotonicMs() - started) / 1000;
        if (secs < 1) return;
        shown = true;
        stderr.write(`\r${t.output.progress(count.toLocaleString('en-US'), Math.round(count / secs).toLocaleString('en-US'))}   `);
      }, 250)
    : undefined;
  timer?.unref();
  return {
    tick(n = 1): void {
      count += n;
    },
    stop(): void {
      if (timer) clearInterval(timer);
      if (shown) stderr.write('\r\x1b[K');
    },
  };
}
