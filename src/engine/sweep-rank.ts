/**
 * The ranking of a sweep's configurations by a metric, lower being better: the final value, the steps to
 * tolerance, or the distance from the final point to the nearest known minimum. A configuration run from several
 * seeds (and starts) is ranked by the median over its runs, with the minimum and maximum beside it.
 *
 * Order, from the top: configurations whose runs all stayed finite, by the median metric; then (metric `steps`)
 * those whose median run did not converge, by median final value; last, every configuration with a diverged run,
 * all sharing the last rank. Equal keys share a rank number (1, 2, 2, 4: the ranking of sports tables) and are
 * marked tied; within a tie the order is a second metric (the median steps, or for `steps` the median final value),
 * then the order of the sweep file. Nothing depends on which run finished first.
 */
import type { RunOutcome, SweepPlan } from './sweep.js';
import type { Metric } from './sweep-schema.js';

export interface Spread {
  median: number;
  min: number;
  max: number;
}

/** `ok`: ranked by its metric; `not-converged`: `steps` only, its median run never reached tol; `diverged`: a run blew up. */
export type Standing = 'ok' | 'not-converged' | 'diverged';

export interface RankedConfiguration {
  rank: number;
  /** Shares its rank with another configuration. */
  tied: boolean;
  configuration: number;
  /** Which optimizer of the sweep it comes from. */
  optimizerIndex: number;
  label: string;
  optimizer: Record<string, unknown>;
  schedule?: Record<string, unknown>;
  params: Record<string, unknown>;
  standing: Standing;
  runs: number;
  converged: number;
  diverged: number;
  /** Over the runs that did not diverge; null when all did. For `steps`, a run that did not converge counts as ∞. */
  metric: Spread | null;
  finalValue: Spread | null;
  /** Steps taken (the step of divergence for a diverged run), over all runs. */
  steps: Spread;
}

/** Median (the mean of the middle two for an even count), min and max; null for no values. */
export function spread(values: readonly number[]): Spread | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const n = sorted.length;
  const median = n % 2 === 1 ? sorted[(n - 1) / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  return { median, min: sorted[0], max: sorted[n - 1] };
}

/** The metric of one run that did not diverge. */
export function runMetric(metric: Metric, outcome: RunOutcome): number {
  if (metric === 'steps') return outcome.status === 'converged' ? outcome.stoppedAt : Infinity;
  if (metric === 'distance') return outcome.distanceToMinimum ?? NaN;
  return outcome.finalValue;
}

const TIER: Record<Standing, number> = { ok: 0, 'not-converged': 1, diverged: 2 };

/** Ranks every configuration of the plan; `outcomes` must hold the result of every run, by key. */
export function rankSweep(plan: SweepPlan, outcomes: ReadonlyMap<string, RunOutcome>): RankedConfiguration[] {
  const metric = plan.sweep.metric;
  const byConfiguration = plan.configurations.map(() => [] as RunOutcome[]);
  for (const run of plan.runs) {
    const outcome = outcomes.get(run.key);
    if (outcome === undefined) throw new Error(`rankSweep: no result for run ${run.index} (key ${run.key})`);
    byConfiguration[run.configuration].push(outcome);
  }
  const entries = plan.configurations.map((c, i) => {
    const runs = byConfiguration[i];
    const finite = runs.filter((r) => r.status !== 'diverged');
    const diverged = runs.length - finite.length;
    const metricSpread = spread(finite.map((r) => runMetric(metric, r)));
    const finalValue = spread(finite.map((r) => r.finalValue));
    const standing: Standing = diverged > 0 ? 'diverged' : metricSpread!.median === Infinity ? 'not-converged' : 'ok';
    const steps = spread(runs.map((r) => r.stoppedAt))!;
    // What decides the rank, then what orders a tie.
    const primary = standing === 'ok' ? metricSpread!.median : standing === 'not-converged' ? finalValue!.median : 0;
    const secondary = standing === 'diverged' ? diverged : metric === 'steps' ? finalValue!.median : steps.median;
    const ranked: RankedConfiguration = {
      rank: 0,
      tied: false,
      configuration: c.index,
      optimizerIndex: c.optimizerIndex,
      label: c.label,
      optimizer: c.optimizer,
      ...(c.schedule ? { schedule: c.schedule } : {}),
      params: c.params,
      standing,
      runs: runs.length,
      converged: runs.filter((r) => r.status === 'converged').length,
      diverged,
      metric: metricSpread,
      finalValue,
      steps,
    };
    return { ranked, tier: TIER[standing], primary, secondary };
  });
  entries.sort((a, b) => a.tier - b.tier || a.primary - b.primary || a.secondary - b.secondary || a.ranked.configuration - b.ranked.configuration);
  entries.forEach((e, i) => {
    const before = entries[i - 1];
    const same = before !== undefined && before.tier === e.tier && before.primary === e.primary;
    e.ranked.rank = same ? before.ranked.rank : i + 1;
    if (same) before.ranked.tied = e.ranked.tied = true;
  });
  return entries.map((e) => e.ranked);
}
