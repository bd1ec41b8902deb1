/**
 * The pictures and the HTML report of `descent run`, spawned as a user runs it (the built bin in dist/; `npm run
 * build` first): the files are there, index.html references every one of them, and the decoded pictures show the
 * runs of results.json where the layout puts them.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { descentIn, freshFolderEachTest } from './spawn.js';
import { getFunction } from '../../src/objective/zoo/registry.js';
import { contourLayout } from '../../src/viz/contour-plot.js';
import { functionLayout } from '../../src/viz/function-plot.js';
import type { Run } from '../../src/viz/runs.js';
import { decodeGif, decodePng } from '../viz/decode.js';
import { colourNear, shareDrawn } from '../viz/pixels.js';

const folder = freshFolderEachTest('descent-report-');
const descent = (...args: string[]) => descentIn(folder.path, ...args);

function read(path: string): Buffer {
  return readFileSync(join(folder.path, path));
}

/** The runs of a results.json, as pictures take them. */
function runsOf(dir: string): { runs: Array<Run & { startIndex: number }>; config: unknown } {
  const results = JSON.parse(read(join(dir, 'results.json')).toString('utf8'));
  return { runs: results.runs.map((r: { label: string; trace: Run['trace']; startIndex: number }) => ({ label: r.label, trace: r.trace, startIndex: r.startIndex })), config: results.config };
}

/** What index.html points at: images and links, relative to its folder. */
function references(html: string): { images: string[]; links: string[] } {
  return { images: [...html.matchAll(/<img src="([^"]+)"/g)].map((m) => decodeURI(m[1])), links: [...html.matchAll(/<a href="([^"]+)"/g)].map((m) => decodeURI(m[1])) };
}

