/**
 * Animated trajectories, as the seed notebook saves them (matplotlib's FuncAnimation at 10 fps): one frame per
 * step, each run's path growing from the start with a dot at its current point, the last frame held.
 *
 * How it stays small and fast (gifenc: pure JS, runs in a browser too):
 * - the static picture (contours, axes, legend, markers) is rasterised once by the caller; its colours are
 *   quantised once into a global palette, to which the runs' exact colours and a transparent entry are added;
 * - each frame is drawn on palette indices (draw.ts), never as RGBA, so nothing is quantised per frame;
 * - every frame after the first stores only the rectangle it may have changed, placed over the previous frame
 *   (disposal 1 keeps that), with the unchanged pixels inside it set to the transparent index; so a frame that adds
 *   a few segments costs a few hundred bytes and LZW-codes a few thousand pixels, not 288 000.
 * Measured for 6 runs × 100 steps at 600 × 480 (the frames alone, after the background): full frames make 2.2 MB
 * at ~3 ms a frame; whole-frame deltas 120 KB, still ~2.5 ms a frame (LZW walks every pixel); cropped deltas, as
 * here, 50 KB at ~0.5 ms a frame (`npm run bench -- viz`).
 */
import * as gifencModule from 'gifenc';
import type { Palette } from 'gifenc';
import { drawDisc, drawSegment, type Clip, type IndexedImage } from './draw.js';
import { hexToRgb } from './palette.js';
import type { Raster } from './raster.js';
import type { Path } from './trajectory.js';

type Gifenc = Pick<typeof gifencModule, 'GIFEncoder' | 'quantize' | 'applyPalette'>;
// Bundlers load gifenc's ESM build (named exports), Node its CommonJS build (everything on the default export).
const gifenc: Gifenc = typeof gifencModule.quantize === 'function' ? gifencModule : (gifencModule.default as Gifenc);

export interface AnimatedRun {
  /** `#rrggbb`. */
  colour: string;
  /** The trajectory in pixels, one point per step, the start first. */
  path: Path;
}

export interface GifOptions {
  /** Frames per second (default 10, as the notebook). */
  fps?: number;
  /** How long the last frame stays, in milliseconds (default 2000). */
  holdMs?: number;
  /** Most frames; longer runs are sampled evenly, the last step always shown (default 201). */
  maxFrames?: number;
  /** Width of the paths in pixels (default 3). */
  lineWidth?: number;
  /** Radius of the dot at each run's current point (default 4). */
  headRadius?: number;
}

/** The step each frame shows: 0 … steps, evenly, at most maxFrames of them. */
export function frameSteps(steps: number, maxFrames: number): number[] {
  const frames = Math.max(1, Math.min(steps + 1, maxFrames));
  if (frames === 1) return [steps];
  return Array.from({ length: frames }, (_, k) => Math.round((k * steps) / (frames - 1)));
}

function checkOptions(o: Required<GifOptions>): void {
  if (!(o.fps > 0 && o.fps <= 100)) throw new Error(`gif: fps must be in (0, 100], got ${o.fps}`);
  if (!(o.holdMs >= 0)) throw new Error(`gif: holdMs must be >= 0, got ${o.holdMs}`);
  if (!(Number.isInteger(o.maxFrames) && o.maxFrames >= 2)) throw new Error(`gif: maxFrames must be an integer >= 2, got ${o.maxFrames}`);
  if (!(o.lineWidth > 0) || !(o.headRadius >= 0)) throw new Error(`gif: lineWidth must be > 0 and headRadius >= 0`);
}

/** The background's own colours, the runs' colours, then the transparent entry, and the background indexed. */
function buildPalette(background: Raster, colours: readonly string[]): { palette: Palette; index: Uint8Array; runIndex: number[]; transparent: number } {
  const distinct = [...new Set(colours)];
  // A fresh buffer: gifenc reads the pixels through a Uint32Array view of the whole underlying buffer.
  const rgba = new Uint8Array(background.pixels);
  const palette = gifenc.quantize(rgba, 255 - distinct.length, { format: 'rgb565' });
  palette.push(...distinct.map(hexToRgb));
  const index = gifenc.applyPalette(rgba, palette, 'rgb565');
  const runIndex = colours.map((c) => palette.length - distinct.length + distinct.indexOf(c));
  const transparent = palette.length;
  palette.push([255, 0, 255]);
  return { palette, index, runIndex, transparent };
}

interface Rect {
  left: number;
  top: number;
  width: number;
  height: number;
}

/**
 * The rectangle a frame may have changed: the boxes of what it drew (new segments, the dots at the current points)
 * and of the previous frame's dots, which it erased. Tracking it while drawing is cheaper than comparing the frames
 * (a third of a million bytes a frame); inside it, the frames are still compared pixel by pixel.
 */
class Dirty {
  left = Infinity;
  top = Infinity;
  right = -Infinity;
  bottom = -Infinity;

  add(x0: number, y0: number, x1: number, y1: number, radius: number): void {
    this.left = Math.min(this.left, Math.min(x0, x1) - radius);
    this.right = Math.max(this.right, Math.max(x0, x1) + radius);
    this.top = Math.min(this.top, Math.min(y0, y1) - radius);
    this.bottom = Math.max(this.bottom, Math.max(y0, y1) + radius);
  }

