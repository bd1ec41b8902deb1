import { describe, expect, it } from 'vitest';
import { gridX, gridY, sampleGrid } from '../../src/viz/grid.js';
import { paraboloid } from './fixtures.js';

describe('sampleGrid', () => {
  it('sampleGrid(f, box, nx, ny) samples cell centres into a row-major Float64Array', () => {
    const grid = sampleGrid((x, y) => 10 * x + y, [[0, 4], [0, 2]], 4, 2);
    expect(grid.values).toBeInstanceOf(Float64Array);
    expect(grid.values.length).toBe(8);
    // Cell centres: x = 0.5, 1.5, 2.5, 3.5 and y = 0.5, 1.5; values[j·nx + i] = f(xᵢ, yⱼ).
    expect(Array.from(grid.values)).toEqual([5.5, 15.5, 25.5, 35.5, 6.5, 16.5, 26.5, 36.5]);
    expect([gridX(grid, 0), gridX(grid, 3), gridY(grid, 1)]).toEqual([0.5, 3.5, 1.5]);
    expect([grid.min, grid.max]).toEqual([5.5, 36.5]);
  });

  it('sampleGrid(objective, …) evaluates a 2-D objective', () => {
    const grid = sampleGrid(paraboloid, [[-1, 1], [-1, 1]], 2, 2);
    expect(Array.from(grid.values)).toEqual([1.5, 1.5, 1.5, 1.5]);
  });

  it('sampleGrid keeps non-finite values as NaN and leaves them out of min and max', () => {
    const grid = sampleGrid((x, y) => (x < 0 ? Math.sqrt(x) : x < 1 ? 1 / 0 : x + y), [[-2, 2], [0, 1]], 4, 2);
    expect(Array.from(grid.values).map((v) => (Number.isNaN(v) ? 'NaN' : v))).toEqual(['NaN', 'NaN', 'NaN', 1.75, 'NaN', 'NaN', 'NaN', 2.25]);
    expect([grid.min, grid.max]).toEqual([1.75, 2.25]);
    const none = sampleGrid(() => NaN, [[0, 1], [0, 1]], 2);
    expect(Number.isNaN(none.min) && Number.isNaN(none.max)).toBe(true);
  });

  it('sampleGrid rejects an empty box, a small grid and an objective of 3 variables, naming the problem', () => {
    expect(() => sampleGrid((x) => x, [[1, 1], [0, 1]], 4)).toThrow('the x range must be finite with low < high, got [1, 1]');
    expect(() => sampleGrid((x) => x, [[0, 1], [0, 1]], 1)).toThrow('nx must be an integer >= 2, got 1');
    expect(() => sampleGrid({ ...paraboloid, dim: 3 }, [[0, 1], [0, 1]], 4)).toThrow('needs an objective of 2 variables, got 3');
  });
});
