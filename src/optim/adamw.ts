import type { FloatArray } from '../core/float-array.js';
import type { OptionsOf } from '../core/options.js';
import type { Parameter } from '../core/parameter.js';
import { adamSchema, adamUpdate, initAdamState, type AdamState } from './adam.js';
import { Optimizer, type ParamGroup, type ParamGroupInput } from './optimizer.js';

export const adamwSchema = {
  ...adamSchema,
  weightDecay: { kind: 'number', default: 1e-2, min: 0, description: 'decoupled weight decay λ: θ ← (1 − γλ)θ before the Adam step' },
} as const;

export type AdamWOptions = OptionsOf<typeof adamwSchema>;

/**
 * AdamW: Adam with decoupled weight decay (Loshchilov & Hutter, 2019), torch.optim.AdamW.
 * The decay shrinks θ directly instead of entering the gradient, so it is not rescaled by the adaptive
 * denominator; the kernel and its algorithm box are Adam's (see `adamKernel`).
 */
export class AdamW extends Optimizer<typeof adamwSchema, AdamState> {
  constructor(params: Parameter[] | ParamGroupInput<AdamWOptions>[], options?: Partial<AdamWOptions>) {
    super('AdamW', adamwSchema, params, options);
  }

  protected initState(p: Parameter, group: ParamGroup<AdamWOptions>): AdamState {
    return initAdamState(p, group.amsgrad);
  }

  protected update(p: Parameter, grad: FloatArray, state: AdamState, group: ParamGroup<AdamWOptions>): void {
    adamUpdate(p, grad, state, group, true);
  }
}