  /** In whole pixels, inside the clip and the image; null when empty. */
  rect(clip: Clip, width: number, height: number): Rect | null {
    const left = Math.max(0, Math.floor(clip.left), Math.floor(this.left));
    const top = Math.max(0, Math.floor(clip.top), Math.floor(this.top));
    const right = Math.min(width, Math.ceil(clip.right), Math.ceil(this.right) + 1);
    const bottom = Math.min(height, Math.ceil(clip.bottom), Math.ceil(this.bottom) + 1);
    return right > left && bottom > top ? { left, top, width: right - left, height: bottom - top } : null;
  }
}

/**
 * gifenc writes every frame at (0, 0). A frame that covers a smaller rectangle is written at the rectangle's size,
 * then moved there by setting the left and top fields of its image descriptor (GIF89a, section 20), which comes
 * right after the 8-byte graphic control extension that writeFrame starts a frame with.
 */
function placeFrame(encoder: { bytesView(): Uint8Array }, start: number, left: number, top: number): void {
  const bytes = encoder.bytesView();
  if (bytes[start] !== 0x21 || bytes[start + 1] !== 0xf9 || bytes[start + 8] !== 0x2c) {
    throw new Error('gif: gifenc wrote a frame in an unexpected layout');
  }
  bytes[start + 9] = left & 0xff;
  bytes[start + 10] = left >> 8;
  bytes[start + 11] = top & 0xff;
  bytes[start + 12] = top >> 8;
}

/**
 * Encodes the runs racing over a rasterised background. `clip` is the plot area in pixels: paths are drawn only
 * inside it, as the SVG clips them.
 */
export function encodeRaceGif(background: Raster, runs: readonly AnimatedRun[], clip: Clip, options: GifOptions = {}): Uint8Array {
  const o: Required<GifOptions> = { fps: 10, holdMs: 2000, maxFrames: 201, lineWidth: 3, headRadius: 4, ...options };
  checkOptions(o);
  const { width, height } = background;
  if (background.pixels.length !== width * height * 4) throw new Error(`gif: the background has ${background.pixels.length} bytes, expected ${width}×${height}×4`);
  const { palette, index, runIndex, transparent } = buildPalette(background, runs.map((r) => r.colour));
  const trail: IndexedImage = { width, height, index: index.slice() };
  const frame: IndexedImage = { width, height, index: new Uint8Array(index.length) };
  const previous = new Uint8Array(index.length);
  const drawn = runs.map(() => 0);
  const steps = Math.max(0, ...runs.map((r) => r.path.x.length - 1));
  const schedule = frameSteps(steps, o.maxFrames);
  const encoder = gifenc.GIFEncoder();
  const radius = o.lineWidth / 2;

  let dirty = new Dirty();
  schedule.forEach((step, k) => {
    runs.forEach((run, r) => {
      const { x, y } = run.path;
      const upTo = Math.min(step, x.length - 1);
      for (let s = drawn[r]; s < upTo; s++) {
        drawSegment(trail, x[s], y[s], x[s + 1], y[s + 1], radius, runIndex[r], clip);
        dirty.add(x[s], y[s], x[s + 1], y[s + 1], radius + 1);
      }
      drawn[r] = Math.max(drawn[r], upTo);
    });
    frame.index.set(trail.index);
    const heads = new Dirty();
    runs.forEach((run, r) => {
      const s = drawn[r];
      if (run.path.x.length === 0 || o.headRadius <= 0) return;
      drawDisc(frame, run.path.x[s], run.path.y[s], o.headRadius, runIndex[r], clip);
      heads.add(run.path.x[s], run.path.y[s], run.path.x[s], run.path.y[s], o.headRadius + 1);
      dirty.add(run.path.x[s], run.path.y[s], run.path.x[s], run.path.y[s], o.headRadius + 1);
    });
    const last = k === schedule.length - 1;
    const delay = last ? Math.max(o.holdMs, 1000 / o.fps) : 1000 / o.fps;
    if (k === 0) {
      encoder.writeFrame(frame.index, width, height, { palette, delay, repeat: 0, dispose: 1 });
    } else {
      // A frame where nothing moved still needs its delay: one transparent pixel.
      const rect = dirty.rect(clip, width, height) ?? { left: 0, top: 0, width: 1, height: 1 };
      const delta = new Uint8Array(rect.width * rect.height);
      for (let j = 0; j < rect.height; j++) {
        const row = (rect.top + j) * width + rect.left;
        for (let i = 0; i < rect.width; i++) {
          const v = frame.index[row + i];
          delta[j * rect.width + i] = v === previous[row + i] ? transparent : v;
        }
      }
      const start = encoder.bytesView().length;
      encoder.writeFrame(delta, rect.width, rect.height, { delay, transparent: true, transparentIndex: transparent, dispose: 1 });
      placeFrame(encoder, start, rect.left, rect.top);
    }
    previous.set(frame.index);
    // The next frame erases these dots: their boxes start its dirty rectangle.
    dirty = heads;
  });
  encoder.finish();
  return encoder.bytes();
}
