import { zerosLike, type FloatArray } from '../core/float-array.js';
import type { OptionsOf } from '../core/options.js';
import type { Parameter } from '../core/parameter.js';
import { biasCorrection } from '../core/scalar.js';
import { adamStepWasm } from '../wasm/steps.js';
import { wasmKernels } from './backend.js';
import { Optimizer, type ParamGroup, type ParamGroupInput } from './optimizer.js';

const beta = { min: 0, max: 1, maxExclusive: true } as const;

export const adamSchema = {
  lr: { kind: 'number', default: 1e-3, min: 0, description: 'learning rate γ' },
  betas: { kind: 'pair', default: [0.9, 0.999], items: [beta, beta], description: 'decay rates (β₁, β₂) of the first and second moment averages' },
  eps: { kind: 'number', default: 1e-8, min: 0, description: 'ε added to √v̂ in the denominator' },
  weightDecay: { kind: 'number', default: 0, min: 0, description: 'L2 penalty λ added to the gradient' },
  amsgrad: { kind: 'boolean', default: false, description: 'use the running maximum of v̂ (AMSGrad, Reddi et al. 2018)' },
  maximize: { kind: 'boolean', default: false, description: 'maximize the objective instead of minimizing' },
  epsRoot: { kind: 'number', default: 0, min: 0, description: 'ε inside the square root, √(v̂ + ε_root) (optax eps_root; the seeds’ textbook form)' },
  biasCorrection: { kind: 'boolean', default: true, description: 'divide the moments by 1 − βᵗ (false: the seeds’ notebook Adam)' },
} as const;

export type AdamOptions = OptionsOf<typeof adamSchema>;

export interface AdamState {
  step: number;
  /** First moment m_t. */
  expAvg: FloatArray;
  /** Second moment v_t. */
  expAvgSq: FloatArray;
  /** Running max of v_t (AMSGrad only). */
  maxExpAvgSq?: FloatArray;
}

/** The per-step scalars of one Adam step, derived once outside the loop. */
export interface AdamStepScalars {
  lr: number;
  beta1: number;
  beta2: number;
  eps: number;
  epsRoot: number;
  /** λ for L2 (coupled) weight decay, added to the gradient. */
  l2: number;
  /** Factor 1 − γλ of decoupled weight decay (AdamW); 1 for Adam. */
  shrink: number;
  /** γ / (1 − β₁ᵗ). */
  stepSize: number;
  /** 1 − β₂ᵗ and its square root. */
  bc2: number;
  bc2Sqrt: number;
  maximize: boolean;
}

/**
 * One Adam / AdamW step, fused over one buffer (Kingma & Ba, 2015; Loshchilov & Hutter, 2019 for AdamW).
 *
 *   input: γ (lr), β₁ β₂ (betas), ε (eps), λ (weightDecay), amsgrad, maximize
 *   for t = 1, 2, …
 *     g_t ← ±∇f(θ_{t-1})           (+ λθ_{t-1} for Adam's L2 decay)
 *     θ_{t-1} ← (1 − γλ) θ_{t-1}   (AdamW's decoupled decay instead)
 *     m_t ← β₁ m_{t-1} + (1 − β₁) g_t
 *     v_t ← β₂ v_{t-1} + (1 − β₂) g_t²
 *     v̂_t ← max(v̂_{t-1}, v_t) with amsgrad, else v_t
 *     θ_t ← θ_{t-1} − γ/(1 − β₁ᵗ) · m_t / (√v̂_t / √(1 − β₂ᵗ) + ε)
 *
 * Floating-point order follows torch 1.13 (`mul_().add_()`, bias correction folded into the step size).
 * Convention: ε sits outside the root. `epsRoot` puts a second ε inside, √(v̂_t/(1 − β₂ᵗ) + ε_root), and
 * `biasCorrection: false` drops both 1 − βᵗ factors: the seeds' notebook steps with the uncorrected moments,
 * which (lecture notes 004) makes the first steps huge when β₂ is close to 1.
 */
