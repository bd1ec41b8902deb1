/**
 * A sweep's plan and its runs. `planSweep` expands a sweep into configurations (an optimizer with one value for
 * each swept option) and runs (a configuration from one start of one seed), in one fixed order: optimizer by
 * optimizer as listed, configurations in grid order (the first option slowest) or in the order drawn, then seed
 * by seed, start by start. Each run has a key made from everything its result depends on (function, start,
 * optimizer and options, schedule, steps, stopping rule, bounds), so a result is found again by its key whatever
 * the order it was computed in, the worker that computed it, or the session that did.
 *
 * Each run carries its task, the run as plain data that a worker thread receives (sweep-task.ts runs it).
 */
import { Random } from '../core/random.js';
import type { SchedulerSpec } from '../schedule/registry.js';
import type { OptimizerSpec } from './minimize.js';
import { specText } from './spec-text.js';
import type { Sweep, SweepOptimizer } from './sweep-schema.js';
import { gridValues, sampleValue } from './sweep-space.js';
import type { SweepTask } from './sweep-task.js';

export { runTask, type RunOutcome, type SweepTask } from './sweep-task.js';

/** An optimizer with one value for each swept option. */
export interface SweepConfiguration {
  index: number;
  /** Which optimizer of the sweep it comes from. */
  optimizerIndex: number;
  /** The optimizer's label followed by the swept values: `Adam lr=0.001 betas=0.9,0.999`. */
  label: string;
  /** The whole spec: fixed and swept options. */
  optimizer: OptimizerSpec;
  schedule?: SchedulerSpec;
  /** The swept options' values. */
  params: Record<string, unknown>;
}

export interface PlannedRun {
  index: number;
  /** The hash of the run's task: equal keys, equal results. */
  key: string;
  configuration: number;
  seed: number;
  startIndex: number;
  task: SweepTask;
}

export interface SweepPlan {
  sweep: Sweep;
  configurations: SweepConfiguration[];
  runs: PlannedRun[];
}

/** JSON with the keys of every object sorted, so that equal data gives equal text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, (v as Record<string, unknown>)[k]])) : v,
  );
}

/**
 * A 64-bit hash of a string as 16 hex digits: two 32-bit lanes multiplied and mixed per character (cyrb53's
 * scheme, after bryc), then avalanched. Not cryptographic; it names runs, where a collision among a million keys
 * has odds of about 1 in 10^7.
 */
export function hashKey(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (h2 >>> 0).toString(16).padStart(8, '0') + (h1 >>> 0).toString(16).padStart(8, '0');
}

/** The swept values of each configuration of one optimizer, in order. */
function configurationParams(o: SweepOptimizer): Array<Record<string, unknown>> {
  if (o.search === 'none') return [{}];
  if (o.search === 'random') {
    // One seeded stream per optimizer: sample by sample, option by option, as listed. A repeated draw (likely
    // from short lists) is kept once.
    const random = new Random(o.seed ?? 0);
    const drawn = new Map<string, Record<string, unknown>>();
    for (let i = 0; i < (o.samples ?? 1); i++) {
      const params = Object.fromEntries(o.params.map((p) => [p.name, sampleValue(p.space, random)]));
      drawn.set(canonicalJson(params), drawn.get(canonicalJson(params)) ?? params);
    }
    return [...drawn.values()];
  }
  // The grid: the cartesian product, the first option varying slowest.
  let combos: Array<Record<string, unknown>> = [{}];
  for (const p of o.params) {
    const values = gridValues(p.space);
    combos = combos.flatMap((c) => values.map((v) => ({ ...c, [p.name]: v })));
  }
  return combos;
}

export function planSweep(sweep: Sweep): SweepPlan {
  const configurations: SweepConfiguration[] = [];
  const labels = new Set<string>();
  sweep.optimizers.forEach((o, optimizerIndex) => {
    for (const params of configurationParams(o)) {
      // The values go in before the schedule's part: `SGD momentum=0.9 lr=0.01 + StepLR stepSize=100`.
      const made = o.label.slice(0, o.valuesAt) + specText('', params) + o.label.slice(o.valuesAt);
      let label = made;
      for (let k = 2; labels.has(label); k++) label = `${made} #${k}`;
      labels.add(label);
      configurations.push({
        index: configurations.length,
        optimizerIndex,
        label,
        optimizer: { ...o.optimizer, ...params },
        ...(o.schedule ? { schedule: o.schedule } : {}),
        params,
      });
    }
  });
  const runs: PlannedRun[] = [];
  for (const c of configurations) {
    sweep.seeds.forEach((seed, k) => {
      sweep.starts[k].forEach((start, startIndex) => {
        const task: SweepTask = {
          function: sweep.function,
          start,
          optimizer: c.optimizer,
          ...(c.schedule ? { schedule: c.schedule } : {}),
          steps: sweep.steps,
          ...(sweep.tol !== undefined ? { tol: sweep.tol } : {}),
          stop: sweep.stop,
          ...(sweep.bounds ? { bounds: sweep.bounds } : {}),
          ...(sweep.divergeAbove !== undefined ? { divergeAbove: sweep.divergeAbove } : {}),
        };
        runs.push({ index: runs.length, key: hashKey(canonicalJson(task)), configuration: c.index, seed, startIndex, task });
      });
    });
  }
  return { sweep, configurations, runs };
}
