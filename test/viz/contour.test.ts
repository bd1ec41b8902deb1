import { describe, expect, it } from 'vitest';
import { contourLevels, contourLines, undefinedRegion } from '../../src/viz/contour.js';
import { sampleGrid } from '../../src/viz/grid.js';

const bowl = sampleGrid((x, y) => x * x + y * y, [[-3, 3], [-3, 3]], 120);

describe('contourLevels', () => {
  it('contourLevels spaces count levels evenly in log f over 3.5 decades below the largest value', () => {
    const { shift, levels } = contourLevels(bowl, { count: 7 });
    expect(shift).toBe(0);
    expect(levels).toHaveLength(7);
    const top = bowl.max;
    const lo = top * 10 ** -3.5;
    const step = Math.log(top / lo) / 7;
    levels.forEach((level, k) => expect(level).toBeCloseTo(lo * Math.exp((k + 0.5) * step), 10));
    const ratios = levels.slice(1).map((l, k) => l / levels[k]);
    for (const r of ratios) expect(r).toBeCloseTo(ratios[0], 10);
  });

  it('contourLevels shifts by the grid minimum when f is negative somewhere', () => {
    const grid = sampleGrid((x, y) => x * x + y * y - 4, [[-3, 3], [-3, 3]], 60);
    const { shift, levels } = contourLevels(grid);
    expect(shift).toBe(grid.min);
    expect(shift).toBeLessThan(-3.9);
    expect(levels.every((l) => l > 0)).toBe(true);
    // The lines are then at f = level + shift, some of them below 0.
    expect(contourLines(grid, { shift, levels })[0].value).toBeLessThan(0);
  });

  it("contourLevels takes the notebook's own levels as given", () => {
    const notebook = [0.5, 10, 30, 80, 130, 200, 300, 500, 900];
    expect(contourLevels(bowl, { levels: notebook }).levels).toEqual(notebook);
  });

  it('contourLevels gives no levels for a constant or undefined surface', () => {
    expect(contourLevels(sampleGrid(() => 0, [[0, 1], [0, 1]], 4)).levels).toEqual([]);
    expect(contourLevels(sampleGrid(() => NaN, [[0, 1], [0, 1]], 4)).levels).toEqual([]);
  });
});

describe('contourLines', () => {
  it('contourLines(bowl) draws circles of radius √level in the box coordinates', () => {
    const lines = contourLines(bowl, { shift: 0, levels: [1, 4] });
    expect(lines.map((l) => l.value)).toEqual([1, 4]);
    for (const line of lines) {
      // The region h ≥ level is the box with the disc as a hole; the line to stroke is the circle alone.
      expect(line.polygons).toHaveLength(1);
      expect(line.polygons[0]).toHaveLength(2);
      expect(line.lines).toHaveLength(1);
      for (const [x, y] of line.lines[0]) expect(Math.hypot(x, y)).toBeCloseTo(Math.sqrt(line.value), 1);
    }
  });

  it('contourLines leaves out the stretches of a region along the edges of the box', () => {
    // Levels of x + y reach the box's edges: each line is one open stretch from edge to edge, never along one.
    const plane = sampleGrid((x, y) => x + y + 10, [[0, 1], [0, 1]], 20);
    for (const line of contourLines(plane, { shift: 0, levels: [10.5, 11, 11.5] })) {
      expect(line.lines).toHaveLength(1);
      for (const [x, y] of line.lines[0]) expect(x + y + 10).toBeCloseTo(line.value, 6);
    }
  });

  it('undefinedRegion outlines where f is not finite', () => {
    const grid = sampleGrid((x, y) => Math.sqrt(x) + y * y, [[-1, 1], [-1, 1]], 40);
    const region = undefinedRegion(grid);
    expect(region.length).toBe(1);
    const xs = region[0][0].map(([x]) => x);
    expect(Math.min(...xs)).toBeCloseTo(-1, 6);
    expect(Math.max(...xs)).toBeCloseTo(0, 1);
    expect(undefinedRegion(bowl)).toEqual([]);
  });
});
