import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { notebookRuns, notebookSection } from '../../../src/cli/demo/notebook.js';
import type { DemoSectionResult } from '../../../src/cli/demo/section.js';
import { complexSettings, notebookSettings } from '../../../src/cli/notebook-experiments.js';
import { stepLengths } from '../../../src/engine/trace-stats.js';
import { expectClaimsHold, expectFigures, expectSeed } from './section-checks.js';

interface FixtureRun {
  label: string;
  optimizer: string;
  options: Record<string, unknown>;
  points: number[][];
}
const fixture = JSON.parse(readFileSync(new URL('../../fixtures/seeds/notebook.json', import.meta.url), 'utf8')) as Record<string, { start: number[]; runs: FixtureRun[] }>;

describe('demo section: notebook (seed 002)', () => {
  let result: DemoSectionResult;
  beforeAll(async () => {
    result = await notebookSection.build({ quick: true });
  });

  it('names seed 002 and explains the experiment', () => {
    expectSeed(notebookSection, result, '002_e420e36ddf3d36e0.txt');
    expect(notebookSection.id).toBe('notebook');
  });

  it('runs the notebook’s settings on both functions, as its numpy code does (fixture from the notebook’s cells)', () => {
    expect(notebookSettings.map((s) => [s.optimizer, s.options])).toEqual(fixture.square_sum.runs.map((r) => [r.optimizer, r.options]));
    expect(complexSettings.map((s) => [s.optimizer, s.options])).toEqual(fixture.complex_sum.runs.map((r) => [r.optimizer, r.options]));
    const [square, complex] = notebookRuns();
    for (const [fnRuns, name] of [[square, 'square_sum'], [complex, 'complex_sum']] as const) {
      expect(fnRuns.fn.start).toEqual(fixture[name].start);
      fnRuns.six.forEach((run, k) => {
        expect(run.trace.points).toHaveLength(101);
        // The zoo computes ∂f/∂x of complex_sum with 0.5 / Math.sqrt(x), numpy with x ** −0.5: one ulp apart. RMSProp
        // there takes sign-like steps once v is tiny, which from step ~60 amplifies that ulp ~1e3-fold every 5 steps
        // (2.8e-4 at step 95); test/optim/notebook.test.ts, with numpy's own formula, holds it to 1e-8.
        const tolerance = name === 'complex_sum' && run.setting.optimizer === 'RMSprop' ? 1e-3 : 1e-8;
        const expected = fixture[name].runs[k].points[100];
        run.trace.points[100].forEach((c, i) => expect(Math.abs(c - expected[i])).toBeLessThanOrEqual(tolerance * Math.max(1, Math.abs(expected[i]))));
      });
    }
  });

  it('every claim of the notebook holds on the numbers', () => {
    expectClaimsHold(result, 5);
    expect(result.claims[0].evidence).toMatch(/square_sum: RMSProp .* complex_sum: SGD Momentum \(μ=0\.9\)/);
  });

  it('Adam’s first step: 0.1·√2 bias-corrected, (1 − β₁)/√(1 − β₂) = 0.316 times that in the notebook’s cell', () => {
    const [square] = notebookRuns();
    expect(stepLengths(square.torchAdam.trace)[0]).toBeCloseTo(0.1 * Math.SQRT2, 9);
    expect(stepLengths(square.six[5].trace)[0]).toBeCloseTo((0.1 * Math.SQRT2 * 0.1) / Math.sqrt(0.1), 7);
  });

  it('Adagrad’s first step on 5x² + y² is lr per coordinate, whatever the gradient', () => {
    const [square] = notebookRuns();
    // |g| / √(g² + 1e-6) = 1 to 1e-10 for |g| = 50 and 10.
    expect(stepLengths(square.six[3].trace)[0]).toBeCloseTo(0.1 * Math.SQRT2, 9);
  });

  it('tabulates the 7 runs on each function and the larger-η Adagrad', () => {
    const rows = result.table!.rows;
    expect(rows).toHaveLength(15);
    expect(rows.filter((r) => r[0] === 'square_sum')).toHaveLength(8);
    expect(rows.filter((r) => r[0] === 'complex_sum')).toHaveLength(7);
    for (const row of rows) {
      expect(row[7]).toBe('max-steps');
      expect(row[6]).toBeGreaterThanOrEqual(0);
    }
    // RMSProp ends at the minimum of 5x² + y² to rounding.
    expect(rows.find((r) => r[0] === 'square_sum' && r[1] === 'RMSProp')![5]).toBeLessThan(1e-20);
  });

  it('draws a contour plot, a race GIF and the loss curves for each function', () => {
    expectFigures(result, 'notebook', [
      'notebook-quadratic-contour.png',
      'notebook-quadratic-race.gif',
      'notebook-quadratic-loss.png',
      'notebook-complex-contour.png',
      'notebook-complex-race.gif',
      'notebook-complex-loss.png',
    ]);
  });
});
