/**
 * LBFGS against torch 1.13 (fixtures from test/fixtures/optim/generate_lbfgs.py), state-dict resumption, errors
 * and convergence. The closures (lbfgs-problems.ts) repeat the Python closures operation for operation, so both optimizers see
 * identical losses and gradients and any difference is the optimizer's.
 */
import { describe, expect, it } from 'vitest';
import { DescentError } from '../../src/core/errors.js';
import { Parameter } from '../../src/core/parameter.js';
import { LBFGS, type LBFGSOptions } from '../../src/optim/lbfgs.js';
import { closureFor, fixture, makeParams, problems, type FixtureCase } from './lbfgs-problems.js';

describe('LBFGS step(closure) against torch 1.13', () => {
  const worst: Record<string, number> = { float64: 0, float32: 0 };
  const perCase: string[] = [];

  it.each(fixture.cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const params = makeParams(c.init, c.dtype);
    const optimizer = new LBFGS(params, c.options);
    const { closure, counter } = closureFor(problems[c.problem], params, c.frozen);
    // Each coordinate's scale: its largest magnitude over torch's run.
    const scale = c.init.map((x, k) => x.map((v, i) => Math.max(Math.abs(v), ...c.steps.map((s) => Math.abs(s.params[k][i])))));
    const lossScale = Math.max(...c.steps.map((s) => Math.abs(s.loss)));
    const rtol = c.dtype === 'float64' ? 1e-10 : 1e-5;
    let caseWorst = 0;
    c.steps.forEach((expected, step) => {
      counter.calls = 0;
      const loss = optimizer.step(closure);
      expect(counter.calls, `closure calls at step ${step + 1}`).toBe(expected.calls);
      expect(Math.abs(loss - expected.loss), `loss at step ${step + 1}`).toBeLessThanOrEqual(rtol * lossScale);
      params.forEach((p, k) => {
        p.data.forEach((v, i) => {
          const error = Math.abs(v - expected.params[k][i]) / scale[k][i];
          caseWorst = Math.max(caseWorst, error);
          worst[c.dtype] = Math.max(worst[c.dtype], error);
          expect(error, `param ${k}[${i}] at step ${step + 1}: ${v} vs torch ${expected.params[k][i]}`).toBeLessThanOrEqual(rtol);
        });
      });
    });
    expect(optimizer.state.get(params[0])!.funcEvals).toBe(c.steps.reduce((n, s) => n + s.calls, 0));
    perCase.push(`${c.name}: ${caseWorst.toExponential(1)}`);
  });

  it('reports the worst relative error', () => {
    // Printed with PARITY_REPORT=1, as the other parity suites do; each case above has already asserted its own bound.
    if (process.env.PARITY_REPORT) console.log(`LBFGS vs torch, worst |Δθᵢ| / scaleᵢ: float64 ${worst.float64.toExponential(2)}, float32 ${worst.float32.toExponential(2)}\n  ${perCase.join('\n  ')}`);
    expect(worst.float64).toBeLessThanOrEqual(1e-10);
  });
});

describe('LBFGS stateDict() / loadStateDict()', () => {
  const runs: ReadonlyArray<[string, FixtureCase['dtype'], Partial<LBFGSOptions>]> = [
    ['float64, strong_wolfe, historySize 3', 'float64', { lineSearchFn: 'strong_wolfe', historySize: 3, maxIter: 4 }],
    ['float64, fixed step', 'float64', { historySize: 2, maxIter: 3, lr: 0.5 }],
    ['float32, strong_wolfe', 'float32', { lineSearchFn: 'strong_wolfe', historySize: 3, maxIter: 4 }],
  ];

  it.each(runs)('round-trips through JSON mid-run and continues bit for bit (%s)', (_name, dtype, options) => {
    const init = [[0.5, -1, 2], [0.3, -0.7]];
    const straight = makeParams(init, dtype);
    const a = new LBFGS(straight, options);
    const runA = closureFor(problems.coupled, straight).closure;
    const lossesA = Array.from({ length: 8 }, () => a.step(runA));

    const first = makeParams(init, dtype);
    const b = new LBFGS(first, options);
    const runB = closureFor(problems.coupled, first).closure;
    const lossesB = Array.from({ length: 4 }, () => b.step(runB));
    const saved = JSON.parse(JSON.stringify(b.stateDict()));
    expect(saved.state['0'].oldDirs).toHaveLength(options.historySize!); // the history is full: it has wrapped

    const resumed = first.map((p) => new Parameter(p.data.slice()));
    const c = new LBFGS(resumed, options);
    c.loadStateDict(saved);
    const state = c.state.get(resumed[0])!;
    expect(state.d).toBeInstanceOf(dtype === 'float32' ? Float32Array : Float64Array);
    expect(state.d).toHaveLength(5);
    expect(state.oldDirs!.every((v) => v instanceof (dtype === 'float32' ? Float32Array : Float64Array))).toBe(true);
    const runC = closureFor(problems.coupled, resumed).closure;
    lossesB.push(...Array.from({ length: 4 }, () => c.step(runC)));

    lossesA.forEach((loss, i) => expect(Object.is(loss, lossesB[i]), `loss ${i}`).toBe(true));
    straight.forEach((p, k) => p.data.forEach((v, i) => expect(Object.is(v, resumed[k].data[i]), `param ${k}[${i}]`).toBe(true)));
    expect(JSON.stringify(c.stateDict())).toBe(JSON.stringify(a.stateDict()));
  });

  it('keeps an empty history as an empty list and the unused al entries as null', () => {
    const params = makeParams([[-1.5, 2]], 'float64');
    const optimizer = new LBFGS(params, { maxIter: 1 });
    const { closure } = closureFor(problems.rosenbrock, params);
    optimizer.step(closure);
    optimizer.step(closure); // second iteration of the run: the two-loop recursion starts, al appears
    const saved = JSON.parse(JSON.stringify(optimizer.stateDict()));
    expect(saved.state['0'].al).toHaveLength(100);
    expect(saved.state['0'].al.slice(1).every((x: unknown) => x === null)).toBe(true);

    const fresh = new LBFGS(makeParams([[-1.5, 2]], 'float64'), { maxIter: 1 });
    fresh.step(closureFor(problems.rosenbrock, fresh.paramGroups[0].params).closure);
    const empty = JSON.parse(JSON.stringify(fresh.stateDict()));
    expect(empty.state['0'].oldDirs).toEqual([]);
    fresh.loadStateDict(empty);
    expect(fresh.state.get(fresh.paramGroups[0].params[0])!.oldDirs).toEqual([]);
  });

  it('refuses state vectors of the wrong length and unknown keys', () => {
    const params = makeParams([[-1.5, 2]], 'float64');
    const optimizer = new LBFGS(params);
    optimizer.step(closureFor(problems.rosenbrock, params).closure);
    const saved = JSON.parse(JSON.stringify(optimizer.stateDict()));
    expect(() => optimizer.loadStateDict({ ...saved, state: { 0: { ...saved.state['0'], d: [1, 2, 3] } } })).toThrow(
      /^LBFGS\.loadStateDict: state\.d: has length 3, the parameters have 2 elements in all$/,
    );
    expect(() => optimizer.loadStateDict({ ...saved, state: { 0: { ...saved.state['0'], momentum: 1 } } })).toThrow(
      /unknown LBFGS state key "momentum"/,
    );
  });
});

