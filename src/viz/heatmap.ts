/**
 * The heat map of a sweep over two parameters (say learning rate × momentum): one cell per pair of swept values,
 * coloured by the metric on viridis (perceptually uniform, readable in grey and by colour-blind readers), on a log
 * scale when every value is positive, as losses are. Cells are bands, not a continuous axis, because a sweep's
 * values are a handful of chosen points. A run that diverged has no value: its cell is grey with a cross. The best
 * cell is outlined.
 */
import { format } from 'd3-format';
import { scaleLinear, scaleLog, scaleSequential, scaleSequentialLog } from 'd3-scale';
import { interpolateViridis } from 'd3-scale-chromatic';
import { formatLogTick, title as titleText } from './axes.js';
import { frame as makeFrame } from './layout.js';
import { INK, UNDEFINED_FILL } from './palette.js';
import { el, num, svgRoot, text } from './svg.js';

export interface HeatmapAxis {
  label: string;
  /** The swept values, in the order of the cells. */
  values: readonly number[];
}

export interface HeatmapOptions {
  x: HeatmapAxis;
  y: HeatmapAxis;
  /** z[j][i]: the metric at y.values[j] and x.values[i]; NaN or ±Infinity where the run diverged. */
  z: ReadonlyArray<ArrayLike<number>>;
  title?: string;
  /** Name of the metric (default `final loss`). */
  metric?: string;
  /** Default log when every finite value is > 0. */
  zType?: 'log' | 'linear';
  width?: number;
  height?: number;
  id?: string;
}

const BAR = 16;
const cellFormat = format('.2~e');
const plain = format('~g');

function label(v: number): string {
  return v !== 0 && (Math.abs(v) < 1e-3 || Math.abs(v) >= 1e4) ? formatLogTick(Math.abs(v)).replace(/^/, v < 0 ? '−' : '') : plain(v);
}

