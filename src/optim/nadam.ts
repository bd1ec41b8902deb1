import { zerosLike, type FloatArray } from '../core/float-array.js';
import type { OptionsOf } from '../core/options.js';
import type { Parameter } from '../core/parameter.js';
import { biasCorrection } from '../core/scalar.js';
import { adamSchema } from './adam.js';
import { nadamStepWasm } from '../wasm/steps-adam-family.js';
import { wasmKernels } from './backend.js';
import { Optimizer, type ParamGroup, type ParamGroupInput } from './optimizer.js';

export const nadamSchema = {
  lr: { kind: 'number', default: 2e-3, min: 0, description: 'learning rate γ' },
  betas: adamSchema.betas,
  eps: adamSchema.eps,
  weightDecay: adamSchema.weightDecay,
  momentumDecay: { kind: 'number', default: 4e-3, min: 0, description: 'ψ in the momentum schedule μ_t = β₁(1 − ½·0.96^{tψ})' },
} as const;

export type NAdamOptions = OptionsOf<typeof nadamSchema>;

export interface NAdamState {
  step: number;
  /** Product of the momentum schedule, Π μ_i. */
  muProduct: number;
  expAvg: FloatArray;
  expAvgSq: FloatArray;
}

/** The per-step scalars of one NAdam step. */
export interface NAdamStepScalars {
  /** Weight of the current gradient: γ(1 − μ_t)/(1 − Π_t). */
  gradWeight: number;
  /** Weight of the look-ahead momentum: γ μ_{t+1}/(1 − Π_{t+1}). */
  momentumWeight: number;
  bc2: number;
}

/**
 * One NAdam step, fused over one buffer (Dozat, 2016, "Incorporating Nesterov Momentum into Adam").
 *
 *   input: γ (lr), β₁ β₂ (betas), ε (eps), λ (weightDecay), ψ (momentumDecay)
 *   for t = 1, 2, …
 *     g_t ← ∇f(θ_{t-1}) + λθ_{t-1}
 *     μ_t ← β₁(1 − ½·0.96^{tψ}),  μ_{t+1} ← β₁(1 − ½·0.96^{(t+1)ψ}),  Π_t ← Π_{t-1} μ_t
 *     m_t ← β₁ m_{t-1} + (1 − β₁) g_t
 *     v_t ← β₂ v_{t-1} + (1 − β₂) g_t²
 *     d ← √(v_t / (1 − β₂ᵗ)) + ε
 *     θ_t ← θ_{t-1} − γ(1 − μ_t)/(1 − Π_t) · g_t/d − γ μ_{t+1}/(1 − Π_{t+1}) · m_t/d
 *
 * Convention: torch 1.13 computes Π_{t+1} as Π_t · μ_t · μ_{t+1} (μ_t counted twice; later torch versions
 * use Π_t · μ_{t+1}). We follow 1.13, the version our parity fixtures come from. No maximize option in 1.13.
 */
export function nadamKernel(theta: FloatArray, grad: FloatArray, m: FloatArray, v: FloatArray, s: NAdamStepScalars, o: NAdamOptions): void {
  const beta1 = o.betas[0];
  const beta2 = o.betas[1];
  const { eps, weightDecay: lambda } = o;
  const { gradWeight, momentumWeight, bc2 } = s;
  const n = theta.length;
  for (let i = 0; i < n; i++) {
    let g = grad[i];
    if (lambda !== 0) g += lambda * theta[i];
    m[i] = beta1 * m[i] + (1 - beta1) * g;
    v[i] = beta2 * v[i] + (1 - beta2) * g * g;
    const d = Math.sqrt(v[i] / bc2) + eps;
    theta[i] += -gradWeight * (g / d);
    theta[i] += -momentumWeight * (m[i] / d);
  }
}

/** NAdam: Adam with Nesterov momentum and a warming momentum schedule. torch.optim.NAdam. */
export class NAdam extends Optimizer<typeof nadamSchema, NAdamState> {
  private readonly scalars: NAdamStepScalars = { gradWeight: 0, momentumWeight: 0, bc2: 1 };

  constructor(params: Parameter[] | ParamGroupInput<NAdamOptions>[], options?: Partial<NAdamOptions>) {
    super('NAdam', nadamSchema, params, options);
  }

  protected initState(p: Parameter): NAdamState {
    return { step: 0, muProduct: 1, expAvg: zerosLike(p.data), expAvgSq: zerosLike(p.data) };
  }

  protected update(p: Parameter, grad: FloatArray, state: NAdamState, group: ParamGroup<NAdamOptions>): void {
    const t = (state.step += 1);
    const { lr, momentumDecay: psi } = group;
    const beta1 = group.betas[0];
    const mu = beta1 * (1 - 0.5 * 0.96 ** (t * psi));
    const muNext = beta1 * (1 - 0.5 * 0.96 ** ((t + 1) * psi));
    state.muProduct *= mu;
    const muProductNext = state.muProduct * mu * muNext;
    const s = this.scalars; // reused: a step allocates nothing
    s.gradWeight = (lr * (1 - mu)) / (1 - state.muProduct);
    s.momentumWeight = (lr * muNext) / (1 - muProductNext);
    s.bc2 = biasCorrection(group.betas[1], t);
    // The same step in WebAssembly SIMD (src/wasm/nadam.wat) where the backend says so (src/optim/backend.ts).
    if (wasmKernels()) nadamStepWasm(p.data, grad, state, s, group);
    else nadamKernel(p.data, grad, state.expAvg, state.expAvgSq, s, group);
  }
}
