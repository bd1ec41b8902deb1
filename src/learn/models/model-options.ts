/**
 * The options every model shares (its regulariser and its precision), as an option schema, so that the model
 * classes validate them and the command line describes them from one table (src/core/options.ts).
 */
import { fail, show } from '../../core/errors.js';
import type { OptionSchema } from '../../core/options.js';

export const modelSchema = {
  l2: { kind: 'number', default: 0, min: 0, description: 'λ₂ of the L2 penalty (λ₂/2)‖W‖² on the weights (not the biases)' },
  l1: { kind: 'number', default: 0, min: 0, description: 'λ₁ of the L1 penalty λ₁‖W‖₁ on the weights (not the biases)' },
  dtype: { kind: 'choice', values: ['float64', 'float32'], default: 'float64', description: 'precision of the parameters and buffers' },
} as const satisfies OptionSchema;

/** The number of inputs (features), which comes from the data rather than from the schema. */
export function checkInputs(owner: string, inputs: unknown): number {
  if (!(typeof inputs === 'number' && Number.isInteger(inputs) && inputs >= 1)) fail(owner, `inputs must be an integer >= 1, got ${show(inputs)}`);
  return inputs;
}
