/** Bad input fails at construction with a message naming the option and the value. */
import { describe, expect, it } from 'vitest';
import { DescentError } from '../../src/core/errors.js';
import { Parameter } from '../../src/core/parameter.js';
import { SGD } from '../../src/optim/sgd.js';
import { Adam } from '../../src/optim/adam.js';
import { getOptimizer } from '../../src/optim/registry.js';

const param = () => new Parameter(new Float64Array([1, 2, 3]));

const badOptions: ReadonlyArray<[string, Record<string, unknown>, RegExp]> = [
  ['Adam', { lr: -1 }, /^Adam: lr must be >= 0, got -1$/],
  ['Adam', { lr: NaN }, /^Adam: lr must be >= 0, got NaN$/],
  ['Adam', { eps: -1e-8 }, /^Adam: eps must be >= 0, got -1e-8$/],
  ['Adam', { betas: [1.2, 0.999] }, /^Adam: betas\[0\] must be in \[0, 1\), got 1.2$/],
  ['Adam', { betas: [0.9, 1] }, /^Adam: betas\[1\] must be in \[0, 1\), got 1$/],
  ['Adam', { betas: [0.9] }, /^Adam: betas must be a pair of numbers, got \[0.9\]$/],
  ['Adam', { amsgrad: 'yes' }, /^Adam: amsgrad must be true or false, got "yes"$/],
  ['Adam', { learningRate: 0.1 }, /^Adam: unknown option "learningRate" \(known options: lr, betas, .*\)$/],
  ['AdamW', { weightDecay: -0.1 }, /^AdamW: weightDecay must be >= 0, got -0.1$/],
  ['SGD', { momentum: -0.5 }, /^SGD: momentum must be >= 0, got -0.5$/],
  ['SGD', { nesterov: true }, /^SGD: nesterov needs momentum > 0 and dampening 0, got momentum 0 and dampening 0$/],
  ['SGD', { nesterov: true, momentum: 0.9, dampening: 0.1 }, /^SGD: nesterov needs momentum > 0 and dampening 0, got momentum 0.9 and dampening 0.1$/],
  ['Adagrad', { lrDecay: -1 }, /^Adagrad: lrDecay must be >= 0, got -1$/],
  ['Adagrad', { initialAccumulatorValue: -1 }, /^Adagrad: initialAccumulatorValue must be >= 0, got -1$/],
  ['RMSprop', { alpha: -0.1 }, /^RMSprop: alpha must be >= 0, got -0.1$/],
  ['Adadelta', { rho: 1.5 }, /^Adadelta: rho must be in \[0, 1\], got 1.5$/],
  ['NAdam', { momentumDecay: -1 }, /^NAdam: momentumDecay must be >= 0, got -1$/],
  ['NAdam', { maximize: true }, /^NAdam: unknown option "maximize"/],
  ['Rprop', { etas: [1.5, 1.2] }, /^Rprop: etas\[0\] must be in \(0, 1\), got 1.5$/],
  ['Rprop', { etas: [0.5, 0.9] }, /^Rprop: etas\[1\] must be > 1, got 0.9$/],
  ['Rprop', { stepSizes: [1, 0.5] }, /^Rprop: stepSizes must be \[min, max\] with min <= max, got \[1,0.5\]$/],
  ['Lion', { betas: [-0.1, 0.99] }, /^Lion: betas\[0\] must be in \[0, 1\), got -0.1$/],
];

describe('bad options', () => {
  it.each(badOptions)('%s %j is refused', (name, options, message) => {
    const create = () => getOptimizer(name).create([param()], options);
    expect(create).toThrow(DescentError);
    expect(create).toThrow(message);
  });

  it('a bad option in a param group is refused too', () => {
    expect(() => new Adam([{ params: [param()], lr: -1 }])).toThrow(/^Adam: lr must be >= 0, got -1$/);
  });
});

describe('bad parameters', () => {
  it('a gradient of another length is refused at construction', () => {
    expect(() => new Parameter(new Float64Array(3), { grad: new Float64Array(2) })).toThrow(/gradient of parameter has length 2, but its data has length 3/);
    const p = param();
    p.grad = new Float64Array(2);
    expect(() => new SGD([p], { lr: 0.1 })).toThrow(/^SGD: the gradient of parameter has length 2, but its data has length 3$/);
  });

  it('a gradient of another type is refused, naming the parameter', () => {
    const p = new Parameter(new Float64Array(3), { name: 'w' });
    p.grad = new Float32Array(3) as never;
    expect(() => new Adam([p])).toThrow(/^Adam: the gradient of parameter "w" must be a Float64Array like its data$/);
  });

  it('a gradient replaced by one of another length between steps is refused at the step', () => {
    const p = param();
    const optimizer = new Adam([p]);
    p.grad = new Float64Array(5);
    expect(() => optimizer.step()).toThrow(/has length 5, but its data has length 3/);
  });

  it('data that is not a Float32Array or Float64Array is refused', () => {
    expect(() => new Parameter([1, 2] as unknown as Float64Array)).toThrow(/^Parameter: data must be a Float32Array or a Float64Array, got \[object Array\]$/);
  });

  it('an empty parameter list and a parameter in two groups are refused', () => {
    expect(() => new Adam([])).toThrow(/^Adam: got an empty parameter list$/);
    const p = param();
    expect(() => new Adam([{ params: [p] }, { params: [p] }])).toThrow(/more than one parameter group/);
  });

  it('an unknown optimizer name lists the known ones', () => {
    expect(() => getOptimizer('adamm')).toThrow(/^optimizer: unknown optimizer "adamm" \(known: SGD, .*Adam.*\)$/);
    expect(getOptimizer('adamw').name).toBe('AdamW');
  });

  it('a state dict for other parameters is refused and leaves the optimizer unchanged', () => {
    const p = param();
    const a = new Adam([p]);
    a.step();
    const saved = a.stateDict();
    const b = new Adam([new Parameter(new Float64Array(2))]);
    expect(() => b.loadStateDict(saved)).toThrow(/state.expAvg has length 3, the parameter has length 2/);
    expect(b.stateDict().state).toEqual({});
    const badLr = { ...saved, paramGroups: [{ ...saved.paramGroups[0], lr: -1 }] };
    expect(() => new Adam([param()]).loadStateDict(badLr)).toThrow(/lr must be >= 0, got -1/);
  });
});
