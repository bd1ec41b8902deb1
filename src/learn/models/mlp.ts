/**
 * A multilayer perceptron: layers [inputs, ...hidden, outputs], an activation (ReLU, tanh or sigmoid) after each
 * hidden layer, and an output head and loss chosen by the task: regression → identity + MSE, binary → one logit +
 * binary cross-entropy, multiclass → k logits + cross-entropy. Weights start seeded, He for ReLU and Xavier for
 * tanh and sigmoid unless `init` says otherwise; biases start at zero. Parameters: `layer1.weight` (h₁ × inputs,
 * row-major), `layer1.bias` (h₁), `layer2.weight` (h₂ × h₁), … in order.
 */
import { fail, show } from '../../core/errors.js';
import { resolveOptions, type OptionSchema, type OptionsOf } from '../../core/options.js';
import { defaultInit } from '../init.js';
import type { Task } from '../types.js';
import { modelSchema } from './model-options.js';
import { Network } from './network.js';

export const mlpSchema = {
  activation: { kind: 'choice', values: ['relu', 'tanh', 'sigmoid'], default: 'relu', description: 'activation after each hidden layer' },
  init: { kind: 'choice', values: ['he', 'xavier', null], default: null, description: 'weight initialisation (default: he for relu, xavier for tanh and sigmoid)' },
  seed: { kind: 'number', default: 0, integer: true, description: 'seed of the initial weights' },
  ...modelSchema,
} as const satisfies OptionSchema;

export type MLPOptions = {
  layers: readonly number[];
  /** Default: multiclass when there are 2 or more outputs, else regression. */
  task?: Task;
} & Partial<OptionsOf<typeof mlpSchema>>;

const tasks: readonly Task[] = ['regression', 'binary', 'multiclass'];

export class MLP extends Network {
  constructor(options: MLPOptions) {
    const o = resolveOptions('MLP', mlpSchema, options, undefined, ['layers', 'task']);
    const layers = options?.layers;
    if (!Array.isArray(layers) || layers.length < 2) fail('MLP', `layers must list at least 2 sizes [inputs, …hidden, outputs], got ${show(layers)}`);
    const task = options.task ?? (layers[layers.length - 1] >= 2 ? 'multiclass' : 'regression');
    if (!tasks.includes(task)) fail('MLP', `task must be one of ${tasks.map(show).join(', ')}, got ${show(task)}`);
    const init = o.init ?? defaultInit(o.activation);
    super({ name: 'mlp', layers, activation: o.activation, init, task, seed: o.seed, l1: o.l1, l2: o.l2, dtype: o.dtype, naming: 'layers' });
  }
}
