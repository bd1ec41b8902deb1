import { zerosLike, type FloatArray } from '../core/float-array.js';
import type { OptionsOf } from '../core/options.js';
import type { Parameter } from '../core/parameter.js';
import { rmspropStepWasm } from '../wasm/steps-adaptive.js';
import { wasmKernels } from './backend.js';
import { Optimizer, type ParamGroup, type ParamGroupInput } from './optimizer.js';

export const rmspropSchema = {
  lr: { kind: 'number', default: 1e-2, min: 0, description: 'learning rate γ' },
  alpha: { kind: 'number', default: 0.99, min: 0, description: 'smoothing constant α of the squared-gradient average' },
  eps: { kind: 'number', default: 1e-8, min: 0, description: 'ε added to √v in the denominator' },
  weightDecay: { kind: 'number', default: 0, min: 0, description: 'L2 penalty λ added to the gradient' },
  momentum: { kind: 'number', default: 0, min: 0, description: 'momentum factor μ applied to the scaled step' },
  centered: { kind: 'boolean', default: false, description: 'divide by an estimate of the variance (subtract the squared mean gradient)' },
  maximize: { kind: 'boolean', default: false, description: 'maximize the objective instead of minimizing' },
  epsRoot: { kind: 'number', default: 0, min: 0, description: 'ε inside the square root, √(v + ε_root) (the seeds’ notebook form)' },
} as const;

export type RMSpropOptions = OptionsOf<typeof rmspropSchema>;

export interface RMSpropState {
  step: number;
  /** Average of squared gradients v_t. */
  squareAvg: FloatArray;
  /** Momentum buffer b_t (momentum > 0 only). */
  momentumBuffer?: FloatArray;
  /** Average of gradients g̅_t (centered only). */
  gradAvg?: FloatArray;
}

/**
 * One RMSprop step, fused over one buffer (Hinton, Coursera lecture 6e, 2012; centered form: Graves, 2013).
 *
 *   input: γ (lr), α (alpha), ε (eps), λ (weightDecay), μ (momentum), centered, maximize
 *   for t = 1, 2, …
 *     g_t ← ±∇f(θ_{t-1}) + λθ_{t-1}
 *     v_t ← α v_{t-1} + (1 − α) g_t²
 *     ṽ_t ← v_t − g̅_t², with g̅_t ← α g̅_{t-1} + (1 − α) g_t   if centered, else v_t
 *     if μ > 0:  b_t ← μ b_{t-1} + g_t / (√ṽ_t + ε);  θ_t ← θ_{t-1} − γ b_t
 *     else:      θ_t ← θ_{t-1} − γ g_t / (√ṽ_t + ε)
 *
 * Convention: torch puts ε outside the root. The seeds' notebook (and lecture notes 004) write
 * η / √(v + ε); reach it with `{ eps: 0, epsRoot: 1e-6 }`, which computes √(ṽ_t + ε_root) + ε.
 */
export function rmspropKernel(
  theta: FloatArray,
  grad: FloatArray,
  v: FloatArray,
  gBar: FloatArray | undefined,
  buf: FloatArray | undefined,
  o: RMSpropOptions,
): void {
  const { lr, alpha, eps, epsRoot, weightDecay: lambda, momentum: mu, maximize } = o;
  const n = theta.length;
  for (let i = 0; i < n; i++) {
    let g = maximize ? -grad[i] : grad[i];
    if (lambda !== 0) g += lambda * theta[i];
    v[i] = alpha * v[i] + (1 - alpha) * g * g;
    let vTilde = v[i];
    if (gBar !== undefined) {
      gBar[i] = alpha * gBar[i] + (1 - alpha) * g;
      vTilde = v[i] + -1 * gBar[i] * gBar[i];
    }
    const avg = epsRoot === 0 ? Math.sqrt(vTilde) + eps : Math.sqrt(vTilde + epsRoot) + eps;
    if (buf !== undefined) {
      buf[i] = mu * buf[i] + g / avg;
      theta[i] += -lr * buf[i];
    } else {
      theta[i] += -lr * (g / avg);
    }
  }
}

/** RMSprop: Adagrad with a forgetting average of squared gradients, torch.optim.RMSprop. */
export class RMSprop extends Optimizer<typeof rmspropSchema, RMSpropState> {
  constructor(params: Parameter[] | ParamGroupInput<RMSpropOptions>[], options?: Partial<RMSpropOptions>) {
    super('RMSprop', rmspropSchema, params, options);
  }

  protected initState(p: Parameter): RMSpropState {
    return { step: 0, squareAvg: zerosLike(p.data) };
  }

  protected update(p: Parameter, grad: FloatArray, state: RMSpropState, group: ParamGroup<RMSpropOptions>): void {
    state.step += 1;
    // Buffers appear when their option is on, even if it was switched on after the first step.
    if (group.momentum > 0) state.momentumBuffer ??= zerosLike(p.data);
    if (group.centered) state.gradAvg ??= zerosLike(p.data);
    // The same step in WebAssembly SIMD (src/wasm/rmsprop.wat) where the backend says so (src/optim/backend.ts).
    if (wasmKernels()) return rmspropStepWasm(p.data, grad, state, group);
    const buf = group.momentum > 0 ? state.momentumBuffer : undefined;
    rmspropKernel(p.data, grad, state.squareAvg, group.centered ? state.gradAvg : undefined, buf, group);
  }
}
