import { zerosLike, type FloatArray } from '../core/float-array.js';
import type { OptionsOf } from '../core/options.js';
import type { Parameter } from '../core/parameter.js';
import { asgdStepWasm } from '../wasm/steps-asgd-rprop.js';
import { wasmKernels } from './backend.js';
import { Optimizer, type ParamGroup, type ParamGroupInput } from './optimizer.js';

export const asgdSchema = {
  lr: { kind: 'number', default: 1e-2, min: 0, description: 'learning rate γ' },
  lambd: { kind: 'number', default: 1e-4, min: 0, description: 'decay term λ of the step size' },
  alpha: { kind: 'number', default: 0.75, min: 0, description: 'power α of the step-size decay' },
  t0: { kind: 'number', default: 1e6, min: 0, description: 'step t₀ at which averaging starts' },
  weightDecay: { kind: 'number', default: 0, min: 0, description: 'L2 penalty added to the gradient' },
  maximize: { kind: 'boolean', default: false, description: 'maximize the objective instead of minimizing' },
} as const;

export type ASGDOptions = OptionsOf<typeof asgdSchema>;

/** The per-step scalars of one ASGD step, η_t and μ_t (the state carries them). Passed in an object, not as a number argument: V8 boxes a number argument of a call it does not inline (an allocation per step). */
export interface ASGDStepScalars {
  eta: number;
  mu: number;
}

export interface ASGDState {
  step: number;
  /** Current step size η_t. */
  eta: number;
  /** Averaging weight μ_t. */
  mu: number;
  /** The averaged iterate θ̄_t. */
  ax: FloatArray;
}

/**
 * One ASGD step, fused over one buffer (Polyak & Juditsky, 1992, "Acceleration of Stochastic Approximation by Averaging").
 *
 *   input: γ (lr), λ (lambd), α (alpha), t₀ (t0), weightDecay, maximize
 *   initialize: η₀ ← γ, μ₀ ← 1, θ̄₀ ← 0
 *   for t = 1, 2, …
 *     g_t ← ±∇f(θ_{t-1}) + weightDecay · θ_{t-1}
 *     θ_t ← (1 − λη_{t-1}) θ_{t-1} − η_{t-1} g_t
 *     θ̄_t ← θ̄_{t-1} + μ_{t-1}(θ_t − θ̄_{t-1})   (θ̄_t ← θ_t while μ = 1)
 *     η_t ← γ / (1 + λγt)^α,  μ_t ← 1 / max(1, t − t₀)
 *
 * The parameters follow θ_t; the average θ̄_t (state `ax`) is what the method recommends in the end.
 */
export function asgdKernel(theta: FloatArray, grad: FloatArray, ax: FloatArray, s: ASGDStepScalars, o: ASGDOptions): void {
  const eta = s.eta;
  const mu = s.mu;
  const { lambd, weightDecay, maximize } = o;
  const shrink = 1 - lambd * eta;
  const n = theta.length;
  for (let i = 0; i < n; i++) {
    let g = maximize ? -grad[i] : grad[i];
    if (weightDecay !== 0) g += weightDecay * theta[i];
    theta[i] *= shrink;
    theta[i] += -eta * g;
    ax[i] = mu !== 1 ? ax[i] + (theta[i] - ax[i]) * mu : theta[i];
  }
}

/** ASGD: SGD with a decaying step and Polyak–Ruppert averaging of the iterates. torch.optim.ASGD. */
export class ASGD extends Optimizer<typeof asgdSchema, ASGDState> {
  constructor(params: Parameter[] | ParamGroupInput<ASGDOptions>[], options?: Partial<ASGDOptions>) {
    super('ASGD', asgdSchema, params, options);
  }

  protected initState(p: Parameter, group: ParamGroup<ASGDOptions>): ASGDState {
    return { step: 0, eta: group.lr, mu: 1, ax: zerosLike(p.data) };
  }

  protected update(p: Parameter, grad: FloatArray, state: ASGDState, group: ParamGroup<ASGDOptions>): void {
    const t = (state.step += 1);
    // The same step in WebAssembly SIMD (src/wasm/asgd.wat) where the backend says so (src/optim/backend.ts).
    if (wasmKernels()) asgdStepWasm(p.data, grad, state, group);
    else asgdKernel(p.data, grad, state.ax, state, group);
    state.eta = group.lr / Math.pow(1 + group.lambd * group.lr * t, group.alpha);
    state.mu = 1 / Math.max(1, t - group.t0);
  }
}
