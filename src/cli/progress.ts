/**
 * A progress bar on stderr (cli-progress) for long runs: it appears only once the work has taken more than a
 * second, so quick runs print nothing extra, and only where the caller allows it (a terminal, not --quiet).
 * Progress is counted in units the caller chooses (steps of all runs). The clock is read at a stride that adapts
 * to keep about 50 ms between readings, so an update costs a decrement on a fast step and nothing is missed on a
 * slow one.
 */
import { SingleBar } from 'cli-progress';

export interface Progress {
  update(done: number, label: string): void;
  stop(): void;
}

/** How long work may run before the bar appears. */
const DELAY_MS = 1000;
/** Aimed-for time between readings of the clock. */
const TICK_MS = 50;

export function startProgress(total: number, { enabled }: { enabled: boolean }): Progress {
  const started = Date.now();
  let bar: SingleBar | undefined;
  let stride = 1;
  let countdown = 1;
  let lastReading = started;
  return {
    update(done, label) {
      if (!enabled || --countdown > 0) return;
      const now = Date.now();
      stride = now - lastReading < TICK_MS ? Math.min(stride * 2, 1 << 20) : Math.max(1, stride >> 1);
      countdown = stride;
      lastReading = now;
      if (bar === undefined) {
        if (now - started < DELAY_MS || done >= total) return;
        bar = new SingleBar({ stream: process.stderr, format: 'running {bar} {percentage}% | ETA {eta_formatted} | {label}', hideCursor: true, clearOnComplete: true });
        bar.start(total, done, { label });
      } else {
        bar.update(done, { label });
      }
    },
    stop() {
      bar?.stop();
    },
  };
}
