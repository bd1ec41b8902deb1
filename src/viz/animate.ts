/**
 * The seed notebook's animation: runs drawn step by step over a static picture, one optimizer or several racing
 * from one start. The static picture (the contour plot of a 2-D f, or the curve of a 1-D f) is drawn without its
 * paths and rasterised once; the paths are then drawn on its pixels frame by frame (gif.ts). In Node the
 * rasteriser is resvg; a browser passes its own (a canvas drawing the SVG), which is why it is a parameter.
 */
import { contourLayout, contourPlot, type ContourPlotOptions } from './contour-plot.js';
import type { Clip } from './draw.js';
import { encodeRaceGif, type AnimatedRun, type GifOptions } from './gif.js';
import type { Surface } from './grid.js';
import { rasterize as resvgRasterize, type Raster } from './raster.js';
import type { Run } from './runs.js';
import { pathOf, project } from './trajectory.js';

export type Rasterizer = (svg: string) => Promise<Raster>;

export interface TrajectoryGifOptions extends Omit<ContourPlotOptions, 'paths'>, GifOptions {
  /** SVG to pixels; default resvg (Node only). */
  rasterize?: Rasterizer;
}

/** The GIF's own options out of a picture's options (those left undefined keep gif.ts's defaults). */
export function gifOptionsOf(options: GifOptions): GifOptions {
  const gif: GifOptions = {};
  if (options.fps !== undefined) gif.fps = options.fps;
  if (options.holdMs !== undefined) gif.holdMs = options.holdMs;
  if (options.maxFrames !== undefined) gif.maxFrames = options.maxFrames;
  if (options.lineWidth !== undefined) gif.lineWidth = options.lineWidth;
  if (options.headRadius !== undefined) gif.headRadius = options.headRadius;
  return gif;
}

/**
 * Races the runs over a static picture: `background` is its SVG (drawn without paths), `frame` its size and plot
 * area in pixels, `runs` every step of each run already in pixels. Shared by every animated picture.
 */
export async function raceOver(
  background: string,
  frame: Clip & { width: number; height: number },
  runs: readonly AnimatedRun[],
  options: GifOptions & { rasterize?: Rasterizer } = {},
): Promise<Uint8Array> {
  const raster = await (options.rasterize ?? resvgRasterize)(background);
  if (raster.width !== frame.width || raster.height !== frame.height) {
    throw new Error(`gif: the rasteriser gave ${raster.width}×${raster.height} pixels for a ${frame.width}×${frame.height} picture`);
  }
  return encodeRaceGif(raster, runs, frame, gifOptionsOf(options));
}

/** An animated GIF of the runs' trajectories over f's contour map; 600 × 480 by default. */
export async function trajectoryGif(f: Surface, runs: readonly Run[], options: TrajectoryGifOptions = {}): Promise<Uint8Array> {
  const { rasterize, fps, holdMs, maxFrames, lineWidth, headRadius, ...plotOptions } = options;
  const plot = { width: 600, height: 480, ...plotOptions, paths: false };
  const layout = contourLayout(f, runs, plot);
  // Every step, not the decimated paths of the static plot: frame k shows step k.
  const animated: AnimatedRun[] = layout.runs.map((run) => ({ colour: run.colour, path: project(pathOf(run.trace), layout.sx, layout.sy) }));
  return raceOver(contourPlot(f, runs, plot), layout.frame, animated, { fps, holdMs, maxFrames, lineWidth, headRadius, ...(rasterize ? { rasterize } : {}) });
}
