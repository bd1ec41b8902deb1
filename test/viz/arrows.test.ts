import { describe, expect, it } from 'vitest';
import { getFunction } from '../../src/objective/zoo/registry.js';
import { antigradientArrows, contourPlotWithArrows, equalAspectBox } from '../../src/viz/arrows.js';
import { contourLayout, contourPlot } from '../../src/viz/contour-plot.js';

const f = getFunction('paraboloid');
const small = { width: 480, height: 360, resolution: 30, box: [[-6, 6], [-4, 4]] } as const;

describe('arrows over a contour plot', () => {
  it('antigradientArrows points along −∇f with the length asked for', () => {
    // ∇(4x² + 16y²) at (1, 1) is (8, 32).
    const [a] = antigradientArrows(f, [[1, 1]], 2);
    expect(a.from).toEqual([1, 1]);
    const d = [a.to[0] - 1, a.to[1] - 1];
    expect(Math.hypot(d[0], d[1])).toBeCloseTo(2, 12);
    expect(d[1] / d[0]).toBeCloseTo(4, 12);
    expect(d[0]).toBeLessThan(0);
    // No direction where the gradient vanishes.
    expect(antigradientArrows(f, [[0, 0]], 2)).toEqual([]);
    expect(() => antigradientArrows((x, y) => x * y, [[1, 1]], 1)).toThrow(/needs an objective with a gradient/);
  });

  it('adds one clipped layer to contourPlot’s picture, each arrow a shaft and a head ending at its pixel', () => {
    const plain = contourPlot(f, [], small);
    const svg = contourPlotWithArrows(f, [], [{ from: [0, 0], to: [3, 0], colour: '#D55E00' }, { from: [1, 1], to: [1, 3], dashed: true }], small);
    expect(svg.startsWith(plain.slice(0, plain.lastIndexOf('</svg>')))).toBe(true);
    expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
    expect(svg).toContain('<g class="arrows" clip-path="url(#descent-plot-area)">');
    expect(svg.match(/stroke-dasharray="4 3"/g)).toHaveLength(1);
    const { sx, sy } = contourLayout(f, [], small);
    const tip = `M${Math.round(sx(3) * 100) / 100},${Math.round(sy(0) * 100) / 100}L`;
    expect(svg).toContain(`<path d="${tip}`);
    expect(svg).toContain('fill="#D55E00"');
  });

  it('skips an arrow of zero length', () => {
    const svg = contourPlotWithArrows(f, [], [{ from: [1, 1], to: [1, 1] }], small);
    expect(svg).toContain('<g class="arrows" clip-path="url(#descent-plot-area)"/>');
  });

  it('equalAspectBox makes a unit as long in pixels along y as along x', () => {
    const options = { width: 640, height: 480 };
    const box = equalAspectBox(f, [], options, [-6, 6], 1);
    expect(box[0]).toEqual([-6, 6]);
    expect((box[1][0] + box[1][1]) / 2).toBeCloseTo(1, 12);
    const { sx, sy } = contourLayout(f, [], { ...options, box });
    expect(Math.abs(sy(1) - sy(0))).toBeCloseTo(Math.abs(sx(1) - sx(0)), 9);
  });
});
