import { describe, expect, it } from 'vitest';
import { contourLayout, contourPlot } from '../../src/viz/contour-plot.js';
import { RUN_COLOURS } from '../../src/viz/palette.js';
import type { Run } from '../../src/viz/runs.js';
import { paraboloid, run } from './fixtures.js';
import { expectSnapshot } from './snapshot.js';

/** Three runs of the notebook's function from (5, 5): one slow, one with momentum, one that diverges. */
function threeRuns(): Run[] {
  return [run('SGD lr=0.01', { name: 'sgd', lr: 0.01 }, 30), run('SGD momentum=0.9', { name: 'sgd', lr: 0.01, momentum: 0.9 }, 30), run('SGD lr=0.3', { name: 'sgd', lr: 0.3 }, 30)];
}

const small = { width: 480, height: 360, resolution: 40, levels: { count: 6 } } as const;

describe('contourPlot', () => {
  it('contourPlot(paraboloid, runs) matches its golden snapshot', () => {
    const runs = threeRuns();
    expect(runs[2].trace.status).toBe('diverged');
    expectSnapshot('contour-plot', contourPlot(paraboloid, runs, small));
  });

  it('contourPlot gives the same bytes on every call', () => {
    expect(contourPlot(paraboloid, threeRuns(), small)).toBe(contourPlot(paraboloid, threeRuns(), small));
  });

  it('contourPlot draws each run in its palette colour, with a legend, the start, the minimum, ticks and a title', () => {
    const svg = contourPlot(paraboloid, threeRuns(), small);
    for (const colour of RUN_COLOURS.slice(0, 3)) expect(svg).toContain(`stroke="${colour}"`);
    expect(svg).not.toContain(`stroke="${RUN_COLOURS[3]}"`);
    expect(svg).toContain('>SGD momentum=0.9</text>');
    expect(svg).toMatch(/>SGD lr=0.3 \(diverged at step \d+\)<\/text>/);
    expect(svg).toContain('>start</text>');
    expect(svg).toContain('>minimum</text>');
    expect(svg).toContain('>paraboloid: 5x^2 + y^2</text>');
    expect(svg.match(/class="run"/g)).toHaveLength(3);
    // Ticks at the round numbers of [-7, 7]; d3-format writes the minus sign as U+2212.
    for (const tick of ['−6', '−4', '0', '4', '6']) expect(svg).toContain(`>${tick}</text>`);
    // The start (5, 5) is drawn as a white disc, the minimum (0, 0) as a star, at their pixels.
    const layout = contourLayout(paraboloid, threeRuns(), small);
    const [sx, sy] = [layout.sx(5), layout.sy(5)];
    expect(svg).toContain(`<circle cx="${Math.round(sx * 100) / 100}" cy="${Math.round(sy * 100) / 100}" r="4.5" fill="#ffffff"`);
    expect(svg).toContain(`transform="translate(${Math.round(layout.sx(0) * 100) / 100},${Math.round(layout.sy(0) * 100) / 100})"`);
  });

  it('contourPlot draws the contour lines at the given levels, darkest nearest the minimum', () => {
    const svg = contourPlot(paraboloid, [], { ...small, levels: { levels: [0.5, 10, 30, 80, 130, 200, 300, 500, 900] } });
    const levels = [...svg.matchAll(/data-level="([^"]+)"/g)].map((m) => Number(m[1]));
    // 300, 500 and 900 lie above the largest value on the box (5·7² + 7² = 294): no line.
    expect(levels).toEqual([0.5, 10, 30, 80, 130, 200]);
    const greys = [...svg.matchAll(/stroke="(#[0-9a-f]{6})" stroke-width="1" data-level/g)].map((m) => parseInt(m[1].slice(1, 3), 16));
    expect(greys).toEqual([...greys].sort((a, b) => a - b));
  });

  it('contourPlot decimates a trajectory that far exceeds the pixels, keeping its ends', () => {
    const n = 20000;
    const points = Array.from({ length: n }, (_, k) => {
      const t = k / n;
      return [5 * (1 - t) * Math.cos(40 * t), 5 * (1 - t) * Math.sin(40 * t)];
    });
    const long: Run = { label: 'spiral', trace: { points, values: points.map((p) => paraboloid.value(p)) } };
    const layout = contourLayout(paraboloid, [long], small);
    const path = layout.paths[0];
    // Kept points are at least half a pixel apart: the spiral is some 2000 px long, so about 4000 of 20000 stay.
    expect(path.x.length).toBeLessThan(n / 4);
    for (let k = 1; k < path.x.length - 1; k++) expect(Math.hypot(path.x[k] - path.x[k - 1], path.y[k] - path.y[k - 1])).toBeGreaterThanOrEqual(0.5);
    expect([path.x[0], path.y[0]]).toEqual([layout.sx(5), layout.sy(0)]);
    expect(path.x[path.x.length - 1]).toBeCloseTo(layout.sx(points[n - 1][0]), 9);
    // Ordinary runs keep every step.
    expect(contourLayout(paraboloid, threeRuns(), small).paths[0].x.length).toBe(31);
  });

  it('contourPlot without a domain frames the runs and the minima', () => {
    const bare = { dim: 2, value: paraboloid.value, valueAndGrad: paraboloid.valueAndGrad };
    const layout = contourLayout(bare, threeRuns().slice(0, 1), { ...small, minima: [[0, 0]] });
    expect(layout.box[0][0]).toBeLessThan(0);
    expect(layout.box[0][1]).toBeGreaterThan(5);
    expect(layout.title).toBe('');
  });

  it('contourPlot rejects a picture too small to hold its axes', () => {
    expect(() => contourPlot(paraboloid, [], { width: 50 })).toThrow('width must be a number of pixels >= 120, got 50');
  });
});
