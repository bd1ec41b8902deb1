import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { contourLayout, contourPlot } from '../../src/viz/contour-plot.js';
import { rasterize, svgToPng } from '../../src/viz/raster.js';
import { paraboloid, sixRuns } from './fixtures.js';
import { countColour, shareDrawn, type Pixels } from './pixels.js';

function decode(png: Uint8Array): Pixels {
  const image = PNG.sync.read(Buffer.from(png));
  return { width: image.width, height: image.height, data: new Uint8Array(image.data) };
}

describe('svgToPng', () => {
  const runs = sixRuns();
  const options = { width: 640, height: 480 };

  it('svgToPng(contourPlot(…)) is a PNG of the picture size with every trajectory drawn in its colour', async () => {
    const started = performance.now();
    const png = await svgToPng(contourPlot(paraboloid, runs, options));
    const ms = performance.now() - started;
    console.log(`contour plot PNG, 640×480, 6 runs of 100 steps: ${ms.toFixed(0)} ms (grid, contours, SVG, rasterise), ${png.length} bytes`);
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const img = decode(png);
    expect([img.width, img.height]).toEqual([640, 480]);
    const layout = contourLayout(paraboloid, runs, options);
    layout.runs.forEach((run, r) => {
      // Anti-aliased edges blend with what is under them; a line 2 px wide has its own colour at its centre.
      const { share, checked } = shareDrawn(img, layout.paths, r, run.colour, layout.frame, { radius: 1.5, tolerance: 24 });
      expect(checked, run.label).toBeGreaterThanOrEqual(4);
      expect(share, run.label).toBeGreaterThan(0.9);
    });
    // The same check finds nothing on the picture drawn without the paths.
    const bare = decode(await svgToPng(contourPlot(paraboloid, runs, { ...options, paths: false })));
    layout.runs.forEach((run, r) => {
      expect(shareDrawn(bare, layout.paths, r, run.colour, layout.frame, { radius: 1.5, tolerance: 24 }).share, run.label).toBeLessThan(0.2);
    });
  });

  it('svgToPng renders text with the bundled font, the same on every machine', async () => {
    const svg = contourPlot(paraboloid, [], { ...options, title: 'WWWWWWWWWW' });
    const img = decode(await svgToPng(svg));
    const titleBand = { left: 0, right: 640, top: 0, bottom: 30 };
    expect(countColour(img, '#222222', titleBand) + countColour(img, '#232323', titleBand)).toBeGreaterThan(40);
    const again = await svgToPng(svg);
    expect(Buffer.from(again).equals(Buffer.from(await svgToPng(svg)))).toBe(true);
  });

  it('rasterize(svg, { scale: 2 }) doubles the pixels', async () => {
    const raster = await rasterize(contourPlot(paraboloid, [], { width: 200, height: 150, resolution: 20 }), { scale: 2 });
    expect([raster.width, raster.height, raster.pixels.length]).toEqual([400, 300, 400 * 300 * 4]);
    await expect(rasterize('<svg/>', { scale: 0 })).rejects.toThrow('scale must be a number > 0, got 0');
  });
});
