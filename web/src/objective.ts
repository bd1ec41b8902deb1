/**
 * The function being explored, built from the state: a zoo entry by name, or a typed-in expression compiled by the
 * library. A typed-in expression that does not compile gives an ExpressionError, whose column the function panel
 * shows under the field with a caret.
 */
import { compile, DescentError, ExpressionError, getFunction, type Objective } from './lib.js';
import type { PlaygroundState } from './state.js';

export type Built = { ok: true; objective: Objective } | { ok: false; message: string; column?: number; caret?: string };

export function buildObjective(fn: PlaygroundState['fn']): Built {
  try {
    const objective = 'zoo' in fn ? getFunction(fn.zoo) : compile(fn.expr);
    if (objective.dim < 1 || objective.dim > 2) {
      return { ok: false, message: `the playground draws functions of 1 or 2 variables; this one has ${objective.dim}` };
    }
    return { ok: true, objective };
  } catch (e) {
    if (e instanceof ExpressionError) return { ok: false, message: e.message, column: e.column, caret: e.caret };
    if (e instanceof DescentError) return { ok: false, message: e.message };
    throw e;
  }
}

/** The default view of an objective: its domain, else a box around the origin. */
export function defaultView(objective: Objective): Array<[number, number]> {
  const domain = objective.meta?.domain;
  if (domain && domain.length === objective.dim) return domain.map(([lo, hi]) => [lo, hi] as [number, number]);
  return Array.from({ length: objective.dim }, () => [-5, 5] as [number, number]);
}

/** The default start: the objective's suggested one, else a point of the view away from its centre. */
export function defaultStart(objective: Objective, view: ReadonlyArray<readonly [number, number]>): number[] {
  const suggested = objective.meta?.starts?.[0];
  if (suggested && suggested.length === objective.dim) return [...suggested];
  return view.map(([lo, hi]) => lo + 0.8 * (hi - lo));
}
