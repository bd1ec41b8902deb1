import { arrayLike, type FloatArray } from '../core/float-array.js';
import type { OptionsOf } from '../core/options.js';
import type { Parameter } from '../core/parameter.js';
import { adagradStepWasm } from '../wasm/steps-adaptive.js';
import { wasmKernels } from './backend.js';
import { Optimizer, type ParamGroup, type ParamGroupInput } from './optimizer.js';

export const adagradSchema = {
  lr: { kind: 'number', default: 1e-2, min: 0, description: 'learning rate γ' },
  lrDecay: { kind: 'number', default: 0, min: 0, description: 'learning-rate decay η: step t uses γ / (1 + (t − 1)η)' },
  weightDecay: { kind: 'number', default: 0, min: 0, description: 'L2 penalty λ added to the gradient' },
  initialAccumulatorValue: { kind: 'number', default: 0, min: 0, description: 'starting value of the sum of squared gradients' },
  eps: { kind: 'number', default: 1e-10, min: 0, description: 'ε added to √G in the denominator' },
  maximize: { kind: 'boolean', default: false, description: 'maximize the objective instead of minimizing' },
  epsRoot: { kind: 'number', default: 0, min: 0, description: 'ε inside the square root, √(G + ε_root) (the seeds’ notebook form)' },
} as const;

export type AdagradOptions = OptionsOf<typeof adagradSchema>;

/** The per-step scalar of one Adagrad step: the decayed rate clr = γ / (1 + (t − 1)η). Passed in an object, not as a number argument: V8 boxes a number argument of a call it does not inline (an allocation per step). */
export interface AdagradStepScalars {
  clr: number;
}

export interface AdagradState {
  step: number;
  /** Running sum of squared gradients G_t. */
  sum: FloatArray;
}

/**
 * One Adagrad step, fused over one buffer (Duchi, Hazan & Singer, 2011).
 *
 *   input: γ (lr), η (lrDecay), λ (weightDecay), τ (initialAccumulatorValue), ε (eps), maximize
 *   initialize: G₀ ← τ
 *   for t = 1, 2, …
 *     g_t ← ±∇f(θ_{t-1}) + λθ_{t-1}
 *     γ̃ ← γ / (1 + (t − 1)η)
 *     G_t ← G_{t-1} + g_t²
 *     θ_t ← θ_{t-1} − γ̃ g_t / (√G_t + ε)
 *
 * Convention: torch puts ε outside the root. The seeds' notebook writes η / √(G + ε); reach it with
 * `{ eps: 0, epsRoot: 1e-6 }`, which computes √(G_t + ε_root) + ε.
 */
export function adagradKernel(theta: FloatArray, grad: FloatArray, sum: FloatArray, s: AdagradStepScalars, o: AdagradOptions): void {
  const clr = s.clr;
  const { weightDecay: lambda, eps, epsRoot, maximize } = o;
  const n = theta.length;
  for (let i = 0; i < n; i++) {
    let g = maximize ? -grad[i] : grad[i];
    if (lambda !== 0) g += lambda * theta[i];
    sum[i] += g * g;
    const std = epsRoot === 0 ? Math.sqrt(sum[i]) + eps : Math.sqrt(sum[i] + epsRoot) + eps;
    theta[i] += -clr * (g / std);
  }
}

/** Adagrad: per-coordinate steps scaled by the root of all past squared gradients, torch.optim.Adagrad. */
export class Adagrad extends Optimizer<typeof adagradSchema, AdagradState> {
  private readonly scalars: AdagradStepScalars = { clr: 0.5 };

  constructor(params: Parameter[] | ParamGroupInput<AdagradOptions>[], options?: Partial<AdagradOptions>) {
    super('Adagrad', adagradSchema, params, options);
    // torch creates Adagrad's state at construction (not at the first step), so its state dict has it from the start.
    for (const group of this.paramGroups) for (const p of group.params) this.state.set(p, this.initState(p, group));
  }

  protected initState(p: Parameter, group: ParamGroup<AdagradOptions>): AdagradState {
    return { step: 0, sum: arrayLike(p.data, new Float64Array(p.data.length).fill(group.initialAccumulatorValue)) };
  }

  protected update(p: Parameter, grad: FloatArray, state: AdagradState, group: ParamGroup<AdagradOptions>): void {
    state.step += 1;
    const s = this.scalars; // reused: a step allocates nothing
    s.clr = group.lr / (1 + (state.step - 1) * group.lrDecay);
    // The same step in WebAssembly SIMD (src/wasm/adagrad.wat) where the backend says so (src/optim/backend.ts).
    if (wasmKernels()) adagradStepWasm(p.data, grad, state, s, group);
    else adagradKernel(p.data, grad, state.sum, s, group);
  }
}
