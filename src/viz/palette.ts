/**
 * Colours. Runs take the Okabe–Ito palette (Okabe & Ito, "Color Universal Design", 2008), the usual
 * colour-blind-safe categorical set, in a fixed order so a picture and a test agree on which run is which colour.
 * Its black and yellow come last: black is taken by the markers and text, and yellow is faint on white.
 * Everything that is not a run (contour lines, axes, text, markers) is grey or black, so a chromatic pixel in a
 * picture belongs to a run.
 */

export const RUN_COLOURS = ['#D55E00', '#0072B2', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#F0E442', '#000000'] as const;

/** The colour of the i-th run; runs past the eighth repeat the palette. */
export function runColour(i: number): string {
  return RUN_COLOURS[i % RUN_COLOURS.length];
}

/** Axes, text, the minima and start markers. */
export const INK = '#222222';
/** Grid lines and frames. */
export const FAINT = '#dddddd';
/** Where the function is not finite (outside its domain). */
export const UNDEFINED_FILL = '#eeeeee';

/** `#rrggbb` as [r, g, b] in 0…255. */
export function hexToRgb(hex: string): [number, number, number] {
  const m = /^#([0-9a-f]{6})$/i.exec(hex);
  if (!m) throw new Error(`palette: expected a colour as #rrggbb, got ${JSON.stringify(hex)}`);
  const v = parseInt(m[1], 16);
  return [(v >> 16) & 255, (v >> 8) & 255, v & 255];
}

/**
 * The grey of the k-th of n contour levels: dark near the minimum, light far from it, so the eye finds the basin
 * (the notebook's 'winter' colour map does the same in blue-green; grey keeps colour for the runs).
 */
export function levelGrey(k: number, n: number): string {
  const t = n <= 1 ? 0 : k / (n - 1);
  const g = Math.round(0x55 + t * (0xc4 - 0x55));
  const h = g.toString(16).padStart(2, '0');
  return `#${h}${h}${h}`;
}
