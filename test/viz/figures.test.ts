import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DescentError } from '../../src/core/errors.js';
import { minimize } from '../../src/engine/minimize.js';
import { getFunction } from '../../src/objective/zoo/registry.js';
import { contourLayout } from '../../src/viz/contour-plot.js';
import { runFigures } from '../../src/viz/figures.js';
import { functionLayout } from '../../src/viz/function-plot.js';
import { writeReport, type ReportFigure } from '../../src/viz/report.js';
import type { Run } from '../../src/viz/runs.js';
import { pathOf, project } from '../../src/viz/trajectory.js';
import { decodeGif, decodePng } from './decode.js';
import { paraboloid, sixRuns } from './fixtures.js';
import { colourNear, countColour, shareDrawn } from './pixels.js';

function byFile(figures: ReportFigure[]): Record<string, ReportFigure> {
  return Object.fromEntries(figures.map((f) => [f.file, f]));
}

function bytes(f: ReportFigure): Uint8Array {
  if (!(f.data instanceof Uint8Array)) throw new Error(`${f.file} carries no bytes`);
  return f.data;
}

describe('runFigures', () => {
  it('a 2-variable objective: the contour PNG (and its SVG) with every path drawn, the race GIF under 2 MB, the loss chart', async () => {
    const runs = sixRuns(100);
    const figures = await runFigures(paraboloid, runs, { prefix: 'notebook' });
    expect(figures.map((f) => f.file)).toEqual(['notebook-contour.png', 'notebook-race.gif', 'notebook-loss.png']);
    const files = byFile(figures);
    expect(files['notebook-contour.png'].twins?.map((t) => t.file)).toEqual(['notebook-contour.svg']);
    expect(files['notebook-loss.png'].twins?.map((t) => t.file)).toEqual(['notebook-loss.svg']);
    for (const f of figures) {
      expect(f.caption, f.file).toMatch(/^[A-Z].*\.$/);
      expect(f.alt, f.file).toContain('Adam lr=0.5');
    }

    const contour = decodePng(bytes(files['notebook-contour.png']));
    expect([contour.width, contour.height]).toEqual([640, 480]);
    const layout = contourLayout(paraboloid, runs, { width: 640, height: 480 });
    layout.runs.forEach((run, r) => {
      const { share, checked } = shareDrawn(contour, layout.paths, r, run.colour, layout.frame, { radius: 1.5, tolerance: 24 });
      expect(checked, run.label).toBeGreaterThanOrEqual(4);
      expect(share, run.label).toBeGreaterThan(0.9);
    });

    const gif = bytes(files['notebook-race.gif']);
    console.log(`runFigures race GIF, 6 runs × 100 steps, 600×480, 101 frames: ${(gif.length / 1024).toFixed(1)} KiB`);
    expect(gif.length).toBeLessThan(2 * 1024 * 1024);
    const { reader, frames } = decodeGif(gif);
    expect([reader.width, reader.height, reader.numFrames()]).toEqual([600, 480, 101]);
    const gifLayout = contourLayout(paraboloid, runs, { width: 600, height: 480 });
    const every = gifLayout.runs.map((r) => project(pathOf(r.trace), gifLayout.sx, gifLayout.sy));
    const trails = gifLayout.runs.map((r, i) => shareDrawn(frames[100], every, i, r.colour, gifLayout.frame, { covering: 'others' }));
    expect(trails.filter((t) => t.checked >= 4).map((t) => t.share)).toEqual([1, 1, 1, 1]);

    // The loss chart: f* = 0 is the known minimum, so it plots f − f*; every run's colour is in it.
    const lossSvg = String(files['notebook-loss.png'].twins?.[0].data);
    expect(lossSvg).toContain('f(x) − f* (log scale)');
    const loss = decodePng(bytes(files['notebook-loss.png']));
    const plot = { left: 62, right: loss.width, top: 34, bottom: loss.height - 42 };
    for (const run of layout.runs) expect(countColour(loss, run.colour, plot), run.label).toBeGreaterThan(20);
  });

  it('a 1-variable objective: the curve with the iterates, its race GIF, the loss chart; quick makes fewer frames', async () => {
    const parabola = getFunction('parabola');
    const runs: Run[] = [0.1, 0.9].map((lr) => ({ label: `GD α=${lr}`, trace: minimize(parabola, [0], { optimizer: { name: 'sgd', lr }, maxSteps: 40 }) }));
    const figures = await runFigures(parabola, runs, { prefix: 'parabola', quick: true });
    expect(figures.map((f) => f.file)).toEqual(['parabola-function.png', 'parabola-race.gif', 'parabola-loss.png']);
    const files = byFile(figures);
    const img = decodePng(bytes(files['parabola-function.png']));
    expect([img.width, img.height]).toEqual([640, 480]);
    const layout = functionLayout(parabola, runs, { width: 640, height: 480 });
    // The first iterates, apart from each other, are dots of their run's colour.
    layout.runs.forEach((run, r) => {
      for (let k = 1; k <= 3; k++) expect(colourNear(img, layout.paths[r].x[k], layout.paths[r].y[k], run.colour, 1, 24), `${run.label} step ${k}`).toBe(true);
    });
    const { reader } = decodeGif(bytes(files['parabola-race.gif']));
    expect([reader.width, reader.height, reader.numFrames()]).toEqual([600, 480, 21]);
  });

  it('a 1-variable race of 6 runs × 100 steps is a 101-frame GIF well under 2 MB; writeReport writes every figure and its SVG twin', async () => {
    const wavy = getFunction('wavy');
    const runs: Run[] = [0.005, 0.01, 0.03, 0.06, 0.1, 0.12].map((lr) => ({ label: `GD α=${lr}`, trace: minimize(wavy, [2], { optimizer: { name: 'sgd', lr }, maxSteps: 100 }) }));
    const figures = await runFigures(wavy, runs, { prefix: 'wavy' });
    const gif = bytes(byFile(figures)['wavy-race.gif']);
    console.log(`runFigures 1-D race GIF, 6 runs × 100 steps, 600×480, 101 frames: ${(gif.length / 1024).toFixed(1)} KiB`);
    expect(gif.length).toBeLessThan(2 * 1024 * 1024);
    expect(decodeGif(gif).reader.numFrames()).toBe(101);

    const dir = mkdtempSync(join(tmpdir(), 'descent-figures-'));
    try {
      const index = await writeReport(dir, { title: 'wavy', sections: [{ title: 'GD', figures }] });
      const html = readFileSync(index, 'utf8');
      for (const f of figures) {
        expect(html).toContain(`<img src="${f.file}"`);
        expect(readFileSync(join(dir, f.file))).toEqual(Buffer.from(f.data as Uint8Array));
        for (const twin of f.twins ?? []) {
          expect(html).toContain(`<a href="${twin.file}">SVG</a>`);
          expect(existsSync(join(dir, twin.file)), twin.file).toBe(true);
        }
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('more than 2 variables: only the curves; a changing learning rate adds its chart', async () => {
    const f = getFunction('rosenbrock-nd', { dim: 3 });
    const runs: Run[] = [
      { label: 'Adam', trace: minimize(f, [0, 0, 0], { optimizer: { name: 'adam', lr: 0.05 }, maxSteps: 30 }) },
      { label: 'SGD StepLR', trace: minimize(f, [0, 0, 0], { optimizer: { name: 'sgd', lr: 0.001 }, schedule: { name: 'StepLR', stepSize: 10, gamma: 0.5 }, maxSteps: 30 }) },
    ];
    const figures = await runFigures(f, runs, { prefix: 'nd/r3' });
    expect(figures.map((x) => x.file)).toEqual(['nd/r3-loss.png', 'nd/r3-lr.png']);
    const lr = decodePng(bytes(figures[1]));
    expect([lr.width, lr.height]).toEqual([640, 320]);
    // 0.05 and 0.001 are more than a decade apart: a log axis, so the smaller one is not flattened onto 0.
    expect(String(figures[1].twins?.[0].data)).toContain('learning rate (log scale)');
    expect(countColour(lr, '#0072B2', { left: 62, right: 640, top: 34, bottom: 278 })).toBeGreaterThan(50);
    // Asked for, or not: the options win over the defaults.
    const none = await runFigures(f, runs, { prefix: 'x', loss: false, lr: false });
    expect(none).toEqual([]);
  });

  it("captions: the caller's own by kind, else one sentence that names the diverged runs", async () => {
    const runs = sixRuns(30);
    runs.push({ label: 'SGD lr=0.3', trace: minimize(paraboloid, [5, 5], { optimizer: { name: 'sgd', lr: 0.3 }, maxSteps: 30 }) });
    expect(runs[6].trace.status).toBe('diverged');
    const figures = await runFigures(paraboloid, runs, { prefix: 'p', quick: true, gif: false, captions: { loss: 'Mine.' } });
    expect(figures.map((f) => f.file)).toEqual(['p-contour.png', 'p-loss.png']);
    expect(figures[0].caption).toMatch(/SGD lr=0\.3 diverged/);
    expect(figures[1].caption).toBe('Mine.');
  });

  it('an expression without a domain is drawn around the runs that did not diverge', async () => {
    const f = (x: number, y: number) => (x - 3) ** 2 + (y - 1) ** 2;
    const obj = { dim: 2, value: (p: ArrayLike<number>) => f(p[0], p[1]), valueAndGrad: (p: ArrayLike<number>, g: Float64Array) => ((g[0] = 2 * (p[0] - 3)), (g[1] = 2 * (p[1] - 1)), f(p[0], p[1])) };
    const runs: Run[] = [
      { label: 'ok', trace: minimize(obj, [0, 0], { optimizer: { name: 'sgd', lr: 0.1 }, maxSteps: 30 }) },
      { label: 'blows up', trace: minimize(obj, [0, 0], { optimizer: { name: 'sgd', lr: 1.5 }, maxSteps: 60 }) },
    ];
    expect(runs[1].trace.status).toBe('diverged');
    const [contour] = await runFigures(obj, runs, { prefix: 'e', quick: true, gif: false, loss: false });
    const svg = String(contour.twins?.[0].data);
    // The ticks are those of about [−0.3, 3.3] × [−0.1, 1.1], not of the diverged run's 10¹⁰.
    expect(svg.includes('>3.0</text>') && svg.includes('>1.0</text>'), 'ticks at 3 and 1').toBe(true);
    expect(/>[0-9.]+e\+?\d+<\/text>/.test(svg), 'no tick in exponent form').toBe(false);
  });

  it('a bad prefix fails early with a DescentError naming it', async () => {
    for (const prefix of ['', '../up', '/abs', 'a b']) {
      await expect(runFigures(paraboloid, [], { prefix })).rejects.toThrow(DescentError);
    }
    await expect(runFigures(paraboloid, [], { prefix: '../up' })).rejects.toThrow('figures: prefix must be a relative file-name prefix');
  });
});
