import { beforeAll, describe, expect, it } from 'vitest';
import { adamBiasSection, adamRuns, adamTableSteps, uncorrectedRatio } from '../../../src/cli/demo/adam-bias.js';
import type { DemoSectionResult } from '../../../src/cli/demo/section.js';
import { expectClaimsHold, expectFigures, expectSeed } from './section-checks.js';

describe('demo section: adam-bias (notes 004, lecture 6)', () => {
  let result: DemoSectionResult;
  beforeAll(async () => {
    result = await adamBiasSection.build({ quick: true });
  });
  const { runs } = adamRuns();
  const [corrected, raw, notebook] = runs;

  it('names notes 004 and lecture 6', () => {
    expectSeed(adamBiasSection, result, '004_7f63b3a9c51eadea.txt');
    expect(adamBiasSection.seed).toContain('001_25e225063cee466c.txt');
  });

  it('first steps: lr·√2 corrected, (1 − β₁)/√(1 − β₂) times that without correction', () => {
    // ∇f(5, 5) = (50, 10). Step t = 1 per coordinate: lr·m/(√v + ε), m = (1 − β₁)g, v = (1 − β₂)g², divided by
    // 1 − β₁ and 1 − β₂ when corrected.
    const first = (g: number, b1: number, b2: number, correct: boolean) =>
      (0.1 * ((1 - b1) * g)) / (correct ? 1 - b1 : 1) / (Math.sqrt(((1 - b2) * g * g) / (correct ? 1 - b2 : 1)) + 1e-7);
    const length = (b1: number, b2: number, correct: boolean) => Math.hypot(first(50, b1, b2, correct), first(10, b1, b2, correct));
    expect(corrected.steps[0]).toBeCloseTo(length(0.9, 0.999, true), 14);
    expect(raw.steps[0]).toBeCloseTo(length(0.9, 0.999, false), 14);
    expect(notebook.steps[0]).toBeCloseTo(length(0.9, 0.9, false), 14);
    expect(corrected.steps[0]).toBeCloseTo(0.1 * Math.SQRT2, 8);
    expect(uncorrectedRatio(1, 0.9, 0.999)).toBeCloseTo(Math.sqrt(10), 12);
  });

  it('while the gradient keeps its sign the uncorrected step follows (1 − β₁ᵗ)/√(1 − β₂ᵗ) times the corrected one', () => {
    // Steps 1–3: the point is still far from the minimum, each coordinate's gradient sign unchanged.
    for (let t = 1; t <= 3; t++) expect(raw.steps[t - 1] / corrected.steps[t - 1] / uncorrectedRatio(t, 0.9, 0.999)).toBeCloseTo(1, 1);
  });

  it('every claim holds', () => {
    expectClaimsHold(result, 3);
  });

  it('tabulates the step lengths at the chosen steps', () => {
    const rows = result.table!.rows;
    expect(rows.map((r) => r[0])).toEqual([...adamTableSteps]);
    for (const row of rows) {
      const t = row[0] as number;
      expect(row[1]).toBe(corrected.steps[t - 1]);
      expect(row[3] as number).toBeCloseTo(raw.steps[t - 1] / corrected.steps[t - 1], 12);
      expect(row[4] as number).toBeCloseTo(uncorrectedRatio(t, 0.9, 0.999), 12);
    }
  });

  it('draws the contour plot, the race, the loss and the step lengths', () => {
    expectFigures(result, 'adam-bias', ['adam-bias-contour.png', 'adam-bias-race.gif', 'adam-bias-loss.png', 'adam-bias-steps.png']);
  });
});
