/**
 * Reading what a page drew: a canvas's own pixels (copied onto a scratch canvas, so 2D and WebGL canvases alike and
 * the page's context untouched) or any element as composited on screen (an SVG chart, a canvas under an overlay),
 * and checks on them: the colour of a pixel, how many pixels have a colour, and whether a colour runs along a path.
 * Colours match within a tolerance (largest channel difference) because antialiasing blends edges.
 */
import type { Page } from 'playwright-core';
import { PNG } from 'pngjs';

export type RGB = readonly [number, number, number];

/** RGBA pixels, row-major, `width` × `height`; `scale` is pixels per CSS pixel. */
export interface Pixels {
  width: number;
  height: number;
  data: Uint8Array;
  scale: number;
}

// Runs in the page: draws the canvas onto a fresh 2D canvas and returns its RGBA bytes as base64 (fast to transfer).
const READ_CANVAS = `(selector) => {
  const canvas = document.querySelector(selector);
  if (!(canvas instanceof HTMLCanvasElement)) throw new Error('readCanvas: no <canvas> matches ' + selector);
  if (canvas.width === 0 || canvas.height === 0) throw new Error('readCanvas: ' + selector + ' has size 0');
  const scratch = document.createElement('canvas');
  scratch.width = canvas.width;
  scratch.height = canvas.height;
  const ctx = scratch.getContext('2d');
  ctx.drawImage(canvas, 0, 0);
  const bytes = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
  let text = '';
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
  const cssWidth = canvas.getBoundingClientRect().width || canvas.width;
  return { width: canvas.width, height: canvas.height, base64: btoa(text), scale: canvas.width / cssWidth };
}`;

/** The pixels of the canvas matching `selector`, in the canvas's own resolution. */
export async function readCanvas(page: Page, selector: string): Promise<Pixels> {
  const got = (await page.evaluate(`(${READ_CANVAS})(${JSON.stringify(selector)})`)) as {
    width: number;
    height: number;
    base64: string;
    scale: number;
  };
  return { width: got.width, height: got.height, data: new Uint8Array(Buffer.from(got.base64, 'base64')), scale: got.scale };
}

/** The element matching `selector` as it appears on screen (a PNG screenshot, decoded). */
export async function readElement(page: Page, selector: string): Promise<Pixels> {
  const png = PNG.sync.read(await page.locator(selector).first().screenshot());
  return { width: png.width, height: png.height, data: new Uint8Array(png.data.buffer, png.data.byteOffset, png.data.length), scale: 1 };
}

/** `#rgb`, `#rrggbb` or `rgb(r, g, b)` to a triple. */
export function parseColour(colour: string | RGB): RGB {
  if (typeof colour !== 'string') return colour;
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(colour.trim());
  if (hex) {
    const h = hex[1]!.length === 3 ? [...hex[1]!].map((c) => c + c).join('') : hex[1]!;
    return [parseInt(h.slice(0, 2), 16), parseInt(h.slice(2, 4), 16), parseInt(h.slice(4, 6), 16)];
  }
  const rgb = /^rgba?\(\s*(\d+)\s*,\s*(\d+)\s*,\s*(\d+)/i.exec(colour.trim());
  if (rgb) return [Number(rgb[1]), Number(rgb[2]), Number(rgb[3])];
  throw new Error(`parseColour: cannot read the colour ${JSON.stringify(colour)}`);
}

/** [r, g, b, a] at (x, y), in the picture's pixels; throws outside it. */
export function pixelAt(p: Pixels, x: number, y: number): [number, number, number, number] {
  const i = Math.round(x);
  const j = Math.round(y);
  if (i < 0 || j < 0 || i >= p.width || j >= p.height) throw new Error(`pixelAt: (${x}, ${y}) is outside ${p.width}×${p.height}`);
  const k = (j * p.width + i) * 4;
  return [p.data[k]!, p.data[k + 1]!, p.data[k + 2]!, p.data[k + 3]!];
}

/** Whether the opaque-enough pixel (x, y) has `colour`, within `tolerance` on every channel. */
export function matches(p: Pixels, x: number, y: number, colour: string | RGB, tolerance = 40): boolean {
  const [r, g, b, a] = pixelAt(p, x, y);
  const c = parseColour(colour);
  return a > 127 && Math.abs(r - c[0]) <= tolerance && Math.abs(g - c[1]) <= tolerance && Math.abs(b - c[2]) <= tolerance;
}

/** How many pixels have `colour`. */
export function countColour(p: Pixels, colour: string | RGB, tolerance = 40): number {
  let n = 0;
  for (let j = 0; j < p.height; j++) for (let i = 0; i < p.width; i++) if (matches(p, i, j, colour, tolerance)) n++;
  return n;
}

/**
 * The fraction of points along the polyline `path` (sampled every `step` pixels) that have `colour` within
 * `radius` pixels: near 1 when a line of that colour is drawn along the path, near 0 when it is not.
 */
export function colourAlong(
  p: Pixels,
  path: ReadonlyArray<readonly [number, number]>,
  colour: string | RGB,
  { tolerance = 40, radius = 2, step = 2 }: { tolerance?: number; radius?: number; step?: number } = {},
): number {
  let hits = 0;
  let total = 0;
  const near = (x: number, y: number): boolean => {
    for (let dy = -radius; dy <= radius; dy++) {
      for (let dx = -radius; dx <= radius; dx++) {
        const i = Math.round(x + dx);
        const j = Math.round(y + dy);
        if (i >= 0 && j >= 0 && i < p.width && j < p.height && matches(p, i, j, colour, tolerance)) return true;
      }
    }
    return false;
  };
  for (let s = 0; s + 1 < path.length; s++) {
    const [x0, y0] = path[s]!;
    const [x1, y1] = path[s + 1]!;
    const n = Math.max(1, Math.ceil(Math.hypot(x1 - x0, y1 - y0) / step));
    for (let k = s === 0 ? 0 : 1; k <= n; k++) {
      total++;
      if (near(x0 + ((x1 - x0) * k) / n, y0 + ((y1 - y0) * k) / n)) hits++;
    }
  }
  if (total === 0) throw new Error('colourAlong: the path needs at least two points');
  return hits / total;
}
