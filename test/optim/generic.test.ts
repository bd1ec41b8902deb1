/** Generic tests over the case table: convergence, both precisions, state-dict lockstep, zeroGrad. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FloatArray } from '../../src/core/float-array.js';
import { Parameter } from '../../src/core/parameter.js';
import { getOptimizer, optimizers } from '../../src/optim/registry.js';
import { caseLabel, cases, quadratic } from './cases.js';

function runQuadratic(c: (typeof cases)[number], data: FloatArray, steps: number) {
  const p = new Parameter(data);
  const optimizer = getOptimizer(c.name).create([p], c.options);
  for (let t = 0; t < steps; t++) {
    quadratic.valueAndGrad(p.data, p.grad!);
    optimizer.step();
  }
  return { p, optimizer };
}

describe('every optimizer in the registry has a case', () => {
  it('covers the registry', () => {
    const covered = new Set(cases.map((c) => c.name));
    for (const o of optimizers) if (o.name !== 'LBFGS') expect(covered, o.name).toContain(o.name);
  });
});

describe.each(cases.map((c) => [caseLabel(c), c] as const))('%s', (_label, c) => {
  it('converges to the minimum of a quadratic (float64)', () => {
    const { p } = runQuadratic(c, Float64Array.from(quadratic.start), c.steps);
    for (let i = 0; i < 3; i++) expect(Math.abs(p.data[i] - quadratic.target[i])).toBeLessThan(c.tolerance);
  });

  it('runs in float32 without changing the precision, close to the float64 run', () => {
    const steps = 50;
    const single = runQuadratic(c, Float32Array.from(quadratic.start), steps).p;
    const double = runQuadratic(c, Float64Array.from(quadratic.start), steps).p;
    expect(single.data).toBeInstanceOf(Float32Array);
    for (let i = 0; i < 3; i++) expect(Math.abs(single.data[i] - double.data[i])).toBeLessThan(1e-4);
  });

  it('stateDict → JSON → loadStateDict mid-run continues bit for bit', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 1, max: 20 }), (before, after) => {
        const reference = runQuadratic(c, Float64Array.from(quadratic.start), before);
        const saved = JSON.parse(JSON.stringify(reference.optimizer.stateDict()));
        const copy = new Parameter(Float64Array.from(reference.p.data));
        const resumed = getOptimizer(c.name).create([copy], { lr: 123 });
        resumed.loadStateDict(saved);
        for (let t = 0; t < after; t++) {
          quadratic.valueAndGrad(reference.p.data, reference.p.grad!);
          reference.optimizer.step();
          quadratic.valueAndGrad(copy.data, copy.grad!);
          resumed.step();
        }
        for (let i = 0; i < 3; i++) expect(Object.is(copy.data[i], reference.p.data[i])).toBe(true);
        expect(JSON.stringify(resumed.stateDict())).toBe(JSON.stringify(reference.optimizer.stateDict()));
      }),
      { numRuns: 15, seed: 7 },
    );
  });

  it('param groups with different learning rates behave as separate optimizers', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.1, max: 2, noNaN: true }), fc.double({ min: 0.1, max: 2, noNaN: true }), (scaleA, scaleB) => {
        const lr = (c.options.lr as number) ?? 1e-3;
        const a = new Parameter(Float64Array.from(quadratic.start));
        const b = new Parameter(Float64Array.from(quadratic.start));
        const grouped = getOptimizer(c.name).create([{ params: [a], lr: lr * scaleA }, { params: [b], lr: lr * scaleB }], c.options);
        const a2 = new Parameter(Float64Array.from(quadratic.start));
        const b2 = new Parameter(Float64Array.from(quadratic.start));
        const alone = [getOptimizer(c.name).create([a2], { ...c.options, lr: lr * scaleA }), getOptimizer(c.name).create([b2], { ...c.options, lr: lr * scaleB })];
        for (let t = 0; t < 10; t++) {
          for (const p of [a, b, a2, b2]) quadratic.valueAndGrad(p.data, p.grad!);
          grouped.step();
          alone.forEach((o) => o.step());
        }
        expect(Array.from(a.data)).toEqual(Array.from(a2.data));
        expect(Array.from(b.data)).toEqual(Array.from(b2.data));
      }),
      { numRuns: 10, seed: 11 },
    );
  });

  it('zeroGrad zeroes every gradient, or sets it to null', () => {
    const p = new Parameter(Float64Array.from(quadratic.start));
    const optimizer = getOptimizer(c.name).create([p], c.options);
    quadratic.valueAndGrad(p.data, p.grad!);
    optimizer.zeroGrad();
    expect(Array.from(p.grad!)).toEqual([0, 0, 0]);
    optimizer.zeroGrad(true);
    expect(p.grad).toBeNull();
  });

  it('skips a parameter whose grad is null', () => {
    const p = new Parameter(Float64Array.from(quadratic.start), { grad: null });
    const optimizer = getOptimizer(c.name).create([p], c.options);
    optimizer.step();
    expect(Array.from(p.data)).toEqual(quadratic.start);
  });

  it('propagates a NaN gradient into the parameters, as torch does', () => {
    const p = new Parameter(Float64Array.from(quadratic.start));
    const optimizer = getOptimizer(c.name).create([p], c.options);
    p.grad!.fill(NaN);
    optimizer.step();
    expect(Number.isNaN(p.data[0])).toBe(true);
  });
});
