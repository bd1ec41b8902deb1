/**
 * The race: each configured optimizer run by the library's `minimize` from the start, for the state's number of
 * steps, and the pixel paths the overlay animates. The runs are computed whole when anything changes (six runs of
 * a thousand steps take a few milliseconds); the animation only reveals them step by step, so Step, Pause and the
 * speed control never re-run anything and every frame shows exactly the library's iterates.
 */
import { DescentError, minimize, runColour, type Objective, type Trace } from './lib.js';
import type { PlaygroundState, RacerConfig } from './state.js';

export interface RaceRun {
  label: string;
  colour: string;
  /** Null when the configuration was rejected (error says why). */
  trace: Trace | null;
  error: string | null;
}

/** Runs stop early once ‖∇f‖ falls below this: the race shows them as converged. */
export const GRAD_TOL = 1e-8;

export function racerLabel(r: RacerConfig): string {
  if (r.label) return r.label;
  const lr = r.options.lr;
  return `${r.name}${typeof lr === 'number' ? ` lr=${lr}` : ''}${r.schedule ? ` + ${r.schedule.name}` : ''}`;
}

export function runRace(objective: Objective, state: PlaygroundState): RaceRun[] {
  return state.racers.map((r, i) => {
    const label = racerLabel(r);
    const colour = runColour(i);
    try {
      const trace = minimize(objective, state.start, {
        optimizer: { ...r.options, name: r.name },
        ...(r.schedule ? { schedule: r.schedule } : {}),
        maxSteps: state.steps,
        tol: GRAD_TOL,
        stop: 'grad-norm',
      });
      return { label, colour, trace, error: null };
    } catch (e) {
      if (e instanceof DescentError) return { label, colour, trace: null, error: e.message };
      throw e;
    }
  });
}

/** The last step a run can show: the number of steps it took. */
export function lastStep(run: RaceRun): number {
  return run.trace ? run.trace.points.length - 1 : 0;
}

/** The step the whole race ends at. */
export function raceLength(runs: readonly RaceRun[]): number {
  return Math.max(0, ...runs.map(lastStep));
}

export type RunPhase = { kind: 'error'; message: string } | { kind: 'ready' } | { kind: 'running' } | { kind: 'finished'; text: string };

/** What the readout says of a run shown up to `step`. */
export function phaseOf(run: RaceRun, step: number, started: boolean): RunPhase {
  if (!run.trace) return { kind: 'error', message: run.error ?? 'rejected' };
  if (!started && step === 0) return { kind: 'ready' };
  const t = run.trace;
  if (step < lastStep(run)) return { kind: 'running' };
  if (t.status === 'diverged') return { kind: 'finished', text: `diverged at step ${t.stoppedAt}` };
  if (t.status === 'converged') return { kind: 'finished', text: `converged at step ${t.stoppedAt}` };
  return { kind: 'finished', text: `finished (${t.stoppedAt} steps)` };
}
