import { fail } from '../core/errors.js';
import { arrayLike, zerosLike, type FloatArray } from '../core/float-array.js';
import type { OptionsOf } from '../core/options.js';
import type { Parameter } from '../core/parameter.js';
import { rpropStepWasm } from '../wasm/steps-asgd-rprop.js';
import { wasmKernels } from './backend.js';
import { Optimizer, type ParamGroup, type ParamGroupInput } from './optimizer.js';

export const rpropSchema = {
  lr: { kind: 'number', default: 1e-2, min: 0, description: 'initial step size Δ₀ of every coordinate' },
  etas: {
    kind: 'pair',
    default: [0.5, 1.2],
    items: [{ min: 0, max: 1, minExclusive: true, maxExclusive: true }, { min: 1, minExclusive: true }],
    description: 'factors (η⁻, η⁺) that shrink the step on a sign change and grow it otherwise',
  },
  stepSizes: {
    kind: 'pair',
    default: [1e-6, 50],
    items: [{ min: 0 }, { min: 0 }],
    description: 'smallest and largest allowed step size (Δ_min, Δ_max)',
  },
  maximize: { kind: 'boolean', default: false, description: 'maximize the objective instead of minimizing' },
} as const;

export type RpropOptions = OptionsOf<typeof rpropSchema>;

export interface RpropState {
  step: number;
  /** The gradient of the previous step (zeroed where the sign flipped). */
  prev: FloatArray;
  /** Per-coordinate step size Δ_t. */
  stepSize: FloatArray;
}

/**
 * One Rprop step, fused over one buffer (Riedmiller & Braun, 1993, "A Direct Adaptive Method for Faster
 * Backpropagation Learning: The RPROP Algorithm").
 *
 *   input: Δ₀ (lr), η⁻ η⁺ (etas), Δ_min Δ_max (stepSizes), maximize
 *   for t = 1, 2, …
 *     g_t ← ±∇f(θ_{t-1})
 *     if g_t g_{t-1} > 0:  Δ_t ← min(η⁺ Δ_{t-1}, Δ_max)
 *     if g_t g_{t-1} < 0:  Δ_t ← max(η⁻ Δ_{t-1}, Δ_min),  g_t ← 0   (no step, and no sign memory)
 *     otherwise:           Δ_t ← Δ_{t-1}
 *     θ_t ← θ_{t-1} − sign(g_t) Δ_t
 *
 * Only the sign of the gradient is used. A NaN gradient makes Δ NaN, as in torch.
 */
export function rpropKernel(theta: FloatArray, grad: FloatArray, prev: FloatArray, stepSize: FloatArray, o: RpropOptions): void {
  // Indexed, not destructured: destructuring runs the array iterator, which allocates on every call.
  const etaMinus = o.etas[0];
  const etaPlus = o.etas[1];
  const minStep = o.stepSizes[0];
  const maxStep = o.stepSizes[1];
  const n = theta.length;
  for (let i = 0; i < n; i++) {
    let g = o.maximize ? -grad[i] : grad[i];
    const agreement = g * prev[i];
    // The last case is agreement = NaN, taken from the variable: a literal NaN would make V8 box the factor (allocate).
    const factor = agreement > 0 ? etaPlus : agreement < 0 ? etaMinus : agreement === 0 ? 1 : agreement;
    const s = stepSize[i] * factor;
    stepSize[i] = s < minStep ? minStep : s > maxStep ? maxStep : s; // NaN passes through, as torch's clamp
    if (factor === etaMinus) g = 0;
    theta[i] += -Math.sign(g) * stepSize[i];
    prev[i] = g;
  }
}

/** Rprop: resilient backpropagation, a sign-based step with per-coordinate adaptive sizes. torch.optim.Rprop. */
export class Rprop extends Optimizer<typeof rpropSchema, RpropState> {
  constructor(params: Parameter[] | ParamGroupInput<RpropOptions>[], options?: Partial<RpropOptions>) {
    super('Rprop', rpropSchema, params, options);
  }

  protected override checkGroup(o: RpropOptions): void {
    if (o.stepSizes[0] > o.stepSizes[1]) fail(this.name, `stepSizes must be [min, max] with min <= max, got ${JSON.stringify(o.stepSizes)}`);
  }

  protected initState(p: Parameter, group: ParamGroup<RpropOptions>): RpropState {
    return { step: 0, prev: zerosLike(p.data), stepSize: arrayLike(p.data, new Float64Array(p.data.length).fill(group.lr)) };
  }

  protected update(p: Parameter, grad: FloatArray, state: RpropState, group: ParamGroup<RpropOptions>): void {
    state.step += 1;
    // The same step in WebAssembly SIMD (src/wasm/rprop.wat) where the backend says so (src/optim/backend.ts).
    if (wasmKernels()) return rpropStepWasm(p.data, grad, state, group);
    rpropKernel(p.data, grad, state.prev, state.stepSize, group);
  }
}
