import { describe, expect, it } from 'vitest';
import { minimize } from '../../src/engine/minimize.js';
import { getFunction } from '../../src/objective/zoo/registry.js';
import { functionGif, functionLayout, functionPlot } from '../../src/viz/function-plot.js';
import { svgToPng } from '../../src/viz/raster.js';
import type { Run } from '../../src/viz/runs.js';
import type { Path } from '../../src/viz/trajectory.js';
import { decodeGif, decodePng } from './decode.js';
import { paraboloid } from './fixtures.js';
import { colourNear, distanceToPaths, shareDrawn } from './pixels.js';
import { expectSnapshot } from './snapshot.js';

const parabola = getFunction('parabola');

/** Notes 003's worked example: (θ − 5)² from θ = 0, a small step, a large one that zig-zags, one too large. */
function seedRuns(steps = 25): Run[] {
  return [0.1, 0.9, 1.05].map((lr) => ({ label: `GD α=${lr}`, trace: minimize(parabola, [0], { optimizer: { name: 'sgd', lr }, maxSteps: steps }) }));
}

/** The iterates (x_k, f(x_k)) in pixels, computed here from the frame alone (not with the plot's scales). */
function expectedPixels(runs: Run[], size: { width: number; height: number }): { paths: Path[]; frame: ReturnType<typeof functionLayout>['frame'] } {
  const { frame, range, valueRange } = functionLayout(parabola, runs, size);
  const px = (x: number) => frame.left + ((x - range[0]) / (range[1] - range[0])) * (frame.right - frame.left);
  const py = (v: number) => frame.bottom - ((v - valueRange[0]) / (valueRange[1] - valueRange[0])) * (frame.bottom - frame.top);
  const paths = runs.map((r) => ({ x: Float64Array.from(r.trace.points, (p) => px(p[0])), y: Float64Array.from(r.trace.points, (p) => py((p[0] - 5) ** 2)) }));
  return { paths, frame };
}

