/**
 * Axes, ticks and the title: the frame every picture shares. Ticks come from the d3 scales (d3-scale's `ticks`),
 * so they are the round numbers a reader expects and the same on every machine.
 */
import { format } from 'd3-format';
import type { Frame, Scale, ScaleType } from './layout.js';
import { TITLE_HEIGHT } from './layout.js';
import { FAINT, INK } from './palette.js';
import { el, num, text } from './svg.js';

const TICK = 5;
const plain = format('~g');
const exponent = format('.0e');

/**
 * A log axis labels its values plainly between 10⁻³ and 10⁴ (0.01, 100) and in exponent form outside (1e-8):
 * d3's default "s" format writes 1e-6 as "1µ", which reads as a unit, not a loss.
 */
export function formatLogTick(v: number): string {
  return v >= 1e-3 && v < 1e4 ? plain(v) : exponent(v);
}

export interface AxisSpec {
  scale: Scale;
  type: ScaleType;
  label?: string;
}

function ticksOf(spec: AxisSpec, pixels: number, spacing: number): Array<{ value: number; label: string }> {
  const count = Math.max(2, Math.floor(pixels / spacing));
  const values = spec.scale.ticks(count);
  if (spec.type === 'log') {
    // d3's log tickFormat blanks the labels of crowded minor ticks; the function replaces its number format.
    const show = spec.scale.tickFormat(count, formatLogTick as unknown as string);
    return values.map((value) => ({ value, label: show(value) }));
  }
  const show = spec.scale.tickFormat(count);
  return values.map((value) => ({ value, label: show(value) }));
}

/** The x axis along the bottom of the frame, with optional vertical grid lines. */
export function bottomAxis(f: Frame, spec: AxisSpec, grid = false): string {
  const parts: string[] = [];
  for (const { value, label } of ticksOf(spec, f.right - f.left, 80)) {
    const x = spec.scale(value);
    if (grid) parts.push(el('line', { x1: x, x2: x, y1: f.top, y2: f.bottom, stroke: FAINT }));
    parts.push(el('line', { x1: x, x2: x, y1: f.bottom, y2: f.bottom + TICK, stroke: INK }));
    if (label !== '') parts.push(text(x, f.bottom + TICK + 12, label, { 'text-anchor': 'middle', fill: INK, 'font-size': 11 }));
  }
  if (spec.label) {
    parts.push(text((f.left + f.right) / 2, f.bottom + 36, spec.label, { 'text-anchor': 'middle', fill: INK }));
  }
  return el('g', { class: 'axis-x' }, ...parts);
}

/** The y axis along the left of the frame, with optional horizontal grid lines. */
export function leftAxis(f: Frame, spec: AxisSpec, grid = false): string {
  const parts: string[] = [];
  for (const { value, label } of ticksOf(spec, f.bottom - f.top, 50)) {
    const y = spec.scale(value);
    if (grid) parts.push(el('line', { x1: f.left, x2: f.right, y1: y, y2: y, stroke: FAINT }));
    parts.push(el('line', { x1: f.left - TICK, x2: f.left, y1: y, y2: y, stroke: INK }));
    if (label !== '') parts.push(text(f.left - TICK - 3, y + 4, label, { 'text-anchor': 'end', fill: INK, 'font-size': 11 }));
  }
  if (spec.label) {
    const cx = 14;
    const cy = (f.top + f.bottom) / 2;
    parts.push(text(cx, cy, spec.label, { 'text-anchor': 'middle', fill: INK, transform: `rotate(-90 ${num(cx)} ${num(cy)})` }));
  }
  return el('g', { class: 'axis-y' }, ...parts);
}

/** The outline of the plot area. */
export function plotBorder(f: Frame): string {
  return el('rect', { x: f.left, y: f.top, width: f.right - f.left, height: f.bottom - f.top, fill: 'none', stroke: INK, 'stroke-width': 1 });
}

/** The title, centred over the plot area. */
export function title(f: Frame, content: string): string {
  if (content === '') return '';
  return text((f.left + f.right) / 2, TITLE_HEIGHT - 12, content, { 'text-anchor': 'middle', 'font-size': 14, 'font-weight': 'bold', fill: INK });
}

/** A clip path to the plot area, for marks that may leave it (paths wandering out of the domain). */
export function clipDef(f: Frame, id: string): string {
  return el('defs', {}, el('clipPath', { id }, el('rect', { x: f.left, y: f.top, width: f.right - f.left, height: f.bottom - f.top })));
}
