import { fail, show } from '../core/errors.js';
import type { FloatArray } from '../core/float-array.js';
import type { OptionsOf } from '../core/options.js';
import type { Parameter } from '../core/parameter.js';
import { LBFGSVectors, lbfgsVectors } from '../wasm/lbfgs-vectors.js';
import { wasmKernels } from './backend.js';
import { BufferPool, castTo, FlatParams, jsVectorOps, type VectorOps } from './flat.js';
import { decodeLBFGSState } from './lbfgs-state.js';
import { strongWolfe } from './line-search.js';
import { div, gt, mul, pyMin, tensor0, valueOf, type Scalar } from './torch-scalar.js';
import { Optimizer, type Closure, type ParamGroupInput, type StateValue } from './optimizer.js';

export const lbfgsSchema = {
  lr: { kind: 'number', default: 1, min: 0, description: 'step length γ: the fixed step, or the line search’s first trial' },
  maxIter: { kind: 'number', default: 20, min: 1, integer: true, description: 'most iterations per step(closure)' },
  maxEval: { kind: 'nullable-number', default: null, min: 1, integer: true, description: 'most closure calls per step (null: ⌊1.25 maxIter⌋)' },
  toleranceGrad: { kind: 'number', default: 1e-7, min: 0, description: 'stop once max |gᵢ| ≤ this' },
  toleranceChange: { kind: 'number', default: 1e-9, min: 0, description: 'stop once the step, the loss change or gᵀd is below this' },
  historySize: { kind: 'number', default: 100, min: 1, integer: true, description: 'number m of correction pairs (s, y) kept' },
  lineSearchFn: { kind: 'choice', values: [null, 'strong_wolfe'], default: null, description: 'null: fixed step γ; strong_wolfe: cubic-interpolation line search' },
} as const;

export type LBFGSOptions = OptionsOf<typeof lbfgsSchema>;

/**
 * The run's state, kept (as torch does) on the first parameter. Vectors span all parameters laid end to end.
 * Everything but the two counters appears after the first iteration; `al` after the second.
 */
export interface LBFGSState {
  /** Closure calls and iterations over the whole run. */
  funcEvals: number;
  nIter: number;
  /** The last direction p and step length t. */
  d?: FloatArray;
  t?: number;
  /** Curvature pairs, oldest first: yᵢ = g_{i+1} − gᵢ (oldDirs), sᵢ = t p (oldStps), ρᵢ = 1/yᵢᵀsᵢ (ro). */
  oldDirs?: FloatArray[];
  oldStps?: FloatArray[];
  ro?: number[];
  /** Scale γ_k = yᵀs / yᵀy of the initial inverse Hessian H₀ = γ_k I. */
  hDiag?: number;
  prevFlatGrad?: FloatArray;
  prevLoss?: number;
  /** Scratch αᵢ of the two-loop recursion, historySize long (null where unused), kept because torch keeps it. */
  al?: (number | null)[];
}

/**
 * The L-BFGS direction d = −H_k g by the two-loop recursion (Nocedal & Wright 2006, algorithm 7.4), in place in d.
 *
 *   q ← −g
 *   for i = k−1 … k−m:   αᵢ ← ρᵢ sᵢᵀq;   q ← q − αᵢ yᵢ
 *   r ← γ_k q
 *   for i = k−m … k−1:   β ← ρᵢ yᵢᵀr;    r ← r + (αᵢ − β) sᵢ
 *   d ← r
 */
export function twoLoopDirection(
  d: FloatArray, g: FloatArray, dirs: readonly FloatArray[], stps: readonly FloatArray[],
  ro: readonly number[], al: (number | null)[], hDiag: number, ops: VectorOps = jsVectorOps,
): void {
  ops.scaleInto(d, -1, g);
  for (let i = dirs.length - 1; i >= 0; i--) {
    const alpha = castTo(d, ops.dot(stps[i], d) * ro[i]);
    al[i] = alpha;
    ops.axpy(d, -alpha, dirs[i]);
  }
  ops.scaleInto(d, hDiag, d);
  for (let i = 0; i < dirs.length; i++) {
    const beta = castTo(d, ops.dot(dirs[i], d) * ro[i]);
    ops.axpy(d, castTo(d, (al[i] as number) - beta), stps[i]);
  }
}