export function adamKernel(
  theta: FloatArray,
  grad: FloatArray,
  m: FloatArray,
  v: FloatArray,
  vMax: FloatArray | undefined,
  s: AdamStepScalars,
): void {
  const { beta1, beta2, eps, epsRoot, l2, shrink, stepSize, bc2, bc2Sqrt, maximize } = s;
  const n = theta.length;
  for (let i = 0; i < n; i++) {
    let g = maximize ? -grad[i] : grad[i];
    if (l2 !== 0) g += l2 * theta[i];
    if (shrink !== 1) theta[i] *= shrink;
    const mi = beta1 * m[i] + (1 - beta1) * g;
    const vi = beta2 * v[i] + (1 - beta2) * g * g;
    m[i] = mi;
    v[i] = vi;
    let vHat = v[i]; // read back: a float32 buffer rounds as torch's tensor does
    if (vMax !== undefined) vHat = vMax[i] = Math.max(vMax[i], vHat);
    const denom = epsRoot === 0 ? Math.sqrt(vHat) / bc2Sqrt + eps : Math.sqrt(vHat / bc2 + epsRoot) + eps;
    theta[i] += -stepSize * (m[i] / denom);
  }
}

/** The scalars of one step, filled in place by `adamUpdate` every step (a step allocates nothing). */
const scratch: AdamStepScalars = { lr: 0, beta1: 0, beta2: 0, eps: 0, epsRoot: 0, l2: 0, shrink: 1, stepSize: 0, bc2: 1, bc2Sqrt: 1, maximize: false };

/** Derives the scalars of step t from a group's options, into `into` (a new object when omitted). */
export function adamScalars(group: AdamOptions, t: number, decoupled: boolean, into?: AdamStepScalars): AdamStepScalars {
  const beta1 = group.betas[0];
  const beta2 = group.betas[1];
  const bc1 = group.biasCorrection ? biasCorrection(beta1, t) : 1;
  const bc2 = group.biasCorrection ? biasCorrection(beta2, t) : 1;
  const s = into ?? { ...scratch };
  s.lr = group.lr;
  s.beta1 = beta1;
  s.beta2 = beta2;
  s.eps = group.eps;
  s.epsRoot = group.epsRoot;
  s.l2 = decoupled ? 0 : group.weightDecay;
  s.shrink = decoupled ? 1 - group.lr * group.weightDecay : 1;
  s.stepSize = group.lr / bc1;
  s.bc2 = bc2;
  s.bc2Sqrt = Math.sqrt(bc2);
  s.maximize = group.maximize;
  return s;
}

export function initAdamState(p: Parameter, amsgrad: boolean): AdamState {
  const state: AdamState = { step: 0, expAvg: zerosLike(p.data), expAvgSq: zerosLike(p.data) };
  if (amsgrad) state.maxExpAvgSq = zerosLike(p.data);
  return state;
}

/** Advances the step count and runs the kernel: the `update` of both Adam and AdamW. */
export function adamUpdate(p: Parameter, grad: FloatArray, state: AdamState, group: AdamOptions, decoupled: boolean): void {
  state.step += 1;
  // amsgrad may be switched on between steps (e.g. after loading a state dict taken without it).
  if (group.amsgrad && state.maxExpAvgSq === undefined) state.maxExpAvgSq = zerosLike(p.data);
  const vMax = group.amsgrad ? state.maxExpAvgSq : undefined;
  const scalars = adamScalars(group, state.step, decoupled, scratch);
  // The same step in WebAssembly SIMD (src/wasm/adam.wat) where the backend says so (src/optim/backend.ts).
  if (wasmKernels()) adamStepWasm(p.data, grad, state, group.amsgrad, scalars);
  else adamKernel(p.data, grad, state.expAvg, state.expAvgSq, vMax, scalars);
}

/** Adam: adaptive moment estimation, torch.optim.Adam (L2 weight decay added to the gradient). */
export class Adam extends Optimizer<typeof adamSchema, AdamState> {
  constructor(params: Parameter[] | ParamGroupInput<AdamOptions>[], options?: Partial<AdamOptions>) {
    super('Adam', adamSchema, params, options);
  }

  protected initState(p: Parameter, group: ParamGroup<AdamOptions>): AdamState {
    return initAdamState(p, group.amsgrad);
  }

  protected update(p: Parameter, grad: FloatArray, state: AdamState, group: ParamGroup<AdamOptions>): void {
    adamUpdate(p, grad, state, group, false);
  }
}
