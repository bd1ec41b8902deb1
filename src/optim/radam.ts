import { zerosLike, type FloatArray } from '../core/float-array.js';
import type { OptionsOf } from '../core/options.js';
import type { Parameter } from '../core/parameter.js';
import { biasCorrection } from '../core/scalar.js';
import { adamSchema } from './adam.js';
import { radamStepWasm } from '../wasm/steps-adam-family.js';
import { wasmKernels } from './backend.js';
import { Optimizer, type ParamGroup, type ParamGroupInput } from './optimizer.js';

export const radamSchema = {
  lr: adamSchema.lr,
  betas: adamSchema.betas,
  eps: adamSchema.eps,
  weightDecay: adamSchema.weightDecay,
} as const;

export type RAdamOptions = OptionsOf<typeof radamSchema>;

export interface RAdamState {
  step: number;
  expAvg: FloatArray;
  expAvgSq: FloatArray;
}

/**
 * The per-step scalars of one RAdam step. `rectified` is false while the variance is intractable (ρ_t ≤ 5), and
 * `rect` is then 0, unused: a field that held null or a number would make V8 box every number stored in it.
 */
export interface RAdamStepScalars {
  bc1: number;
  bc2Sqrt: number;
  rectified: boolean;
  rect: number;
}

/**
 * One RAdam step, fused over one buffer (Liu et al., 2020, "On the Variance of the Adaptive Learning Rate and Beyond").
 *
 *   input: γ (lr), β₁ β₂ (betas), ε (eps), λ (weightDecay)
 *   ρ_∞ ← 2/(1 − β₂) − 1
 *   for t = 1, 2, …
 *     g_t ← ∇f(θ_{t-1}) + λθ_{t-1}
 *     m_t ← β₁ m_{t-1} + (1 − β₁) g_t;   m̂_t ← m_t/(1 − β₁ᵗ)
 *     v_t ← β₂ v_{t-1} + (1 − β₂) g_t²
 *     ρ_t ← ρ_∞ − 2tβ₂ᵗ/(1 − β₂ᵗ)
 *     if ρ_t > 5:  r_t ← √((ρ_t − 4)(ρ_t − 2)ρ_∞ / ((ρ_∞ − 4)(ρ_∞ − 2)ρ_t))
 *                  θ_t ← θ_{t-1} − γ m̂_t · √(1 − β₂ᵗ)/(√v_t + ε) · r_t
 *     else:        θ_t ← θ_{t-1} − γ m̂_t
 */
export function radamKernel(theta: FloatArray, grad: FloatArray, m: FloatArray, v: FloatArray, s: RAdamStepScalars, o: RAdamOptions): void {
  const beta1 = o.betas[0];
  const beta2 = o.betas[1];
  const { lr, eps, weightDecay: lambda } = o;
  const { bc1, bc2Sqrt, rectified, rect } = s;
  const n = theta.length;
  for (let i = 0; i < n; i++) {
    let g = grad[i];
    if (lambda !== 0) g += lambda * theta[i];
    m[i] = beta1 * m[i] + (1 - beta1) * g;
    v[i] = beta2 * v[i] + (1 - beta2) * g * g;
    const mHat = m[i] / bc1;
    if (rectified) {
      const adaptiveLr = bc2Sqrt / (Math.sqrt(v[i]) + eps);
      theta[i] += -1 * (mHat * lr * adaptiveLr * rect);
    } else {
      theta[i] += -1 * (mHat * lr);
    }
  }
}

/** RAdam: Adam that falls back to momentum SGD until its variance estimate can be trusted. torch.optim.RAdam. */
export class RAdam extends Optimizer<typeof radamSchema, RAdamState> {
  private readonly scalars: RAdamStepScalars = { bc1: 1, bc2Sqrt: 1, rectified: false, rect: 0 };

  constructor(params: Parameter[] | ParamGroupInput<RAdamOptions>[], options?: Partial<RAdamOptions>) {
    super('RAdam', radamSchema, params, options);
  }

  protected initState(p: Parameter): RAdamState {
    return { step: 0, expAvg: zerosLike(p.data), expAvgSq: zerosLike(p.data) };
  }

  protected update(p: Parameter, grad: FloatArray, state: RAdamState, group: ParamGroup<RAdamOptions>): void {
    const t = (state.step += 1);
    const beta2 = group.betas[1];
    const bc2 = biasCorrection(beta2, t);
    const rhoInf = 2 / (1 - beta2) - 1;
    const rhoT = rhoInf - (2 * t * beta2 ** t) / bc2;
    const s = this.scalars; // reused: a step allocates nothing
    s.bc1 = biasCorrection(group.betas[0], t);
    s.bc2Sqrt = Math.sqrt(bc2);
    s.rectified = rhoT > 5;
    s.rect = s.rectified ? Math.sqrt(((rhoT - 4) * (rhoT - 2) * rhoInf) / ((rhoInf - 4) * (rhoInf - 2) * rhoT)) : 0;
    // The same step in WebAssembly SIMD (src/wasm/radam.wat) where the backend says so (src/optim/backend.ts).
    if (wasmKernels()) radamStepWasm(p.data, grad, state, s, group);
    else radamKernel(p.data, grad, state.expAvg, state.expAvgSq, s, group);
  }
}
