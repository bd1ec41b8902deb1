import { describe, expect, it } from 'vitest';
import { trajectoryGif } from '../../src/viz/animate.js';
import { contourLayout } from '../../src/viz/contour-plot.js';
import { frameSteps } from '../../src/viz/gif.js';
import type { Run } from '../../src/viz/runs.js';
import { pathOf, project } from '../../src/viz/trajectory.js';
import { paraboloid, run, sixRuns } from './fixtures.js';
import { colourNear, countColour, shareDrawn, type Pixels } from './pixels.js';
import { decodeGif as decodeFrames } from './decode.js';

/** The runs' every step in pixels, as the GIF draws them. */
function pixelPaths(runs: Run[], size: { width: number; height: number }) {
  const layout = contourLayout(paraboloid, runs, size);
  return { layout, paths: layout.runs.map((r) => project(pathOf(r.trace), layout.sx, layout.sy)) };
}

describe('trajectoryGif', () => {
  const size = { width: 600, height: 480 };

  it('trajectoryGif(6 optimizers × 100 steps) is a 600×480, 101-frame GIF well under 2 MB, made in well under 2 s', async () => {
    const runs = sixRuns(100);
    await trajectoryGif(paraboloid, runs.slice(0, 1), { ...size, maxFrames: 3 }); // loads resvg and the font
    const started = performance.now();
    const gif = await trajectoryGif(paraboloid, runs, size);
    const ms = performance.now() - started;
    console.log(`race GIF, 600×480, 6 runs × 100 steps, 101 frames: ${ms.toFixed(0)} ms, ${(gif.length / 1024).toFixed(1)} KiB`);
    expect(gif.length).toBeLessThan(2 * 1024 * 1024);
    expect(gif.length).toBeLessThan(400 * 1024);
    expect(ms).toBeLessThan(2000);

    const { reader, frames } = decodeFrames(gif);
    expect([reader.width, reader.height, reader.numFrames(), reader.loopCount()]).toEqual([600, 480, 101, 0]);
    // 10 frames a second as the notebook; the last frame is held for 2 s (delays in hundredths of a second).
    expect(reader.frameInfo(0).delay).toBe(10);
    expect(reader.frameInfo(99).delay).toBe(10);
    expect(reader.frameInfo(100).delay).toBe(200);

    const { layout, paths } = pixelPaths(runs, size);
    const plot = layout.frame;
    const inside = (x: number, y: number) => x > plot.left + 5 && x < plot.right - 5 && y > plot.top + 5 && y < plot.bottom - 5;
    // Frame k draws each run's dot at its step k, in its colour (later runs' dots over earlier ones).
    layout.runs.forEach((r, i) => {
      let checked = 0;
      frames.forEach((frame, k) => {
        const [x, y] = [paths[i].x[k], paths[i].y[k]];
        if (!inside(x, y) || paths.some((q, j) => j > i && Math.hypot(q.x[k] - x, q.y[k] - y) < 9)) return;
        checked++;
        expect(colourNear(frame, x, y, r.colour, 1), `${r.label} at step ${k}`).toBe(true);
      });
      expect(checked, r.label).toBeGreaterThanOrEqual(20);
    });
    // The last frame keeps every path: a run's colour lies along it wherever no other run passed later.
    // (From (5, 5) Adam, Adagrad and RMSprop share the diagonal, and Adam's return over it covers the others.)
    const trails = layout.runs.map((r, i) => shareDrawn(frames[100], paths, i, r.colour, plot, { covering: 'others' }));
    expect(trails.filter((t) => t.checked >= 4).map((t) => t.share)).toEqual([1, 1, 1, 1]);
    // The first frame shows no path yet: each colour only in the legend and the dot at the start.
    for (const r of layout.runs) expect(countColour(frames[0], r.colour, plot), r.label).toBeLessThan(60);
    // …and the paths grow frame by frame.
    const drawn = (k: number) => layout.runs.reduce((n, r) => n + countColour(frames[k], r.colour, plot), 0);
    expect(drawn(0)).toBeLessThan(drawn(10));
    expect(drawn(10)).toBeLessThan(drawn(100));
  });

  it('trajectoryGif leaves the picture unchanged away from the paths (the minimum stays as drawn)', async () => {
    // A hand-made run down the right side of the box, far from the minimum at (0, 0).
    const points = Array.from({ length: 21 }, (_, k) => [5.5, 5 - k / 2]);
    const runs: Run[] = [{ label: 'down the side', trace: { points, values: points.map((p) => paraboloid.value(p)) } }];
    const { frames } = decodeFrames(await trajectoryGif(paraboloid, runs, size));
    expect(frames).toHaveLength(21);
    const { layout } = pixelPaths(runs, size);
    const [mx, my] = [Math.round(layout.sx(0)), Math.round(layout.sy(0))];
    const region = (img: Pixels, cx: number, cy: number) => {
      const out: number[] = [];
      for (let j = cy - 20; j <= cy + 20; j++) for (let i = cx - 20; i <= cx + 20; i++) out.push(...img.data.subarray(4 * (j * img.width + i), 4 * (j * img.width + i) + 3));
      return out;
    };
    expect(region(frames[20], mx, my)).toEqual(region(frames[0], mx, my));
    // …while where the run went, the picture did change.
    const [px, py] = [Math.round(layout.sx(5.5)), Math.round(layout.sy(0))];
    expect(region(frames[20], px, py)).not.toEqual(region(frames[0], px, py));
  });

  it('trajectoryGif of one optimizer has a frame per step; a long run is sampled down to maxFrames, ending on its last step', async () => {
    const one = decodeFrames(await trajectoryGif(paraboloid, [run('SGD momentum=0.9', { name: 'sgd', lr: 0.01, momentum: 0.9 }, 30)], size));
    expect(one.reader.numFrames()).toBe(31);
    const long = [run('SGD lr=0.001', { name: 'sgd', lr: 0.001 }, 500)];
    const { reader, frames } = decodeFrames(await trajectoryGif(paraboloid, long, { ...size, maxFrames: 51 }));
    expect(reader.numFrames()).toBe(51);
    const { layout, paths } = pixelPaths(long, size);
    expect(shareDrawn(frames[50], paths, 0, layout.runs[0].colour, layout.frame).share).toBe(1);
  });

  it('trajectoryGif erases the dot of the previous frame where the path does not pass', async () => {
    // One jump from (−5, −5) to (5, 5): the dot (radius 4) leaves the start, the line (width 3) stays.
    const points = [[-5, -5], [5, 5]];
    const runs: Run[] = [{ label: 'jump', trace: { points, values: points.map((p) => paraboloid.value(p)) } }];
    const { frames } = decodeFrames(await trajectoryGif(paraboloid, runs, size));
    const { layout } = pixelPaths(runs, size);
    const colour = layout.runs[0].colour;
    // 3 px from the start across the line: inside the dot, outside the line.
    const [x, y] = [layout.sx(-5) + 3 / Math.SQRT2, layout.sy(-5) + 3 / Math.SQRT2];
    expect(colourNear(frames[0], x, y, colour, 0)).toBe(true);
    expect(colourNear(frames[1], x, y, colour, 0)).toBe(false);
    expect(colourNear(frames[1], layout.sx(0), layout.sy(0), colour, 1)).toBe(true);
  });

  it('frameSteps spreads at most maxFrames frames evenly over the steps, first and last included', () => {
    expect(frameSteps(4, 10)).toEqual([0, 1, 2, 3, 4]);
    expect(frameSteps(10, 3)).toEqual([0, 5, 10]);
    expect(frameSteps(0, 10)).toEqual([0]);
  });

  it('trajectoryGif rejects a frame rate it cannot store', async () => {
    await expect(trajectoryGif(paraboloid, sixRuns(5), { ...size, fps: 0 })).rejects.toThrow('fps must be in (0, 100], got 0');
  });
});
