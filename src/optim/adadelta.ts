import { zerosLike, type FloatArray } from '../core/float-array.js';
import type { OptionsOf } from '../core/options.js';
import type { Parameter } from '../core/parameter.js';
import { adadeltaStepWasm } from '../wasm/steps-adaptive.js';
import { wasmKernels } from './backend.js';
import { Optimizer, type ParamGroup, type ParamGroupInput } from './optimizer.js';

export const adadeltaSchema = {
  lr: { kind: 'number', default: 1.0, min: 0, description: 'coefficient γ that scales the delta' },
  rho: { kind: 'number', default: 0.9, min: 0, max: 1, description: 'decay ρ of the running averages' },
  eps: { kind: 'number', default: 1e-6, min: 0, description: 'ε inside both square roots' },
  weightDecay: { kind: 'number', default: 0, min: 0, description: 'L2 penalty λ added to the gradient' },
  maximize: { kind: 'boolean', default: false, description: 'maximize the objective instead of minimizing' },
} as const;

export type AdadeltaOptions = OptionsOf<typeof adadeltaSchema>;

export interface AdadeltaState {
  step: number;
  /** Average of squared gradients v_t. */
  squareAvg: FloatArray;
  /** Average of squared updates u_t. */
  accDelta: FloatArray;
}

/**
 * One Adadelta step, fused over one buffer (Zeiler, 2012, "ADADELTA: An Adaptive Learning Rate Method").
 *
 *   input: γ (lr), ρ (rho), ε (eps), λ (weightDecay), maximize
 *   for t = 1, 2, …
 *     g_t ← ±∇f(θ_{t-1}) + λθ_{t-1}
 *     v_t ← ρ v_{t-1} + (1 − ρ) g_t²
 *     Δx_t ← √(u_{t-1} + ε) / √(v_t + ε) · g_t
 *     u_t ← ρ u_{t-1} + (1 − ρ) Δx_t²
 *     θ_t ← θ_{t-1} − γ Δx_t
 */
export function adadeltaKernel(theta: FloatArray, grad: FloatArray, v: FloatArray, u: FloatArray, o: AdadeltaOptions): void {
  const { lr, rho, eps, weightDecay: lambda, maximize } = o;
  const n = theta.length;
  for (let i = 0; i < n; i++) {
    let g = maximize ? -grad[i] : grad[i];
    if (lambda !== 0) g += lambda * theta[i];
    v[i] = rho * v[i] + (1 - rho) * g * g;
    const delta = (Math.sqrt(u[i] + eps) / Math.sqrt(v[i] + eps)) * g;
    u[i] = rho * u[i] + (1 - rho) * delta * delta;
    theta[i] += -lr * delta;
  }
}

/** Adadelta: steps in the units of θ, from running averages of squared gradients and squared updates. torch.optim.Adadelta. */
export class Adadelta extends Optimizer<typeof adadeltaSchema, AdadeltaState> {
  constructor(params: Parameter[] | ParamGroupInput<AdadeltaOptions>[], options?: Partial<AdadeltaOptions>) {
    super('Adadelta', adadeltaSchema, params, options);
  }

  protected initState(p: Parameter): AdadeltaState {
    return { step: 0, squareAvg: zerosLike(p.data), accDelta: zerosLike(p.data) };
  }

  protected update(p: Parameter, grad: FloatArray, state: AdadeltaState, group: ParamGroup<AdadeltaOptions>): void {
    state.step += 1;
    // The same step in WebAssembly SIMD (src/wasm/adadelta.wat) where the backend says so (src/optim/backend.ts).
    if (wasmKernels()) adadeltaStepWasm(p.data, grad, state, group);
    else adadeltaKernel(p.data, grad, state.squareAvg, state.accDelta, group);
  }
}
