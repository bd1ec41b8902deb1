import { zerosLike, type FloatArray } from '../core/float-array.js';
import type { OptionsOf } from '../core/options.js';
import type { Parameter } from '../core/parameter.js';
import { biasCorrection } from '../core/scalar.js';
import { adamSchema } from './adam.js';
import { adamaxStepWasm } from '../wasm/steps-adam-family.js';
import { wasmKernels } from './backend.js';
import { Optimizer, type ParamGroup, type ParamGroupInput } from './optimizer.js';

export const adamaxSchema = {
  lr: { kind: 'number', default: 2e-3, min: 0, description: 'learning rate γ' },
  betas: adamSchema.betas,
  eps: { kind: 'number', default: 1e-8, min: 0, description: 'ε added to |g| before the running maximum' },
  weightDecay: adamSchema.weightDecay,
  maximize: adamSchema.maximize,
} as const;

export type AdamaxOptions = OptionsOf<typeof adamaxSchema>;

/** The per-step scalar of one Adamax step: clr = γ/(1 − β₁ᵗ). Passed in an object, not as a number argument: V8 boxes a number argument of a call it does not inline (an allocation per step). */
export interface AdamaxStepScalars {
  clr: number;
}

export interface AdamaxState {
  step: number;
  /** First moment m_t. */
  expAvg: FloatArray;
  /** Exponentially weighted infinity norm u_t. */
  expInf: FloatArray;
}

/**
 * One Adamax step, fused over one buffer (Kingma & Ba, 2015, section 7.1: Adam with the infinity norm).
 *
 *   input: γ (lr), β₁ β₂ (betas), ε (eps), λ (weightDecay), maximize
 *   for t = 1, 2, …
 *     g_t ← ±∇f(θ_{t-1}) + λθ_{t-1}
 *     m_t ← β₁ m_{t-1} + (1 − β₁) g_t
 *     u_t ← max(β₂ u_{t-1}, |g_t| + ε)
 *     θ_t ← θ_{t-1} − γ/(1 − β₁ᵗ) · m_t / u_t
 *
 * `clr` is γ/(1 − β₁ᵗ). Convention: torch adds ε to |g_t| inside the maximum.
 */
export function adamaxKernel(theta: FloatArray, grad: FloatArray, m: FloatArray, u: FloatArray, s: AdamaxStepScalars, o: AdamaxOptions): void {
  const clr = s.clr;
  const beta1 = o.betas[0];
  const beta2 = o.betas[1];
  const { eps, weightDecay: lambda, maximize } = o;
  const n = theta.length;
  for (let i = 0; i < n; i++) {
    let g = maximize ? -grad[i] : grad[i];
    if (lambda !== 0) g += lambda * theta[i];
    m[i] = beta1 * m[i] + (1 - beta1) * g;
    u[i] = Math.max(beta2 * u[i], Math.abs(g) + eps);
    theta[i] += -clr * (m[i] / u[i]);
  }
}

/** Adamax: Adam whose second moment is replaced by a decaying maximum of |g|. torch.optim.Adamax. */
export class Adamax extends Optimizer<typeof adamaxSchema, AdamaxState> {
  private readonly scalars: AdamaxStepScalars = { clr: 0.5 };

  constructor(params: Parameter[] | ParamGroupInput<AdamaxOptions>[], options?: Partial<AdamaxOptions>) {
    super('Adamax', adamaxSchema, params, options);
  }

  protected initState(p: Parameter): AdamaxState {
    return { step: 0, expAvg: zerosLike(p.data), expInf: zerosLike(p.data) };
  }

  protected update(p: Parameter, grad: FloatArray, state: AdamaxState, group: ParamGroup<AdamaxOptions>): void {
    state.step += 1;
    const s = this.scalars; // reused: a step allocates nothing
    s.clr = group.lr / biasCorrection(group.betas[0], state.step);
    // The same step in WebAssembly SIMD (src/wasm/adamax.wat) where the backend says so (src/optim/backend.ts).
    if (wasmKernels()) adamaxStepWasm(p.data, grad, state, s, group);
    else adamaxKernel(p.data, grad, state.expAvg, state.expInf, s, group);
  }
}
