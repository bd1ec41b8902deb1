/**
 * Logistic regression, P(y = 1 | x) = σ(w·x + b), trained on the binary cross-entropy computed from the logit
 * (softplus(z) − yz: finite for any z) plus λR(w). Parameters: `weight` (1 × inputs) and `bias` (1), starting at
 * zero (the loss is convex). `predict` gives P(y = 1).
 */
import { resolveOptions, type OptionsOf } from '../../core/options.js';
import { checkInputs, modelSchema } from './model-options.js';
import { Network } from './network.js';

export const logisticSchema = modelSchema;

export type LogisticRegressionOptions = { inputs: number } & Partial<OptionsOf<typeof logisticSchema>>;

export class LogisticRegression extends Network {
  constructor(options: LogisticRegressionOptions) {
    const o = resolveOptions('LogisticRegression', logisticSchema, options, undefined, ['inputs']);
    const inputs = checkInputs('LogisticRegression', options.inputs);
    super({ name: 'logistic', layers: [inputs, 1], activation: 'relu', init: 'zeros', task: 'binary', seed: 0, ...o, naming: 'single' });
  }
}
