/**
 * The point marks and the legend. Each kind of mark has one meaning in every picture: a black star is a known
 * minimum, a white disc ringed in black a start point, a dot in a run's colour where the run ended, and a cross in
 * a run's colour where it diverged (its last finite point).
 */
import { symbol, symbolStar } from 'd3-shape';
import { SWATCH, type Frame } from './layout.js';
import { INK } from './palette.js';
import { el, num, text } from './svg.js';

const star = symbol(symbolStar, 110).digits(2);

export function minimumMark(x: number, y: number): string {
  return el('path', { d: star() ?? '', transform: `translate(${num(x)},${num(y)})`, fill: INK, stroke: '#ffffff', 'stroke-width': 0.75 });
}

export function startMark(x: number, y: number): string {
  return el('circle', { cx: x, cy: y, r: 4.5, fill: '#ffffff', stroke: INK, 'stroke-width': 1.5 });
}

export function endMark(x: number, y: number, colour: string): string {
  return el('circle', { cx: x, cy: y, r: 3.5, fill: colour });
}

export function divergedMark(x: number, y: number, colour: string): string {
  const d = `M${num(x - 4.5)},${num(y - 4.5)}L${num(x + 4.5)},${num(y + 4.5)}M${num(x - 4.5)},${num(y + 4.5)}L${num(x + 4.5)},${num(y - 4.5)}`;
  return el('path', { d, stroke: colour, 'stroke-width': 2.5, fill: 'none' });
}

export type LegendSwatch = 'line' | 'minimum' | 'start' | 'square' | 'cross';

export interface LegendItem {
  label: string;
  kind: LegendSwatch;
  colour?: string;
}

/** The legend, where the frame placed it: a column right of the plot area, or rows under it. */
export function legend(f: Frame, items: readonly LegendItem[]): string {
  if (items.length === 0) return '';
  const parts = items.map((item, k) => {
    const [x, y] = f.legend[k];
    const cx = x + SWATCH / 2 - 3;
    const colour = item.colour ?? INK;
    const swatch =
      item.kind === 'line'
        ? el('line', { x1: x, x2: x + SWATCH - 6, y1: y, y2: y, stroke: colour, 'stroke-width': 2.5 })
        : item.kind === 'minimum'
          ? minimumMark(cx, y)
          : item.kind === 'start'
            ? startMark(cx, y)
            : item.kind === 'cross'
              ? divergedMark(cx, y, colour)
              : el('rect', { x: cx - 6, y: y - 6, width: 12, height: 12, fill: colour });
    return swatch + text(x + SWATCH, y + 4, item.label, { fill: INK });
  });
  return el('g', { class: 'legend' }, ...parts);
}