/**
 * L-BFGS: limited-memory BFGS, torch.optim.LBFGS (Liu & Nocedal 1989; Nocedal & Wright 2006, ch. 7), after minFunc.
 * Each `step(closure)` runs up to maxIter iterations and calls the closure several times.
 *
 *   input: γ (lr), K (maxIter), E (maxEval), m (historySize), ε_g (toleranceGrad), ε_f (toleranceChange)
 *   f, g ← closure();   stop if ‖g‖_∞ ≤ ε_g
 *   for k = 1 … K
 *     if first iteration of the run:  d ← −g,   H₀ ← I
 *     else  y ← g − g_prev,   s ← t d
 *           if yᵀs > 10⁻¹⁰:  keep (s, y, ρ = 1/yᵀs), dropping the oldest beyond m;   γ_k ← yᵀs / yᵀy
 *           d ← −H_k g                                  (two-loop recursion, H₀ = γ_k I)
 *     t ← min(1, 1/‖g‖₁) γ on the run's first iteration, else γ
 *     stop if gᵀd > −ε_f
 *     strong_wolfe: t, f, g ← line search from t;   θ ← θ + t d
 *     fixed step:   θ ← θ + t d;   f, g ← closure() unless k = K
 *     stop if k = K, E calls made, ‖g‖_∞ ≤ ε_g, ‖t d‖_∞ ≤ ε_f, or |f − f_prev| < ε_f
 *   return the first f
 *
 * Convention (torch): the closure's gradient is read as it is left (zeroing it is the closure's job); a null
 * gradient reads as zeros. Arithmetic reproduces torch 1.13's on the CPU, bit for bit where it can: vectors and the
 * scalars torch keeps as 0-dim tensors (yᵀs, ρ, γ_k, α, β) in the parameters' dtype (`castTo`), the step length
 * t, which is a tensor or a Python float by turns, as a `Scalar` (torch-scalar.ts), and θ + t d fused (core/fma.ts). The line search always uses its own constants (c₁ 1e-4, c₂ 0.9, 25 evaluations,
 * tolerance 1e-9), not toleranceChange. maxEval null follows the group's current maxIter; torch fixes it at
 * construction from the constructor's max_iter, which is the same unless maxIter changes later.
 *
 * Backend: the vector operations (dot, y + αx, …) run through `VectorOps` (flat.ts), chosen once per step: the
 * TypeScript loops, or, when the kernel backend is wasm (backend.ts), WebAssembly over one arena that holds all of
 * the run's vectors (src/wasm/lbfgs-vectors.ts). The two give the same bits, in float32 as in float64.
 */
export class LBFGS extends Optimizer<typeof lbfgsSchema, LBFGSState> {
  /** The arena of the wasm path, kept from step to step (undefined before the first wasm step or when too large). */
  private wasmVectors: LBFGSVectors | undefined;

  constructor(params: Parameter[] | ParamGroupInput<LBFGSOptions>[], options?: Partial<LBFGSOptions>) {
    super('LBFGS', lbfgsSchema, params, options);
    void new FlatParams(this.paramGroups[0].params, this.name); // fails now if the parameters' dtypes differ
  }

  override addParamGroup(group: ParamGroupInput<LBFGSOptions>): void {
    if (this.paramGroups.length > 0) {
      fail(this.name, 'supports exactly one param group (no per-parameter options), got a second one');
    }
    super.addParamGroup(group);
  }

  protected initState(): LBFGSState {
    return { funcEvals: 0, nIter: 0 };
  }

  protected update(): void {
    throw new Error('LBFGS steps all parameters together: call step(closure)');
  }

