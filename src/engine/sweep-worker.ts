/**
 * The task function of a sweep's worker threads: a batch of runs in, their outcomes out, in order. Runs go in
 * batches because one message costs about as much as a short run; run-sweep.ts sizes them. A DescentError (an
 * option combination that no single value could show to be wrong, say) comes back as data, so that the sweep can
 * report it as the user's error rather than as a crashed thread.
 */
import { DescentError } from '../core/errors.js';
import { runTask, type RunOutcome, type SweepTask } from './sweep-task.js';

export type WorkerReply = { outcome: RunOutcome } | { error: string };

export default function sweepWorker(tasks: readonly SweepTask[]): WorkerReply[] {
  return tasks.map((task) => {
    try {
      return { outcome: runTask(task) };
    } catch (error) {
      if (error instanceof DescentError) return { error: error.message };
      throw error;
    }
  });
}
