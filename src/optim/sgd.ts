import { zerosLike, type FloatArray } from '../core/float-array.js';
import { fail } from '../core/errors.js';
import type { OptionsOf } from '../core/options.js';
import type { Parameter } from '../core/parameter.js';
import { sgdStepWasm } from '../wasm/steps.js';
import { wasmKernels } from './backend.js';
import { Optimizer, type ParamGroup, type ParamGroupInput } from './optimizer.js';

export const sgdSchema = {
  lr: { kind: 'number', default: 1e-3, min: 0, description: 'learning rate γ (torch requires it; 1e-3 here)' },
  momentum: { kind: 'number', default: 0, min: 0, description: 'momentum factor μ (0 = plain gradient descent)' },
  dampening: { kind: 'number', default: 0, description: 'dampening τ applied to the gradient entering the momentum buffer' },
  weightDecay: { kind: 'number', default: 0, min: 0, description: 'L2 penalty λ added to the gradient' },
  nesterov: { kind: 'boolean', default: false, description: 'use Nesterov momentum (needs momentum > 0 and dampening 0)' },
  maximize: { kind: 'boolean', default: false, description: 'maximize the objective instead of minimizing' },
} as const;

export type SGDOptions = OptionsOf<typeof sgdSchema>;

export interface SGDState {
  /** The velocity b_t; null until the first step with momentum. */
  momentumBuffer: FloatArray | null;
}

/**
 * One SGD step, fused over one buffer.
 *
 *   input: γ (lr), θ₀, λ (weightDecay), μ (momentum), τ (dampening), nesterov, maximize
 *   for t = 1, 2, …
 *     g_t ← ±∇f(θ_{t-1}) + λθ_{t-1}
 *     if μ ≠ 0:  b_t ← g_t if t = 1, else μ b_{t-1} + (1 − τ) g_t
 *                g_t ← g_t + μ b_t if nesterov, else b_t
 *     θ_t ← θ_{t-1} − γ g_t
 *
 * Convention (torch, Sutskever et al. 2013): the buffer accumulates gradients, v = μv + g, and lr scales the
 * whole buffer; the seeds' notebook writes v = μv − ηg, x += v, which is the same run while lr is constant.
 * The buffer starts at g₁ itself, so no dampening on the first step.
 */
export function sgdKernel(theta: FloatArray, grad: FloatArray, buf: FloatArray | null, first: boolean, o: SGDOptions): void {
  const { lr, momentum: mu, dampening, weightDecay: lambda, nesterov, maximize } = o;
  const n = theta.length;
  for (let i = 0; i < n; i++) {
    let g = maximize ? -grad[i] : grad[i];
    if (lambda !== 0) g += lambda * theta[i];
    if (buf !== null) {
      const b = first ? g : mu * buf[i] + (1 - dampening) * g;
      buf[i] = b;
      g = nesterov ? g + mu * b : b;
    }
    theta[i] += -lr * g;
  }
}

/**
 * Stochastic gradient descent, with optional (Nesterov) momentum: torch.optim.SGD.
 * Polyak (1964) for heavy-ball momentum; Sutskever et al. (2013), "On the importance of initialization and
 * momentum in deep learning", for the Nesterov form used here.
 */
export class SGD extends Optimizer<typeof sgdSchema, SGDState> {
  constructor(params: Parameter[] | ParamGroupInput<SGDOptions>[], options?: Partial<SGDOptions>) {
    super('SGD', sgdSchema, params, options);
  }

  protected override checkGroup(o: SGDOptions): void {
    if (o.nesterov && (o.momentum <= 0 || o.dampening !== 0)) {
      fail(this.name, `nesterov needs momentum > 0 and dampening 0, got momentum ${o.momentum} and dampening ${o.dampening}`);
    }
  }

  protected initState(): SGDState {
    return { momentumBuffer: null };
  }

  protected update(p: Parameter, grad: FloatArray, state: SGDState, group: ParamGroup<SGDOptions>): void {
    let first = false;
    if (group.momentum !== 0 && state.momentumBuffer === null) {
      state.momentumBuffer = zerosLike(p.data);
      first = true;
    }
    // The same step in WebAssembly SIMD (src/wasm/sgd.wat) where the backend says so (src/optim/backend.ts).
    if (wasmKernels()) sgdStepWasm(p.data, grad, state, first, group);
    else sgdKernel(p.data, grad, group.momentum !== 0 ? state.momentumBuffer : null, first, group);
  }
}
