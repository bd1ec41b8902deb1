/**
 * Line search along a direction d for LBFGS: cubic interpolation and the strong Wolfe conditions, as in torch 1.13
 * (`_cubic_interpolate`, `_strong_wolfe`), itself a port of Torch7's `polyinterp.lua` and `lswolfe.lua` and of
 * minFunc (Schmidt, 2005). Nocedal & Wright, "Numerical Optimization" (2006), algorithms 3.5 and 3.6.
 */
import type { FloatArray } from '../core/float-array.js';
import { jsVectorOps, type BufferPool, type VectorOps } from './flat.js';
import { abs, add, div, ge, gt, le, lt, mul, pyMax, pyMin, sqrt, sub, tensor0, type Scalar, valueOf } from './torch-scalar.js';

/** f(x + t·d), with ∇f(x + t·d) written into `grad`; the parameters are left at x. */
export type DirectionalEvaluate = (t: number, grad: FloatArray) => number;

export interface LineSearchResult {
  /** The step t chosen, its loss f(x + t·d) and gradient. */
  t: Scalar;
  loss: number;
  grad: FloatArray;
  /** Number of evaluations made. */
  evals: number;
}

/** The constants of the strong Wolfe search. torch's LBFGS never passes its own, so these are always in force. */
export const wolfeConstants = {
  /** Sufficient decrease (Armijo): f(t) ≤ f(0) + c₁ t f′(0). */
  c1: 1e-4,
  /** Curvature: |f′(t)| ≤ −c₂ f′(0). */
  c2: 0.9,
  /** Stop zooming once the bracket, measured as |Δt|·‖d‖_∞, is below this (not LBFGS's toleranceChange option). */
  toleranceChange: 1e-9,
  /** Most evaluations after the first. */
  maxLs: 25,
} as const;

/**
 * The minimiser of the cubic through (x₁, f₁) and (x₂, f₂) with slopes g₁ and g₂, clamped to `bounds` (by default
 * the interval between x₁ and x₂); the bounds' midpoint when the cubic has no minimiser:
 *
 *   d₁ = g₁ + g₂ − 3 (f₁ − f₂)/(x₁ − x₂),   d₂ = √(d₁² − g₁g₂)
 *   x* = x₂ − (x₂ − x₁) (g₂ + d₂ − d₁)/(g₂ − g₁ + 2d₂)        (written from the larger of x₁, x₂)
 *
 * Arithmetic on `Scalar`s rounds as torch's mix of Python floats and 0-dim tensors does (see torch-scalar.ts).
 */
export function cubicInterpolate(
  x1: Scalar, f1: Scalar, g1: Scalar,
  x2: Scalar, f2: Scalar, g2: Scalar,
  bounds?: readonly [Scalar, Scalar],
): Scalar {
  const [lo, hi] = bounds ?? (le(x1, x2) ? [x1, x2] : [x2, x1]);
  const d1 = sub(add(g1, g2), div(mul(3, sub(f1, f2)), sub(x1, x2)));
  const d2Square = sub(mul(d1, d1), mul(g1, g2));
  if (!ge(d2Square, 0)) return div(add(lo, hi), 2);
  const d2 = sqrt(d2Square);
  const minPos = le(x1, x2)
    ? sub(x2, mul(sub(x2, x1), div(sub(add(g2, d2), d1), add(sub(g2, g1), mul(2, d2)))))
    : sub(x1, mul(sub(x1, x2), div(sub(add(g1, d2), d1), add(sub(g1, g2), mul(2, d2)))));
  // Python's min/max, not Math's: a NaN candidate is kept, not absorbed, exactly as in torch.
  return pyMin(pyMax(minPos, lo), hi);
}

/**
 * Finds a step t along a descent direction d satisfying the strong Wolfe conditions
 *
 *   f(x + t d) ≤ f(x) + c₁ t ∇fᵀd        and        |∇f(x + t d)ᵀd| ≤ −c₂ ∇fᵀd.
 *
 *   bracket: from t₀ (the caller's guess) extrapolate by cubic interpolation within [t + 0.01 (t − t_prev), 10 t]
 *            until f rises, stops decreasing or the slope turns non-negative; then [t_prev, t] holds a Wolfe point
 *   zoom:    interpolate inside the bracket, nudged 10 % of its width away from an end when progress stalls,
 *            replacing its high or low end, until Wolfe holds, the bracket is tiny, or maxLs evaluations are spent
 *   return:  the bracket's low end (the lowest f seen), with its loss and gradient
 *
 * `f`, `g` and `gtd` are f(x), ∇f(x) and ∇f(x)ᵀd (a 0-dim tensor in torch, so a `Tensor0` here); `g` is read,
 * never written. Gradients are written only into buffers taken from `pool`, so the one returned may be `g` itself
 * (when no trial point did better). Losses are Python floats, slopes tensors, steps either: as in torch.
 * `ops` runs ‖d‖_∞ and the slopes ∇fᵀd (LBFGS passes its step's, TypeScript or WebAssembly: the same bits).
 */
