import { beforeAll, describe, expect, it } from 'vitest';
import { antigradientAngle, paraboloidRuns, paraboloidSection, paraboloidTableSteps } from '../../../src/cli/demo/paraboloid.js';
import type { DemoSectionResult } from '../../../src/cli/demo/section.js';
import { bytes, expectClaimsHold, expectFigures, expectSeed } from './section-checks.js';

describe('demo section: paraboloid (notes 003)', () => {
  let result: DemoSectionResult;
  beforeAll(async () => {
    result = await paraboloidSection.build({ quick: true });
  });
  const { f, start, runs } = paraboloidRuns();

  it('names notes 003 and its paraboloid', () => {
    expectSeed(paraboloidSection, result, '003_673ddad77e31dcee.txt');
    expect(paraboloidSection.seed).toContain('4x² + 16y²');
  });

  it('at (5, 5) −∇f = (−40, −160) misses the direction to the minimum by acos(1000 / (√27200 √50)) ≈ 30.96°', () => {
    expect(start).toEqual([5, 5]);
    const expected = (Math.acos(1000 / (Math.sqrt(27200) * Math.sqrt(50))) * 180) / Math.PI;
    expect(antigradientAngle(f, start)).toBeCloseTo(expected, 10);
    expect(expected).toBeCloseTo(30.96, 2);
    // On the axes −∇f points straight at the minimum.
    expect(antigradientAngle(f, [3, 0])).toBe(0);
    expect(antigradientAngle(f, [0, -2])).toBe(0);
  });

  it('the closest a step along −∇f gets to the minimum is |x₀ × ∇f| / |∇f| = 600 / √27200', () => {
    expect(result.claims[1].evidence).toContain(`${(600 / Math.sqrt(27200)).toPrecision(4)}`);
  });

  it('gradient descent follows x_t = 5(1 − 8α)^t, y_t = 5(1 − 32α)^t', () => {
    for (const { alpha, trace } of runs) {
      expect(trace.points).toHaveLength(51);
      trace.points.forEach(([x, y], t) => {
        expect(Math.abs(x - 5 * (1 - 8 * alpha) ** t)).toBeLessThanOrEqual(1e-12 * Math.max(1e-3, 5 * Math.abs(1 - 8 * alpha) ** t));
        expect(Math.abs(y - 5 * (1 - 32 * alpha) ** t)).toBeLessThanOrEqual(1e-12 * Math.max(1e-3, 5 * Math.abs(1 - 32 * alpha) ** t));
      });
    }
    // α = 0.045 > 1/32: y changes sign at every step (the zig-zag); α = 0.01 < 1/32 never.
    expect(runs.map((r) => r.alpha)).toEqual([0.01, 0.045]);
  });

  it('every claim holds', () => {
    expectClaimsHold(result, 3);
  });

  it('tabulates the zig-zag run with the angle at each step', () => {
    const { columns, rows } = result.table!;
    expect(columns).toHaveLength(5);
    expect(rows.map((r) => r[0])).toEqual([...paraboloidTableSteps]);
    expect(rows[0].slice(1, 4)).toEqual([5, 5, 500]);
    for (const row of rows) {
      const [x, y] = [row[1] as number, row[2] as number];
      expect(row[4] as number).toBeCloseTo(antigradientAngle(f, [x, y]), 12);
    }
  });

  it('draws the arrows picture, the contour plot, the race and the loss', () => {
    expectFigures(result, 'paraboloid', ['paraboloid-arrows.png', 'paraboloid-contour.png', 'paraboloid-race.gif', 'paraboloid-loss.png']);
    const svg = new TextDecoder().decode(bytes(result.figures![0].twins![0].data));
    // Ten −∇f arrows and ten dashed lines to the minimum, each a shaft and a head.
    expect(svg.match(/stroke-dasharray/g)).toHaveLength(10);
    expect(svg.match(/<path d="M[^"]*Z" fill="#D55E00"/g)).toHaveLength(10);
  });
});