describe('LBFGS errors', () => {
  const param = () => new Parameter(new Float64Array([1, 2]));

  it.each<[Record<string, unknown>, RegExp]>([
    [{ lr: -1 }, /^LBFGS: lr must be >= 0, got -1$/],
    [{ maxIter: 0 }, /^LBFGS: maxIter must be an integer >= 1, got 0$/],
    [{ maxIter: 2.5 }, /^LBFGS: maxIter must be an integer >= 1, got 2.5$/],
    [{ maxEval: 0 }, /^LBFGS: maxEval must be an integer >= 1, got 0$/],
    [{ historySize: 0 }, /^LBFGS: historySize must be an integer >= 1, got 0$/],
    [{ toleranceGrad: -1e-7 }, /^LBFGS: toleranceGrad must be >= 0, got -1e-7$/],
    [{ toleranceChange: -1 }, /^LBFGS: toleranceChange must be >= 0, got -1$/],
    [{ lineSearchFn: 'armijo' }, /^LBFGS: lineSearchFn must be one of null, "strong_wolfe", got "armijo"$/],
  ])('new LBFGS(params, %j) fails', (options, message) => {
    expect(() => new LBFGS([param()], options as Partial<LBFGSOptions>)).toThrow(message);
  });

  it('accepts maxEval null and a number', () => {
    expect(new LBFGS([param()], { maxEval: null }).paramGroups[0].maxEval).toBeNull();
    expect(new LBFGS([param()], { maxEval: 3 }).paramGroups[0].maxEval).toBe(3);
  });

  it('refuses a second param group, at construction and later', () => {
    expect(() => new LBFGS([{ params: [param()] }, { params: [param()], lr: 0.1 }])).toThrow(
      /^LBFGS: supports exactly one param group/,
    );
    const optimizer = new LBFGS([param()]);
    expect(() => optimizer.addParamGroup({ params: [param()] })).toThrow(DescentError);
  });

  it('refuses parameters of mixed dtypes', () => {
    expect(() => new LBFGS([param(), new Parameter(new Float32Array(2))])).toThrow(
      /^LBFGS: all parameters must share one dtype .*, got float64 and float32$/,
    );
  });

  it('step() without a closure fails', () => {
    const optimizer = new LBFGS([param()]);
    expect(() => optimizer.step()).toThrow(/^LBFGS: step needs a closure .*, got undefined$/);
  });

  it('a closure that returns no number fails', () => {
    const optimizer = new LBFGS([param()]);
    expect(() => optimizer.step((() => 'x') as unknown as () => number)).toThrow(/^LBFGS: the closure must return the loss as a number, got "x"$/);
  });
});

describe('LBFGS convergence', () => {
  it.each<[string, Partial<LBFGSOptions>]>([
    ['strong_wolfe', { lineSearchFn: 'strong_wolfe' }],
    ['fixed step', {}],
  ])('reaches the Rosenbrock minimum (1, 1) from (-1.5, 2) (%s)', (_name, options) => {
    const params = makeParams([[-1.5, 2]], 'float64');
    const optimizer = new LBFGS(params, options);
    const { closure } = closureFor(problems.rosenbrock, params);
    for (let i = 0; i < 10; i++) optimizer.step(closure);
    expect(Math.abs(params[0].data[0] - 1)).toBeLessThan(1e-4);
    expect(Math.abs(params[0].data[1] - 1)).toBeLessThan(1e-4);
    expect(problems.rosenbrock(params.map((p) => p.data)).f).toBeLessThan(1e-9);
  });

  it('returns at once, after one closure call, when the gradient is already below toleranceGrad', () => {
    const params = makeParams([[1, 1]], 'float64');
    const optimizer = new LBFGS(params);
    const { closure, counter } = closureFor(problems.rosenbrock, params);
    expect(optimizer.step(closure)).toBe(0);
    expect(counter.calls).toBe(1);
    expect(Array.from(params[0].data)).toEqual([1, 1]);
    expect(optimizer.state.get(params[0])).toEqual({ funcEvals: 1, nIter: 0 });
  });
});