export function strongWolfe(
  evaluate: DirectionalEvaluate,
  t: Scalar,
  d: FloatArray,
  f: number,
  g: FloatArray,
  gtd: Scalar,
  pool: BufferPool,
  ops: Pick<VectorOps, 'dot' | 'absMax'> = jsVectorOps,
): LineSearchResult {
  const { c1, c2, toleranceChange, maxLs } = wolfeConstants;
  const float32 = d instanceof Float32Array;
  const dNorm = tensor0(ops.absMax(d), float32);
  const armijoFails = (step: Scalar, loss: number): boolean => gt(loss, add(f, mul(mul(c1, step), gtd)));
  const curvatureHolds = (slope: Scalar): boolean => le(abs(slope), mul(-c2, gtd));
  let bracket: Scalar[] = [];
  let bracketF: number[] = [];
  let bracketG: FloatArray[] = [];
  let bracketGtd: Scalar[] = [];
  let tPrev: Scalar = 0;
  let fPrev = f;
  let gPrev = g;
  let gtdPrev = gtd;
  let gNew = pool.take([g]);
  let fNew = evaluate(valueOf(t), gNew);
  let gtdNew: Scalar = tensor0(ops.dot(gNew, d), float32);
  let evals = 1;
  const probe = (step: Scalar): void => {
    gNew = pool.take([g, gPrev, ...bracketG]);
    fNew = evaluate(valueOf(step), gNew);
    gtdNew = tensor0(ops.dot(gNew, d), float32);
    evals += 1;
  };

  // Bracketing phase.
  let done = false;
  let lsIter = 0;
  while (lsIter < maxLs) {
    if (armijoFails(t, fNew) || (lsIter > 1 && fNew >= fPrev)) {
      [bracket, bracketF, bracketG, bracketGtd] = [[tPrev, t], [fPrev, fNew], [gPrev, gNew], [gtdPrev, gtdNew]];
      break;
    }
    if (curvatureHolds(gtdNew)) {
      [bracket, bracketF, bracketG, done] = [[t], [fNew], [gNew], true];
      break;
    }
    if (ge(gtdNew, 0)) {
      [bracket, bracketF, bracketG, bracketGtd] = [[tPrev, t], [fPrev, fNew], [gPrev, gNew], [gtdPrev, gtdNew]];
      break;
    }
    const minStep = add(t, mul(0.01, sub(t, tPrev)));
    const maxStep = mul(t, 10);
    const tOld = t;
    t = cubicInterpolate(tPrev, fPrev, gtdPrev, t, fNew, gtdNew, [minStep, maxStep]);
    [tPrev, fPrev, gPrev, gtdPrev] = [tOld, fNew, gNew, gtdNew];
    probe(t);
    lsIter += 1;
  }
  if (lsIter === maxLs) [bracket, bracketF, bracketG] = [[0, t], [f, fNew], [g, gNew]];

  // Zoom phase.
  let insufficientProgress = false;
  let [low, high] = bracketF[0] <= bracketF[bracketF.length - 1] ? [0, 1] : [1, 0];
  while (!done && lsIter < maxLs) {
    if (lt(mul(abs(sub(bracket[1], bracket[0])), dNorm), toleranceChange)) break;
    t = cubicInterpolate(bracket[0], bracketF[0], bracketGtd[0], bracket[1], bracketF[1], bracketGtd[1]);
    const top = pyMax(bracket[0], bracket[1]);
    const bottom = pyMin(bracket[0], bracket[1]);
    const eps = mul(0.1, sub(top, bottom));
    if (lt(pyMin(sub(top, t), sub(t, bottom)), eps)) {
      // Too close to an end: after a second time in a row, or outside the bracket, move 10 % of its width inside.
      if (insufficientProgress || ge(t, top) || le(t, bottom)) {
        t = lt(abs(sub(t, top)), abs(sub(t, bottom))) ? sub(top, eps) : add(bottom, eps);
        insufficientProgress = false;
      } else {
        insufficientProgress = true;
      }
    } else {
      insufficientProgress = false;
    }
    probe(t);
    lsIter += 1;

    if (armijoFails(t, fNew) || fNew >= bracketF[low]) {
      // Armijo fails or no lower than the low end: the trial becomes the high end.
      [bracket[high], bracketF[high], bracketG[high], bracketGtd[high]] = [t, fNew, gNew, gtdNew];
      [low, high] = bracketF[0] <= bracketF[1] ? [0, 1] : [1, 0];
    } else {
      if (curvatureHolds(gtdNew)) {
        done = true;
      } else if (ge(mul(gtdNew, sub(bracket[high], bracket[low])), 0)) {
        // The slope points away from the high end: the old low end becomes the high end.
        [bracket[high], bracketF[high], bracketG[high], bracketGtd[high]] = [bracket[low], bracketF[low], bracketG[low], bracketGtd[low]];
      }
      [bracket[low], bracketF[low], bracketG[low], bracketGtd[low]] = [t, fNew, gNew, gtdNew];
    }
  }
  return { t: bracket[low], loss: bracketF[low], grad: bracketG[low], evals };
}
