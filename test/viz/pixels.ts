/** Reading decoded pictures in tests: a pixel's colour, colours near a point, distance to other runs' paths. */
import { hexToRgb } from '../../src/viz/palette.js';
import type { Path } from '../../src/viz/trajectory.js';

export interface Pixels {
  width: number;
  height: number;
  /** RGBA, row-major. */
  data: Uint8Array;
}

export function rgbAt(img: Pixels, x: number, y: number): [number, number, number] {
  const k = 4 * (Math.floor(y) * img.width + Math.floor(x));
  return [img.data[k], img.data[k + 1], img.data[k + 2]];
}

/** Whether some pixel within `radius` of (x, y) is within `tolerance` (per channel) of the colour. */
export function colourNear(img: Pixels, x: number, y: number, hex: string, radius = 2, tolerance = 0): boolean {
  const [r, g, b] = hexToRgb(hex);
  for (let j = Math.floor(y - radius); j <= Math.ceil(y + radius); j++) {
    for (let i = Math.floor(x - radius); i <= Math.ceil(x + radius); i++) {
      if (i < 0 || j < 0 || i >= img.width || j >= img.height) continue;
      const [pr, pg, pb] = rgbAt(img, i, j);
      if (Math.abs(pr - r) <= tolerance && Math.abs(pg - g) <= tolerance && Math.abs(pb - b) <= tolerance) return true;
    }
  }
  return false;
}

/** How many pixels have exactly this colour inside the box [x0, x1) × [y0, y1). */
export function countColour(img: Pixels, hex: string, box: { left: number; right: number; top: number; bottom: number }): number {
  const [r, g, b] = hexToRgb(hex);
  let n = 0;
  for (let j = Math.ceil(box.top); j < Math.floor(box.bottom); j++) {
    for (let i = Math.ceil(box.left); i < Math.floor(box.right); i++) {
      const [pr, pg, pb] = rgbAt(img, i, j);
      if (pr === r && pg === g && pb === b) n++;
    }
  }
  return n;
}

function segmentDistance(px: number, py: number, x0: number, y0: number, x1: number, y1: number): number {
  const dx = x1 - x0;
  const dy = y1 - y0;
  const l2 = dx * dx + dy * dy;
  const t = l2 > 0 ? Math.min(1, Math.max(0, ((px - x0) * dx + (py - y0) * dy) / l2)) : 0;
  return Math.hypot(px - x0 - t * dx, py - y0 - t * dy);
}

/** The distance from a point to the nearest segment of any of the paths. */
export function distanceToPaths(x: number, y: number, paths: readonly Path[]): number {
  let best = Infinity;
  for (const p of paths) {
    if (p.x.length === 1) best = Math.min(best, Math.hypot(x - p.x[0], y - p.y[0]));
    for (let k = 0; k + 1 < p.x.length; k++) best = Math.min(best, segmentDistance(x, y, p.x[k], p.y[k], p.x[k + 1], p.y[k + 1]));
  }
  return best;
}

/**
 * The share of a run's points, among those that no other run covers (the line of a run drawn later, or with
 * `covering: 'others'` of any other run, within `clearance` pixels; any other run's end dot within `headClearance`) and that lie inside the plot area, which have the run's colour within `radius`
 * pixels; and how many points were checked.
 */
export function shareDrawn(img: Pixels, paths: readonly Path[], r: number, colour: string, area: { left: number; right: number; top: number; bottom: number }, options: { radius?: number; tolerance?: number; clearance?: number; headClearance?: number; covering?: 'later' | 'others' } = {}): { share: number; checked: number } {
  const { radius = 2, tolerance = 0, clearance = 5, headClearance = 7, covering = 'later' } = options;
  const later = covering === 'later' ? paths.slice(r + 1) : paths.filter((_, i) => i !== r);
  // End dots are drawn over every line, so any other run's end dot may cover this run.
  const heads = paths.filter((p, i) => i !== r && p.x.length > 0).map((p) => ({ x: p.x.subarray(-1), y: p.y.subarray(-1) }));
  const path = paths[r];
  let checked = 0;
  let drawn = 0;
  for (let k = 0; k < path.x.length; k++) {
    const [x, y] = [path.x[k], path.y[k]];
    if (x < area.left + 3 || x > area.right - 3 || y < area.top + 3 || y > area.bottom - 3) continue;
    if (distanceToPaths(x, y, later) < clearance || distanceToPaths(x, y, heads) < headClearance) continue;
    checked++;
    if (colourNear(img, x, y, colour, radius, tolerance)) drawn++;
  }
  return { share: checked === 0 ? 0 : drawn / checked, checked };
}
