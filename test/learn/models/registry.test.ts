import { describe, expect, it } from 'vitest';
import { DescentError } from '../../../src/core/errors.js';
import { LinearRegression } from '../../../src/learn/models/linear.js';
import { MLP } from '../../../src/learn/models/mlp.js';
import { createModel, getModel, models, parseModelSpec } from '../../../src/learn/models/registry.js';
import { SoftmaxRegression } from '../../../src/learn/models/softmax.js';
import type { Network } from '../../../src/learn/models/network.js';

describe('createModel', () => {
  it('builds each model from text with the data’s shape', () => {
    const mlp = createModel('mlp hidden=64,32 activation=tanh l2=0.01 dtype=float32', { inputs: 7, task: 'multiclass', classes: 3 }) as Network;
    expect(mlp).toBeInstanceOf(MLP);
    expect(mlp.layers).toEqual([7, 64, 32, 3]);
    expect(mlp.activation).toBe('tanh');
    expect(mlp.l2).toBe(0.01);
    expect(mlp.parameters[0].data).toBeInstanceOf(Float32Array);
    expect(createModel('linear', { inputs: 2, task: 'regression' })).toBeInstanceOf(LinearRegression);
    expect(createModel({ name: 'softmax', l1: 0.1 }, { inputs: 2, task: 'multiclass', classes: 4 }).outputs).toBe(4);
    expect(createModel('logistic', { inputs: 3, task: 'binary' }).parameters.map((p) => p.name)).toEqual(['weight', 'bias']);
    expect(createModel('mlp', { inputs: 3, task: 'binary' }).outputs).toBe(1);
    expect(models.map((m) => m.name)).toEqual(['linear', 'logistic', 'softmax', 'mlp']);
    expect(getModel('MLP').schema.hidden).toBeDefined();
    expect(parseModelSpec('mlp hidden=8 init=xavier')).toEqual({ name: 'mlp', hidden: [8], init: 'xavier' });
  });

  it('fails clearly on bad specs and options', () => {
    const ctx = { inputs: 3, task: 'regression' as const };
    const cases: Array<[() => unknown, RegExp]> = [
      [() => createModel('tree', ctx), /model: unknown model "tree" \(known: linear, logistic, softmax, mlp\)/],
      [() => createModel('softmax', ctx), /model: softmax fits multiclass targets, but the target is regression \(use linear or mlp\)/],
      [() => createModel('mlp activation=swish', ctx), /mlp: activation must be one of "relu", "tanh", "sigmoid", got "swish"/],
      [() => createModel('mlp hidden=64,0', ctx), /mlp: hidden\[1\] must be an integer >= 1, got 0/],
      [() => createModel('linear l2=-1', ctx), /linear: l2 must be >= 0, got -1/],
      [() => createModel('linear depth=3', ctx), /linear: unknown option "depth"/],
      [() => createModel('softmax', { inputs: 3, task: 'multiclass', classes: 1 }), /a multiclass target needs 2 or more classes, got 1/],
      [() => new MLP({ layers: [4] }), /MLP: layers must list at least 2 sizes/],
      [() => new MLP({ layers: [4, 0, 2] }), /mlp: layers\[1\] must be an integer >= 1, got 0/],
      [() => new MLP({ layers: [4, 3, 2], activation: 'gelu' as 'relu' }), /MLP: activation must be one of "relu", "tanh", "sigmoid", got "gelu"/],
      [() => new MLP({ layers: [4, 3, 1], l2: -0.5 }), /MLP: l2 must be >= 0, got -0.5/],
      [() => new MLP({ layers: [4, 3, 2], task: 'regression' }), /mlp: a regression model has 1 output, got 2/],
      [() => new SoftmaxRegression({ inputs: 3, classes: 1 }), /SoftmaxRegression: classes must be an integer >= 2, got 1/],
      [() => new LinearRegression({ inputs: 0 }), /LinearRegression: inputs must be an integer >= 1, got 0/],
    ];
    for (const [make, message] of cases) {
      expect(make).toThrow(DescentError);
      expect(make).toThrow(message);
    }
  });

  it('rejects a batch that does not fit the model', () => {
    const model = new LinearRegression({ inputs: 3 });
    expect(() => model.lossAndGrad({ x: new Float64Array(5), y: new Float64Array(2), rows: 2 })).toThrow(/linear: x holds 5 values, fewer than 2 rows × 3 inputs/);
    expect(() => model.loss({ x: new Float64Array(6), y: new Float64Array(1), rows: 2 })).toThrow(/linear: y holds 1 targets/);
    expect(() => model.predict(new Float64Array(6), 0, new Float64Array(1))).toThrow(/linear: a batch needs an integer number of rows >= 1, got 0/);
  });
});