function unescape(s: string): string {
  return s.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** The terminal table's rows: the cells between │. */
function terminalRows(out: string): string[][] {
  return out.split('\n').filter((l) => l.startsWith('│ ')).map((l) => l.split('│').slice(1, -1).map((c) => c.trim()));
}

/** The HTML table's header and rows. */
function htmlRows(html: string): string[][] {
  const table = html.slice(html.indexOf('<table>'), html.indexOf('</table>'));
  return [...table.matchAll(/<tr>(.*?)<\/tr>/g)].map((m) => [...m[1].matchAll(/<t[hd][^>]*>(.*?)<\/t[hd]>/g)].map((c) => unescape(c[1])));
}

const banana = `
name: banana
function: rosenbrock
start: [-1.5, 2]
optimizers:
  - adam lr=0.05
  - { name: sgd, lr: 0.001, momentum: 0.9, label: heavy ball }
  - { name: sgd, lr: 0.002, schedule: { name: StepLR, stepSize: 25, gamma: 0.5 } }
steps: 100
`;

describe('descent run: pictures and report', () => {
  it('writes the contour PNG and SVG, the race GIF, the loss and lr charts and index.html, which shows them all with the table and the configuration', () => {
    writeFileSync(join(folder.path, 'banana.yaml'), banana);
    const r = descent('run', 'banana.yaml');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('\nreport: descent-out/banana/index.html (4 pictures)\n');
    const dir = 'descent-out/banana';
    expect(readdirSync(join(folder.path, dir)).sort()).toEqual(
      ['banana-contour.png', 'banana-contour.svg', 'banana-loss.png', 'banana-loss.svg', 'banana-lr.png', 'banana-lr.svg', 'banana-race.gif', 'index.html', 'results.csv', 'results.json'],
    );

    const html = read(join(dir, 'index.html')).toString('utf8');
    const { images, links } = references(html);
    expect(images).toEqual(['banana-contour.png', 'banana-race.gif', 'banana-loss.png', 'banana-lr.png']);
    expect(links).toEqual(['banana-contour.svg', 'banana-loss.svg', 'banana-lr.svg']);
    for (const f of [...images, ...links]) expect(existsSync(join(folder.path, dir, f)), f).toBe(true);
    // The table has the terminal's columns and cells; the configuration is results.json's, exactly.
    expect(htmlRows(html)).toEqual(terminalRows(r.out));
    const { runs, config } = runsOf(dir);
    const pre = /<h2>Configuration<\/h2>\n<pre>([\s\S]*?)<\/pre>/.exec(html);
    expect(JSON.parse(unescape(pre![1]))).toEqual(config);

    // The contour PNG draws each run of results.json where the layout puts it.
    const rosenbrock = getFunction('rosenbrock');
    const contour = decodePng(read(join(dir, 'banana-contour.png')));
    expect([contour.width, contour.height]).toEqual([640, 480]);
    const layout = contourLayout(rosenbrock, runs, { width: 640, height: 480 });
    const drawn = layout.runs.map((run, i) => shareDrawn(contour, layout.paths, i, run.colour, layout.frame, { radius: 1.5, tolerance: 24 }));
    expect(drawn.filter((d) => d.checked >= 4).length).toBeGreaterThanOrEqual(2);
    for (const d of drawn) if (d.checked >= 4) expect(d.share).toBeGreaterThan(0.9);
    const { reader } = decodeGif(read(join(dir, 'banana-race.gif')));
    expect([reader.width, reader.height, reader.numFrames()]).toEqual([600, 480, 101]);
    expect(decodePng(read(join(dir, 'banana-lr.png'))).height).toBe(320);
  });

  it('one set of pictures per start, after the whole table; a function without a domain is drawn around its runs', () => {
    const json = JSON.stringify({ function: { expression: '(x-3)^2 + 8*(y-5)^4', minima: [[3, 5]] }, starts: [[0, 0], [4, 4]], optimizers: ['adam lr=0.1', 'sgd lr=0.01'], steps: 30 });
    writeFileSync(join(folder.path, 'valley.json'), json);
    const r = descent('run', 'valley.json', '--out', 'here');
    expect(r.code).toBe(0);
    expect(r.out).toContain('report: here/index.html (6 pictures)');
    const html = read('here/index.html').toString('utf8');
    expect([...html.matchAll(/<h2>(.*?)<\/h2>/g)].map((m) => unescape(m[1]))).toEqual(['Results', 'From start 1: (0, 0)', 'From start 2: (4, 4)', 'Configuration']);
    expect(htmlRows(html)[0]).toEqual(['optimizer', 'start', 'status', 'steps', 'final value', 'final point', 'distance to minimum']);
    const { images } = references(html);
    expect(images).toEqual(['valley-start-1-contour.png', 'valley-start-1-race.gif', 'valley-start-1-loss.png', 'valley-start-2-contour.png', 'valley-start-2-race.gif', 'valley-start-2-loss.png']);
    for (const f of images) expect(existsSync(join(folder.path, 'here', f)), f).toBe(true);
    // Start 2's picture holds only its own runs, in the palette's first colours.
    const svg = read('here/valley-start-2-contour.svg').toString('utf8');
    expect(svg.match(/class="run"/g)).toHaveLength(2);
    expect(svg).toContain('stroke="#D55E00"');
  });

  it('a function of one variable gets the curve with the iterates at their pixels, and its race GIF', () => {
    const r = descent('run', '--function', 'parabola', '--optimizer', 'sgd lr=0.1', '--optimizer', 'sgd lr=0.95', '--steps', '25');
    expect(r.code).toBe(0);
    const dir = 'descent-out/parabola';
    const { images } = references(read(join(dir, 'index.html')).toString('utf8'));
    expect(images).toEqual(['parabola-function.png', 'parabola-race.gif', 'parabola-loss.png']);
    const img = decodePng(read(join(dir, 'parabola-function.png')));
    const { runs } = runsOf(dir);
    const layout = functionLayout(getFunction('parabola'), runs, { width: 640, height: 480 });
    // Iterate k at (left + (θ_k + 5)/20·width, bottom − ((θ_k − 5)² − f₀)/(f₁ − f₀)·height): the first few, apart.
    const { left, right, top, bottom } = layout.frame;
    const [f0, f1] = layout.valueRange;
    layout.runs.forEach((run, i) => {
      for (let k = 0; k <= 3; k++) {
        const theta = runs[i].trace.points[k][0];
        const [x, y] = [left + ((theta + 5) / 20) * (right - left), bottom - (((theta - 5) ** 2 - f0) / (f1 - f0)) * (bottom - top)];
        expect(colourNear(img, x, y, run.colour, 1, 24), `${run.label}, iterate ${k}`).toBe(k > 0 || i === layout.runs.length - 1);
      }
    });
    const { reader } = decodeGif(read(join(dir, 'parabola-race.gif')));
    expect(reader.numFrames()).toBe(26);
  });

  it('--no-report writes the results only; more than 2 variables get the curves only', () => {
    const bare = descent('run', '--function', 'booth', '--optimizer', 'sgd lr=0.05', '--steps', '20', '--no-report');
    expect(bare.code).toBe(0);
    expect(bare.out).not.toContain('report:');
    expect(readdirSync(join(folder.path, 'descent-out/booth')).sort()).toEqual(['results.csv', 'results.json']);
    const nd = descent('run', '--function', 'rosenbrock-nd dim=3', '--optimizer', 'adam lr=0.05', '--steps', '20', '--name', 'r3');
    expect(nd.code).toBe(0);
    expect(readdirSync(join(folder.path, 'descent-out/r3')).sort()).toEqual(['index.html', 'r3-loss.png', 'r3-loss.svg', 'results.csv', 'results.json']);
  });

  it('the notebook’s complex function, 6 optimizers × 100 steps: the report and a race GIF well under 2 MB', () => {
    const optimizers = ['sgd lr=0.001', 'sgd lr=0.0005 momentum=0.9', 'adam lr=0.1', 'rmsprop lr=0.05', 'adagrad lr=0.5', 'nadam lr=0.1'].flatMap((o) => ['--optimizer', o]);
    const r = descent('run', '--function', 'seed-complex', ...optimizers, '--steps', '100');
    expect(r.code).toBe(0);
    const gif = read('descent-out/seed-complex/seed-complex-race.gif');
    console.log(`descent run seed-complex, 6 optimizers × 100 steps, with the report: ${r.ms.toFixed(0)} ms in all; race GIF ${(gif.length / 1024).toFixed(1)} KiB`);
    expect(gif.length).toBeLessThan(2 * 1024 * 1024);
    expect(decodeGif(gif).reader.numFrames()).toBe(101);
  });
});
