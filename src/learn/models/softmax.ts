/**
 * Softmax (multinomial logistic) regression, P(y = j | x) = softmax(Wx + b)ⱼ, trained on the cross-entropy
 * computed by a shifted log-sum-exp plus λR(W). Parameters: `weight` (classes × inputs, row-major, as
 * torch.nn.Linear) and `bias` (classes), starting at zero (the loss is convex). `predict` gives each row's class
 * probabilities, summing to 1.
 */
import { fail, show } from '../../core/errors.js';
import { resolveOptions, type OptionsOf } from '../../core/options.js';
import { checkInputs, modelSchema } from './model-options.js';
import { Network } from './network.js';

export const softmaxSchema = modelSchema;

export type SoftmaxRegressionOptions = { inputs: number; classes: number } & Partial<OptionsOf<typeof softmaxSchema>>;

export class SoftmaxRegression extends Network {
  constructor(options: SoftmaxRegressionOptions) {
    const o = resolveOptions('SoftmaxRegression', softmaxSchema, options, undefined, ['inputs', 'classes']);
    const inputs = checkInputs('SoftmaxRegression', options.inputs);
    const { classes } = options;
    if (!(Number.isInteger(classes) && classes >= 2)) fail('SoftmaxRegression', `classes must be an integer >= 2, got ${show(classes)}`);
    super({ name: 'softmax', layers: [inputs, classes], activation: 'relu', init: 'zeros', task: 'multiclass', seed: 0, ...o, naming: 'single' });
  }
}
