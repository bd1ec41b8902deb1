/**
 * Runs a sweep on worker threads: plans it, reads back the runs its journal already holds, hands the others to
 * the pool a few at a time, appends each to the journal as it finishes, and, once all are done, ranks them.
 * Runs with equal keys are computed once. The results depend on the runs' keys only, never on how many workers
 * computed them, in which order they finished, or in how many sessions.
 *
 * Stopping (the signal, e.g. Ctrl-C): no new run starts, the ones in progress finish and are written, and the
 * outcome says `interrupted`; running the same sweep with the same journal again completes it.
 *
 * Node-only (worker threads, the journal's file).
 */
import { DescentError } from '../core/errors.js';
import { createPool, workerCount, workerUrl } from './pool.js';
import { planSweep, type PlannedRun, type RunOutcome, type SweepPlan, type SweepTask } from './sweep.js';
import { SweepJournal, sweepResults, type SweepResults } from './sweep-results.js';
import type { Sweep } from './sweep-schema.js';
import type { WorkerReply } from './sweep-worker.js';

export interface RunSweepOptions {
  /** Worker threads; default: os.availableParallelism(). */
  workers?: number;
  /** The journal's path (results.jsonl); without one, nothing is written and nothing resumes. */
  journal?: string;
  /** Discard what the journal holds and start over. */
  fresh?: boolean;
  /** Stops the sweep: runs in progress finish and are kept. */
  signal?: AbortSignal;
  /** Before the first run: runs already in the journal, all runs, the runs left to compute (equal keys once), workers. */
  onStart?: (info: { done: number; total: number; toCompute: number; workers: number; truncated: boolean }) => void;
  /** After each run computed, with the runs done so far (resumed ones included) and all runs. */
  onRun?: (info: { run: PlannedRun; label: string; outcome: RunOutcome; done: number; total: number }) => void;
}

export interface SweepRun {
  plan: SweepPlan;
  /** Unset when the sweep was interrupted. */
  results?: SweepResults;
  interrupted: boolean;
  /** Runs done (resumed and computed), and all runs. */
  done: number;
  total: number;
  /** Runs found in the journal, and tasks computed in this session. */
  resumed: number;
  computed: number;
}

/** How many batches each worker may have in flight, so that stopping leaves little to wait for. */
const QUEUE_PER_WORKER = 2;
/** The work a batch aims at, and the most runs in one. */
const BATCH_MS = 20;
const MAX_BATCH = 64;

export async function runSweep(sweep: Sweep, options: RunSweepOptions = {}): Promise<SweepRun> {
  const workers = workerCount(options.workers);
  const plan = planSweep(sweep);
  const journal = options.journal === undefined ? undefined : new SweepJournal(options.journal, { fresh: options.fresh ?? false });
  const outcomes = new Map<string, RunOutcome>();
  // The runs of each key: a task computed once completes them all.
  const runsOf = new Map<string, PlannedRun[]>();
  for (const run of plan.runs) {
    const found = journal?.done.get(run.key);
    if (found !== undefined) outcomes.set(run.key, found);
    else runsOf.set(run.key, [...(runsOf.get(run.key) ?? []), run]);
  }
  const total = plan.runs.length;
  const resumed = plan.runs.filter((r) => outcomes.has(r.key)).length;
  const todo = [...runsOf.keys()];
  let done = resumed;
  let computed = 0;
  const threads = Math.max(1, Math.min(workers, todo.length));
  options.onStart?.({ done, total, toCompute: todo.length, workers: threads, truncated: journal?.truncated ?? false });

  let failure: unknown;
  if (todo.length > 0) {
    const pool = createPool<SweepTask[], WorkerReply[]>(workerUrl('sweep-worker', import.meta.url), { workers: threads });
    const inFlight = new Set<Promise<void>>();
    // Batches of about BATCH_MS of work, sized by the runs measured so far: one message per run would cost as much
    // as a short run, and stopping waits for the batches in flight only.
    let measured = 0;
    let measuredMs = 0;
    const batchSize = () => (measured === 0 ? 1 : Math.max(1, Math.min(MAX_BATCH, Math.round(BATCH_MS / Math.max(measuredMs / measured, 1e-3)))));
    const finish = (key: string, reply: WorkerReply) => {
      const runs = runsOf.get(key)!;
      if ('error' in reply) {
        failure ??= new DescentError(`${reply.error} (in ${plan.configurations[runs[0].configuration].label})`);
        return;
      }
      journal?.append(key, reply.outcome);
      outcomes.set(key, reply.outcome);
      computed += 1;
      measured += 1;
      measuredMs += reply.outcome.timeMs;
      for (const run of runs) {
        done += 1;
        options.onRun?.({ run, label: plan.configurations[run.configuration].label, outcome: reply.outcome, done, total });
      }
    };
    const launch = (keys: string[]) => {
      const promise: Promise<void> = pool
        .run(keys.map((key) => runsOf.get(key)![0].task))
        .then((replies) => replies.forEach((reply, i) => finish(keys[i], reply)))
        .catch((error: unknown) => {
          failure ??= error;
        })
        .finally(() => inFlight.delete(promise));
      inFlight.add(promise);
    };
    try {
      let next = 0;
      for (;;) {
        while (next < todo.length && inFlight.size < threads * QUEUE_PER_WORKER && failure === undefined && !options.signal?.aborted) {
          const size = batchSize();
          launch(todo.slice(next, next + size));
          next += size;
        }
        if (inFlight.size === 0) break;
        await Promise.race(inFlight);
      }
    } finally {
      await pool.destroy();
      journal?.close();
    }
  } else {
    journal?.close();
  }
  if (failure !== undefined) throw failure;
  const interrupted = done < total;
  return { plan, ...(interrupted ? {} : { results: sweepResults(plan, outcomes) }), interrupted, done, total, resumed, computed };
}