describe('functionPlot', () => {
  const size = { width: 640, height: 480 };

  it('functionPlot(parabola, runs) matches its golden snapshot', () => {
    expectSnapshot('function-plot', functionPlot(parabola, seedRuns(12), { width: 480, height: 360, resolution: 60 }));
  });

  it('functionPlot draws the curve over the domain, the iterates as dots joined in order, the start, the minimum and a legend', () => {
    const runs = seedRuns();
    const svg = functionPlot(parabola, runs, size);
    expect(svg).toContain('>parabola: (theta - 5)^2</text>');
    expect(svg).toContain('>f(theta)</text>');
    for (const label of ['GD α=0.1', 'GD α=0.9', 'GD α=1.05', 'start', 'minimum']) expect(svg).toContain(`>${label}</text>`);
    expect(svg.match(/class="curve"/g)).toHaveLength(1);
    // One dot per iterate: 26 points for each run.
    const groups = svg.split('class="run"').slice(1);
    expect(groups).toHaveLength(3);
    for (const g of groups) expect(g.split('</g>')[0].match(/r="2.5"/g)).toHaveLength(26);
    const layout = functionLayout(parabola, runs, size);
    expect(layout.range).toEqual([-5, 15]);
    // f over the domain spans [0, 100] (sampled, so a hair above 0), with a 5% margin either side.
    expect(layout.valueRange[0]).toBeCloseTo(-5, 2);
    expect(layout.valueRange[1]).toBeCloseTo(105, 2);
    // The minimum (5, 0) is a star at its pixel; the start (0, 25) a white disc.
    const at = (v: number) => Math.round(v * 100) / 100;
    expect(svg).toContain(`transform="translate(${at(layout.sx(5))},${at(layout.sy(0))})"`);
    expect(svg).toContain(`<circle cx="${at(layout.sx(0))}" cy="${at(layout.sy(25))}" r="4.5" fill="#ffffff"`);
  });

  it("the PNG has each run's colour at its iterates, at the pixels the frame puts them, and the curve in grey", async () => {
    const runs = seedRuns();
    const img = decodePng(await svgToPng(functionPlot(parabola, runs, size)));
    expect([img.width, img.height]).toEqual([640, 480]);
    const { paths, frame } = expectedPixels(runs, size);
    const layout = functionLayout(parabola, runs, size);
    layout.paths.forEach((p, r) => {
      // The plot's own pixel paths agree with positions computed from the frame alone.
      p.x.forEach((x, k) => expect(Math.abs(x - paths[r].x[k]), `run ${r}, x of iterate ${k}`).toBeLessThan(1e-9));
    });
    layout.runs.forEach((run, r) => {
      const { share, checked } = shareDrawn(img, paths, r, run.colour, frame, { radius: 1, tolerance: 24, clearance: 4 });
      expect(checked, run.label).toBeGreaterThanOrEqual(3);
      expect(share, run.label).toBe(1);
    });
    // The curve: grey at (θ, (θ − 5)²) wherever no run passes within 8 pixels.
    const away = Array.from({ length: 41 }, (_, k) => -5 + k / 2)
      .map((theta) => [layout.sx(theta), layout.sy((theta - 5) ** 2)])
      .filter(([x, y]) => y > frame.top + 3 && distanceToPaths(x, y, paths) > 8);
    expect(away.length).toBeGreaterThanOrEqual(8);
    for (const [x, y] of away) {
      expect(colourNear(img, x, y, '#555555', 1, 24), `curve at (${x}, ${y})`).toBe(true);
      expect(layout.runs.some((run) => colourNear(img, x, y, run.colour, 1, 24))).toBe(false);
    }
  });

  it("functionGif is a frame per step, each run's dot at its iterate of that step", async () => {
    const runs = seedRuns();
    const gif = await functionGif(parabola, runs, { width: 600, height: 480 });
    const { reader, frames } = decodeGif(gif);
    expect([reader.width, reader.height, reader.numFrames()]).toEqual([600, 480, 26]);
    expect(gif.length).toBeLessThan(200 * 1024);
    const { paths, frame } = expectedPixels(runs, { width: 600, height: 480 });
    const inside = (x: number, y: number) => x > frame.left + 5 && x < frame.right - 5 && y > frame.top + 5 && y < frame.bottom - 5;
    const layout = functionLayout(parabola, runs, { width: 600, height: 480 });
    layout.runs.forEach((run, r) => {
      let checked = 0;
      frames.forEach((img, k) => {
        const [x, y] = [paths[r].x[k], paths[r].y[k]];
        if (!inside(x, y) || paths.some((q, j) => j > r && Math.hypot(q.x[k] - x, q.y[k] - y) < 11)) return;
        checked++;
        expect(colourNear(img, x, y, run.colour, 1), `${run.label} at step ${k}`).toBe(true);
      });
      expect(checked, run.label).toBeGreaterThanOrEqual(5);
    });
    // The zig-zag of α = 0.9 is drawn by the last frame: its colour at the midpoint of its first jump across.
    const [mx, my] = [(paths[1].x[1] + paths[1].x[2]) / 2, (paths[1].y[1] + paths[1].y[2]) / 2];
    expect(colourNear(frames[25], mx, my, layout.runs[1].colour, 1)).toBe(true);
    expect(colourNear(frames[0], mx, my, layout.runs[1].colour, 1)).toBe(false);
  });

  it("a plain function of x is drawn over the runs' extent; a 2-variable objective is refused", () => {
    const runs: Run[] = [{ label: 'two steps', trace: { points: [[1], [3]], values: [1, 9] } }];
    const layout = functionLayout((x) => x * x, runs);
    expect(layout.range[0]).toBeCloseTo(0.8);
    expect(layout.range[1]).toBeCloseTo(3.2);
    expect(() => functionPlot(paraboloid, [])).toThrow('function plot: needs an objective of 1 variable, got 2');
    expect(() => functionPlot((x) => x, [], { range: [1, 1] })).toThrow('the x range must be finite with low < high, got [1, 1]');
  });
});
