/**
 * Linear regression, ŷ = w·x + b, trained on the mean squared error with the ½ of least squares (lecture notes
 * 003): L = (1/N) Σ ½(ŷᵢ − yᵢ)² + λR(w). leastSquares (./least-squares.ts) solves the same problem in closed
 * form, so a trained model can be checked against it. Parameters: `weight` (1 × inputs) and `bias` (1), starting
 * at zero (the loss is convex: no symmetry to break).
 */
import { resolveOptions, type OptionsOf } from '../../core/options.js';
import { checkInputs, modelSchema } from './model-options.js';
import { Network } from './network.js';

export const linearSchema = modelSchema;

export type LinearRegressionOptions = { inputs: number } & Partial<OptionsOf<typeof linearSchema>>;

export class LinearRegression extends Network {
  constructor(options: LinearRegressionOptions) {
    const o = resolveOptions('LinearRegression', linearSchema, options, undefined, ['inputs']);
    const inputs = checkInputs('LinearRegression', options.inputs);
    super({ name: 'linear', layers: [inputs, 1], activation: 'relu', init: 'zeros', task: 'regression', seed: 0, ...o, naming: 'single' });
  }
}
