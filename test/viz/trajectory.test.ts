import { describe, expect, it } from 'vitest';
import { minimize } from '../../src/engine/minimize.js';
import { getFunction } from '../../src/objective/zoo/registry.js';
import { functionLayout, functionPlot } from '../../src/viz/function-plot.js';
import { svgToPng } from '../../src/viz/raster.js';
import { PIXEL_LIMIT, project } from '../../src/viz/trajectory.js';
import { decodePng } from './decode.js';

const identity = (v: number) => v;

describe('project', () => {
  it('keeps points inside the limit as they are and drops points that are not finite', () => {
    const path = project({ x: Float64Array.of(1, NaN, 3), y: Float64Array.of(2, 0, Infinity) }, identity, identity);
    expect(Array.from(path.x)).toEqual([1]);
    expect(Array.from(path.y)).toEqual([2]);
  });

  it('moves a far point back along the segment from the last point inside, keeping its direction exactly', () => {
    const path = project({ x: Float64Array.of(100, 100 + 4e12), y: Float64Array.of(50, 50 - 3e12) }, identity, identity);
    const [dx, dy] = [path.x[1] - 100, path.y[1] - 50];
    expect(Math.max(Math.abs(path.x[1]), Math.abs(path.y[1]))).toBeCloseTo(PIXEL_LIMIT, 6);
    expect(dy / dx).toBeCloseTo(-3 / 4, 12);
  });

  it('clamps a point reached from far away coordinate by coordinate, so a zig-zag across the picture still crosses it', () => {
    // A diverging run bouncing left and right of the picture at y ≈ 144, as gradient descent with too large a step does.
    const path = project({ x: Float64Array.of(300, -3e8, 6e8, -1.2e9), y: Float64Array.of(140, 143, 144, 144) }, identity, identity);
    expect(Array.from(path.x.subarray(1))).toEqual([-PIXEL_LIMIT, PIXEL_LIMIT, -PIXEL_LIMIT]);
    expect(Array.from(path.y.subarray(2))).toEqual([144, 144]);
  });

  it('a diverged run no longer blanks the picture: the curve of f is still drawn', async () => {
    const parabola = getFunction('parabola');
    const runs = [1.2, 0.1].map((lr) => ({ label: `lr ${lr}`, trace: minimize(parabola, [0], { optimizer: { name: 'sgd', lr }, maxSteps: 100 }) }));
    expect(runs[0].trace.status).toBe('diverged');
    const size = { width: 400, height: 300 };
    const png = decodePng(await svgToPng(functionPlot(parabola, runs, size)));
    // The curve is drawn in dark grey: count dark pixels inside the plot's frame, away from its border.
    const { frame } = functionLayout(parabola, runs, size);
    let dark = 0;
    for (let j = Math.ceil(frame.top) + 3; j < frame.bottom - 3; j++) {
      for (let i = Math.ceil(frame.left) + 3; i < frame.right - 3; i++) {
        const k = 4 * (j * png.width + i);
        if (png.data[k] < 120 && png.data[k + 1] < 120 && png.data[k + 2] < 120) dark++;
      }
    }
    expect(dark).toBeGreaterThan(300);
  });
});
