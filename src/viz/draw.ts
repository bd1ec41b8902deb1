/**
 * Drawing on palette-indexed pixels, for the GIF frames: thick line segments and discs, written as one palette
 * index. A segment is a capsule (the pixels whose centre lies within `radius` of the segment), which gives round
 * ends and joins without a separate join rule. No anti-aliasing: a GIF frame has one palette entry per pixel, and
 * the palette holds the runs' exact colours, so every drawn pixel is exactly its run's colour.
 *
 * Why not rasterise an SVG overlay per frame with resvg: about 7.5 ms a frame (600 × 480) for the render alone, then every
 * anti-aliased pixel must be mapped back to the palette; these loops draw a frame's new segments in microseconds.
 */

/** A palette-indexed image: one byte a pixel, row-major. */
export interface IndexedImage {
  width: number;
  height: number;
  index: Uint8Array;
}

/** The pixels that may be drawn: [left, right) × [top, bottom). */
export interface Clip {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

function bounds(img: IndexedImage, clip: Clip, lo: number, hi: number, axis: 'x' | 'y'): [number, number] {
  const min = Math.max(0, Math.floor(axis === 'x' ? clip.left : clip.top));
  const max = Math.min(axis === 'x' ? img.width : img.height, Math.ceil(axis === 'x' ? clip.right : clip.bottom));
  return [Math.max(min, Math.floor(lo)), Math.min(max, Math.ceil(hi))];
}

/** The segment (x0, y0)–(x1, y1) with the given radius, in pixel coordinates (pixel k spans [k, k + 1)). */
export function drawSegment(img: IndexedImage, x0: number, y0: number, x1: number, y1: number, radius: number, colour: number, clip: Clip): void {
  const [i0, i1] = bounds(img, clip, Math.min(x0, x1) - radius, Math.max(x0, x1) + radius, 'x');
  const [j0, j1] = bounds(img, clip, Math.min(y0, y1) - radius, Math.max(y0, y1) + radius, 'y');
  const dx = x1 - x0;
  const dy = y1 - y0;
  const length2 = dx * dx + dy * dy;
  const r2 = radius * radius;
  for (let j = j0; j < j1; j++) {
    const py = j + 0.5 - y0;
    const row = j * img.width;
    for (let i = i0; i < i1; i++) {
      const px = i + 0.5 - x0;
      // The closest point of the segment to the pixel centre is at parameter t ∈ [0, 1].
      const t = length2 > 0 ? Math.min(1, Math.max(0, (px * dx + py * dy) / length2)) : 0;
      const ex = px - t * dx;
      const ey = py - t * dy;
      if (ex * ex + ey * ey <= r2) img.index[row + i] = colour;
    }
  }
}

/** A filled disc. */
export function drawDisc(img: IndexedImage, cx: number, cy: number, radius: number, colour: number, clip: Clip): void {
  drawSegment(img, cx, cy, cx, cy, radius, colour, clip);
}