  override step(closure?: Closure): number {
    if (typeof closure !== 'function') {
      fail(this.name, `step needs a closure that re-evaluates the loss and fills the gradients, got ${show(closure)}`);
    }
    const group = this.paramGroups[0];
    const { lr, maxIter, toleranceGrad, toleranceChange, historySize, lineSearchFn } = group;
    const maxEval = group.maxEval ?? Math.floor((maxIter * 5) / 4);
    const flat = new FlatParams(group.params, this.name);
    const call = (): number => {
      const loss = closure();
      if (typeof loss !== 'number') fail(this.name, `the closure must return the loss as a number, got ${show(loss)}`);
      return loss;
    };
    const p0 = group.params[0];
    const state = this.state.get(p0) ?? this.initState();
    this.state.set(p0, state);
    if (state.prevFlatGrad !== undefined && state.prevFlatGrad.length !== flat.numel) {
      fail(this.name, `the parameters now have ${flat.numel} elements in all, the state was made for ${state.prevFlatGrad.length}`);
    }
    const ops = this.vectorOps(flat, state, historySize);

    const origLoss = call();
    let loss = origLoss;
    let currentEvals = 1;
    state.funcEvals += 1;
    let g = flat.gatherGrad(ops.vector(flat), this.name);
    let optCond = ops.absMax(g) <= castTo(g, toleranceGrad);
    if (optCond) return origLoss;

    let { d, oldDirs = [], oldStps = [], ro = [], hDiag = 1, prevFlatGrad, prevLoss } = state;
    let t: Scalar = state.t ?? 0;
    const float32 = g instanceof Float32Array;
    const pool = new BufferPool(() => ops.vector(flat));
    let spare: [FloatArray, FloatArray] | undefined; // a (y, s) pair to reuse: rejected, or dropped from the history
    let x0: FloatArray | undefined;
    let nIter = 0;
    while (nIter < maxIter) {
      nIter += 1;
      state.nIter += 1;

      if (state.nIter === 1) {
        d = ops.vector(flat);
        ops.scaleInto(d, -1, g);
        [oldDirs, oldStps, ro, hDiag] = [[], [], [], 1];
      } else {
        const [y, s] = spare ?? [ops.vector(flat), ops.vector(flat)];
        spare = undefined;
        ops.subInto(y, g, prevFlatGrad!);
        ops.scaleInto(s, valueOf(t), d!);
        const ys = ops.dot(y, s);
        if (ys > castTo(y, 1e-10)) {
          if (oldDirs.length === historySize) {
            spare = [oldDirs.shift()!, oldStps.shift()!];
            ro.shift();
          }
          oldDirs.push(y);
          oldStps.push(s);
          ro.push(castTo(y, 1 / ys));
          hDiag = castTo(y, ys / ops.dot(y, y));
        } else {
          spare = [y, s];
        }
        state.al ??= new Array<number | null>(historySize).fill(null);
        twoLoopDirection(d!, g, oldDirs, oldStps, ro, state.al, hDiag, ops);
      }
      prevFlatGrad ??= ops.vector(flat);
      prevFlatGrad.set(g);
      prevLoss = loss;

      // The run's first trial step min(1, 1/‖g‖₁)·γ keeps the first move within a unit ℓ₁ ball.
      t = state.nIter === 1 ? mul(pyMin(1, div(1, tensor0(ops.absSum(g), float32))), lr) : lr;
      const gtd = tensor0(ops.dot(g, d!), float32);
      if (gt(gtd, -toleranceChange)) break;

      let lsEvals = 0;
      if (lineSearchFn === 'strong_wolfe') {
        const x = (x0 = flat.read(x0 ?? ops.vector(flat)));
        const dir = d!;
        const evaluate = (step: number, grad: FloatArray): number => {
          ops.addScaled(flat, step, dir);
          const f = call();
          flat.gatherGrad(grad, this.name);
          flat.write(x);
          return f;
        };
        const found = strongWolfe(evaluate, t, dir, loss, g, gtd, pool, ops);
        [t, loss, g, lsEvals] = [found.t, found.loss, found.grad, found.evals];
        ops.addScaled(flat, valueOf(t), dir);
        optCond = ops.absMax(g) <= castTo(g, toleranceGrad);
      } else {
        ops.addScaled(flat, valueOf(t), d!);
        if (nIter !== maxIter) {
          // Not after the last iteration: the next step starts by calling the closure anyway.
          loss = call();
          flat.gatherGrad(g, this.name);
          optCond = ops.absMax(g) <= castTo(g, toleranceGrad);
          lsEvals = 1;
        }
      }
      currentEvals += lsEvals;
      state.funcEvals += lsEvals;

      if (nIter === maxIter || currentEvals >= maxEval || optCond) break;
      if (ops.scaledAbsMax(valueOf(t), d!) <= castTo(g, toleranceChange)) break; // ‖t d‖_∞
      if (Math.abs(loss - prevLoss) < toleranceChange) break;
    }
    Object.assign(state, { d, t: valueOf(t), oldDirs, oldStps, ro, hDiag, prevFlatGrad, prevLoss });
    return origLoss;
  }

  /**
   * This step's vector operations: WebAssembly when the backend is wasm and the run's vectors fit in one arena
   * (which then holds the state's vectors too), else the TypeScript loops.
   */
  private vectorOps(flat: FlatParams, state: LBFGSState, historySize: number): VectorOps {
    if (!wasmKernels()) return jsVectorOps;
    this.wasmVectors = lbfgsVectors(this.wasmVectors, flat, state, historySize);
    return this.wasmVectors ?? jsVectorOps;
  }

  /** State is one record on the first parameter, with vectors of the flat length: decoded by its own rules. */
  protected override decodeState(raw: Record<string, StateValue>, _p: Parameter, owner: string): LBFGSState {
    return decodeLBFGSState(raw, new FlatParams(this.paramGroups[0].params, this.name), owner);
  }
}
