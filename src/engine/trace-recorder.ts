/**
 * What every loop of the engine (minimize, the coordinate-wise update, the online loop) does around its steps:
 * check the start point and the box bounds, record each point with its value and gradient norm, project onto the
 * box, and close the trace with its status, its step count, its evaluations and its time. One place, so the loops
 * keep only their own update and every Trace means the same thing.
 */
import { fail, show } from '../core/errors.js';
import type { RunStatus, Trace } from './minimize.js';

export type Bounds = ReadonlyArray<readonly [number, number]>;

/** A start point with `dim` finite coordinates; `where` names the caller in the message. */
export function checkStart(where: string, dim: number, x0: ArrayLike<number>, what = 'objective'): void {
  if (x0.length !== dim) fail(where, `the start point has ${x0.length} coordinates, the ${what} has ${dim}`);
  if (!Array.from(x0).every(Number.isFinite)) fail(where, `the start point must be finite, got ${show(Array.from(x0))}`);
}

/** One box [low, high] with low <= high per coordinate. */
export function checkBounds(where: string, dim: number, bounds: Bounds | undefined, what = 'objective'): void {
  if (bounds === undefined) return;
  if (bounds.length !== dim) fail(where, `bounds has ${bounds.length} boxes, the ${what} has ${dim} coordinates`);
  bounds.forEach(([low, high], i) => {
    if (!(low <= high)) fail(where, `bounds[${i}] must be [low, high] with low <= high, got ${show([low, high])}`);
  });
}

/** x ← Π_box(x): each coordinate clamped to its interval. */
export function projectOnto(x: Float64Array, bounds: Bounds): void {
  for (let i = 0; i < x.length; i++) x[i] = Math.min(Math.max(x[i], bounds[i][0]), bounds[i][1]);
}

export function allFinite(x: Float64Array): boolean {
  for (let i = 0; i < x.length; i++) if (!Number.isFinite(x[i])) return false;
  return true;
}

/** ‖g‖₂. */
export function norm(g: Float64Array): number {
  let s = 0;
  for (let i = 0; i < g.length; i++) s += g[i] * g[i];
  return Math.sqrt(s);
}

export interface TraceRecorder {
  trace: Trace;
  /** Appends the point, its value and the norm of its gradient. */
  record(x: Float64Array, value: number, grad: Float64Array): void;
  /** Ends the trace: status, steps taken, calls of valueAndGrad, and the time since the recorder started. */
  finish(status: RunStatus, stoppedAt: number, evaluations: number): Trace;
}

/** A trace holding the start point; its time counts from `started` (default now). */
export function startTrace(x: Float64Array, value: number, grad: Float64Array, started = performance.now()): TraceRecorder {
  const trace: Trace = { points: [Array.from(x)], values: [value], gradNorms: [norm(grad)], lrs: [], status: 'max-steps', stoppedAt: 0, evaluations: 0, timeMs: 0 };
  return {
    trace,
    record(point, v, g) {
      trace.points.push(Array.from(point));
      trace.values.push(v);
      trace.gradNorms.push(norm(g));
    },
    finish(status, stoppedAt, evaluations) {
      trace.status = status;
      trace.stoppedAt = stoppedAt;
      trace.evaluations = evaluations;
      trace.timeMs = performance.now() - started;
      return trace;
    },
  };
}
