import { zerosLike, type FloatArray } from '../core/float-array.js';
import type { OptionsOf } from '../core/options.js';
import type { Parameter } from '../core/parameter.js';
import { lionStepWasm } from '../wasm/steps-adam-family.js';
import { wasmKernels } from './backend.js';
import { Optimizer, type ParamGroup, type ParamGroupInput } from './optimizer.js';

const beta = { min: 0, max: 1, maxExclusive: true } as const;

export const lionSchema = {
  lr: { kind: 'number', default: 1e-4, min: 0, description: 'learning rate γ (3–10× smaller than AdamW’s, as the paper advises)' },
  betas: { kind: 'pair', default: [0.9, 0.99], items: [beta, beta], description: '(β₁, β₂): interpolation for the update and decay of the momentum' },
  weightDecay: { kind: 'number', default: 0, min: 0, description: 'decoupled weight decay λ: θ ← (1 − γλ)θ' },
  maximize: { kind: 'boolean', default: false, description: 'maximize the objective instead of minimizing' },
} as const;

export type LionOptions = OptionsOf<typeof lionSchema>;

export interface LionState {
  step: number;
  /** Momentum m_t. */
  expAvg: FloatArray;
}

/**
 * One Lion step, fused over one buffer (Chen et al., 2023, "Symbolic Discovery of Optimization Algorithms").
 *
 *   input: γ (lr), β₁ β₂ (betas), λ (weightDecay), maximize
 *   for t = 1, 2, …
 *     g_t ← ±∇f(θ_{t-1})
 *     c_t ← β₁ m_{t-1} + (1 − β₁) g_t
 *     θ_t ← (1 − γλ) θ_{t-1} − γ sign(c_t)
 *     m_t ← β₂ m_{t-1} + (1 − β₂) g_t
 *
 * Every coordinate moves by exactly ±γ (or 0), so Lion needs a smaller lr than Adam. Not in torch 1.13;
 * checked against a numpy transcription of the paper's algorithm.
 */
export function lionKernel(theta: FloatArray, grad: FloatArray, m: FloatArray, o: LionOptions): void {
  const { lr, weightDecay: lambda, maximize } = o;
  const beta1 = o.betas[0];
  const beta2 = o.betas[1];
  const shrink = 1 - lr * lambda;
  const n = theta.length;
  for (let i = 0; i < n; i++) {
    const g = maximize ? -grad[i] : grad[i];
    const c = beta1 * m[i] + (1 - beta1) * g;
    if (shrink !== 1) theta[i] *= shrink;
    theta[i] += -lr * Math.sign(c);
    m[i] = beta2 * m[i] + (1 - beta2) * g;
  }
}

/** Lion: evolved sign momentum (Chen et al., 2023). */
export class Lion extends Optimizer<typeof lionSchema, LionState> {
  constructor(params: Parameter[] | ParamGroupInput<LionOptions>[], options?: Partial<LionOptions>) {
    super('Lion', lionSchema, params, options);
  }

  protected initState(p: Parameter): LionState {
    return { step: 0, expAvg: zerosLike(p.data) };
  }

  protected update(p: Parameter, grad: FloatArray, state: LionState, group: ParamGroup<LionOptions>): void {
    state.step += 1;
    // The same step in WebAssembly SIMD (src/wasm/lion.wat) where the backend says so (src/optim/backend.ts).
    if (wasmKernels()) lionStepWasm(p.data, grad, state, group);
    else lionKernel(p.data, grad, state.expAvg, group);
  }
}
