/**
 * The seed notebook's animation: runs drawn step by step over the contour map of f, one optimizer or several
 * racing from one start. The static picture is the contour plot without its paths, rasterised once; the paths are
 * then drawn on its pixels frame by frame (gif.ts). In Node the rasteriser is resvg; a browser passes its own
 * (a canvas drawing the SVG), which is why it is a parameter.
 */
import { contourLayout, contourPlot, type ContourPlotOptions } from './contour-plot.js';
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

/** An animated GIF of the runs' trajectories over f's contour map; 600 × 480 by default. */
export async function trajectoryGif(f: Surface, runs: readonly Run[], options: TrajectoryGifOptions = {}): Promise<Uint8Array> {
  const { rasterize = resvgRasterize, fps, holdMs, maxFrames, lineWidth, headRadius, ...plotOptions } = options;
  const plot = { width: 600, height: 480, ...plotOptions, paths: false };
  const layout = contourLayout(f, runs, plot);
  const background = await rasterize(contourPlot(f, runs, plot));
  if (background.width !== layout.frame.width || background.height !== layout.frame.height) {
    throw new Error(`gif: the rasteriser gave ${background.width}×${background.height} pixels for a ${layout.frame.width}×${layout.frame.height} picture`);
  }
  // Every step, not the decimated paths of the static plot: frame k shows step k.
  const animated: AnimatedRun[] = layout.runs.map((run) => ({ colour: run.colour, path: project(pathOf(run.trace), layout.sx, layout.sy) }));
  const gif: GifOptions = {};
  if (fps !== undefined) gif.fps = fps;
  if (holdMs !== undefined) gif.holdMs = holdMs;
  if (maxFrames !== undefined) gif.maxFrames = maxFrames;
  if (lineWidth !== undefined) gif.lineWidth = lineWidth;
  if (headRadius !== undefined) gif.headRadius = headRadius;
  return encodeRaceGif(background, animated, layout.frame, gif);
}