/** The heat map as an SVG document. */
export function heatmap(options: HeatmapOptions): string {
  const { x, y, z, width = 640, height = 480 } = options;
  if (z.length !== y.values.length || z.some((row) => row.length !== x.values.length)) {
    throw new Error(`heatmap: z must have ${y.values.length} rows of ${x.values.length} values`);
  }
  const f = makeFrame(width, height, []);
  const legendLeft = f.right - 70;
  const plotRight = legendLeft - 20;
  const finite = z.flatMap((row) => Array.from(row)).filter(Number.isFinite);
  const zType = options.zType ?? (finite.length > 0 && finite.every((v) => v > 0) ? 'log' : 'linear');
  let lo = finite.length ? Math.min(...finite) : 1;
  let hi = finite.length ? Math.max(...finite) : 10;
  if (lo === hi) [lo, hi] = zType === 'log' ? [lo / 2, hi * 2] : [lo - 1, hi + 1];
  const colour = zType === 'log' ? scaleSequentialLog(interpolateViridis).domain([lo, hi]) : scaleSequential(interpolateViridis).domain([lo, hi]);
  const cw = (plotRight - f.left) / x.values.length;
  const ch = (f.bottom - f.top) / y.values.length;
  const best = finite.length ? Math.min(...finite) : NaN;
  const parts: string[] = [];
  let outline = '';
  z.forEach((row, j) => {
    // Row 0 at the bottom, as on a y axis.
    const top = f.bottom - (j + 1) * ch;
    for (let i = 0; i < x.values.length; i++) {
      const v = row[i];
      const left = f.left + i * cw;
      const ok = Number.isFinite(v);
      parts.push(el('rect', { x: left, y: top, width: cw, height: ch, fill: ok ? colour(v) : UNDEFINED_FILL, stroke: '#ffffff', 'stroke-width': 1 }));
      const cx = left + cw / 2;
      const cy = top + ch / 2;
      if (!ok) {
        const r = Math.min(cw, ch) / 5;
        parts.push(el('path', { d: `M${num(cx - r)},${num(cy - r)}L${num(cx + r)},${num(cy + r)}M${num(cx - r)},${num(cy + r)}L${num(cx + r)},${num(cy - r)}`, stroke: INK, 'stroke-width': 1.5 }));
      } else if (cw >= 52 && ch >= 18) {
        const t = zType === 'log' ? Math.log(v / lo) / Math.log(hi / lo) : (v - lo) / (hi - lo);
        parts.push(text(cx, cy + 4, cellFormat(v), { 'text-anchor': 'middle', 'font-size': 10, fill: t < 0.6 ? '#ffffff' : INK }));
      }
      if (ok && v === best && outline === '') {
        // Black then white, so the outline shows on the darkest and the brightest cell alike.
        outline =
          el('rect', { x: left + 1.5, y: top + 1.5, width: cw - 3, height: ch - 3, fill: 'none', stroke: INK, 'stroke-width': 3 }) +
          el('rect', { x: left + 4, y: top + 4, width: cw - 8, height: ch - 8, fill: 'none', stroke: '#ffffff', 'stroke-width': 1.5 });
      }
    }
  });
  const every = (n: number, px: number): number => Math.max(1, Math.ceil(n / Math.max(1, Math.floor(px / 44))));
  const xTicks = x.values
    .map((v, i) => (i % every(x.values.length, plotRight - f.left) === 0 ? text(f.left + (i + 0.5) * cw, f.bottom + 16, label(v), { 'text-anchor': 'middle', 'font-size': 11, fill: INK }) : ''))
    .join('');
  const yTicks = y.values
    .map((v, j) => (j % every(y.values.length, (f.bottom - f.top) * 2) === 0 ? text(f.left - 6, f.bottom - (j + 0.5) * ch + 4, label(v), { 'text-anchor': 'end', 'font-size': 11, fill: INK }) : ''))
    .join('');
  const cy = (f.top + f.bottom) / 2;
  const axisLabels =
    text((f.left + plotRight) / 2, height - 6, x.label, { 'text-anchor': 'middle', fill: INK }) +
    text(14, cy, y.label, { 'text-anchor': 'middle', fill: INK, transform: `rotate(-90 14 ${num(cy)})` });
  return svgRoot(width, height, el('g', { class: 'cells' }, ...parts), outline, xTicks, yTicks, axisLabels, colourBar(options, colour, zType, lo, hi, legendLeft, f.top, f.bottom), titleText({ ...f, right: plotRight }, options.title ?? ''));
}

function colourBar(options: HeatmapOptions, colour: (v: number) => string, zType: 'log' | 'linear', lo: number, hi: number, left: number, top: number, bottom: number): string {
  const id = `${options.id ?? 'descent'}-colour-bar`;
  const stops = Array.from({ length: 11 }, (_, k) => {
    const t = k / 10;
    const v = zType === 'log' ? lo * (hi / lo) ** t : lo + t * (hi - lo);
    return el('stop', { offset: `${k * 10}%`, 'stop-color': colour(v) });
  });
  const scale = zType === 'log' ? scaleLog().domain([lo, hi]).range([bottom, top]) : scaleLinear().domain([lo, hi]).range([bottom, top]);
  const ticks = scale.ticks(5);
  const shown = zType === 'log' ? scale.tickFormat(5, formatLogTick as unknown as string) : scale.tickFormat(5);
  const tickMarks = ticks.map((v) => {
    const ty = scale(v);
    const content = shown(v);
    return el('line', { x1: left + BAR, x2: left + BAR + 4, y1: ty, y2: ty, stroke: INK }) + (content === '' ? '' : text(left + BAR + 6, ty + 4, content, { 'font-size': 10, fill: INK }));
  });
  return el(
    'g',
    { class: 'colour-bar' },
    el('defs', {}, el('linearGradient', { id, x1: '0', x2: '0', y1: '1', y2: '0' }, ...stops)),
    el('rect', { x: left, y: top, width: BAR, height: bottom - top, fill: `url(#${id})`, stroke: INK, 'stroke-width': 0.5 }),
    ...tickMarks,
    text(left, top - 6, options.metric ?? 'final loss', { 'font-size': 11, fill: INK }),
  );
}
