/**
 * How a person moves around the map: drag to pan, wheel or the +/− buttons to zoom (about the pointer, or the
 * centre), click to set the start point, and from the keyboard (the map is focusable) arrows nudge the start,
 * Shift+arrows pan, + and − zoom. Everything ends in a new view or start, handed to the page, which redraws.
 */
import { MAP_SIZE, type MapView } from './map-view.js';

type View = Array<[number, number]>;

export interface MapHandlers {
  view(): View;
  start(): number[];
  setView(view: View): void;
  setStart(start: number[]): void;
}

/** A drag shorter than this many pixels is a click. */
const CLICK_SLOP = 4;

/** The view scaled by `factor` about the point `at` (per coordinate); factor < 1 zooms in. */
export function zoomView(view: View, factor: number, at: readonly number[]): View {
  return view.map(([lo, hi], d) => [at[d] + (lo - at[d]) * factor, at[d] + (hi - at[d]) * factor] as [number, number]);
}

function centre(view: View): number[] {
  return view.map(([lo, hi]) => (lo + hi) / 2);
}

function shift(view: View, by: readonly number[]): View {
  return view.map(([lo, hi], d) => [lo + by[d], hi + by[d]] as [number, number]);
}

/** Pointer position in map pixels, whatever size CSS draws the map at. */
function mapPixel(map: MapView, e: MouseEvent): [number, number] {
  const r = map.overlay.getBoundingClientRect();
  return [((e.clientX - r.left) * MAP_SIZE) / r.width, ((e.clientY - r.top) * MAP_SIZE) / r.height];
}

export function attachMapControls(map: MapView, h: MapHandlers, zoomIn: HTMLButtonElement, zoomOut: HTMLButtonElement): void {
  let drag: { px: number; py: number; view: View; moved: boolean; id: number } | null = null;
  const el = map.overlay;

  el.addEventListener('pointerdown', (e) => {
    const [px, py] = mapPixel(map, e);
    drag = { px, py, view: h.view(), moved: false, id: e.pointerId };
    el.setPointerCapture(e.pointerId);
  });
  el.addEventListener('pointermove', (e) => {
    const g = map.geometry;
    if (!drag || drag.id !== e.pointerId || !g) return;
    const [px, py] = mapPixel(map, e);
    if (!drag.moved && Math.hypot(px - drag.px, py - drag.py) < CLICK_SLOP) return;
    drag.moved = true;
    el.classList.add('panning');
    // The scales are linear and keep their pixel range, so a pixel offset is the same data offset anywhere.
    const dx = g.sx.invert(drag.px) - g.sx.invert(px);
    const dy = g.sy.invert(drag.py) - g.sy.invert(py);
    h.setView(shift(drag.view, g.dim === 2 ? [dx, dy] : [dx]));
  });
  const end = (e: PointerEvent) => {
    if (!drag || drag.id !== e.pointerId) return;
    const wasClick = !drag.moved;
    drag = null;
    el.classList.remove('panning');
    if (wasClick && e.type === 'pointerup') {
      const p = map.pointAt(...mapPixel(map, e));
      if (p) h.setStart(p.map((v) => Number(v.toPrecision(4))));
    }
  };
  el.addEventListener('pointerup', end);
  el.addEventListener('pointercancel', end);

  el.addEventListener(
    'wheel',
    (e) => {
      e.preventDefault();
      const p = map.pointAt(...mapPixel(map, e)) ?? centre(h.view());
      h.setView(zoomView(h.view(), Math.exp(Math.max(-1, Math.min(1, e.deltaY * 0.0015))), p));
    },
    { passive: false },
  );

  zoomIn.addEventListener('click', () => h.setView(zoomView(h.view(), 1 / 1.25, centre(h.view()))));
  zoomOut.addEventListener('click', () => h.setView(zoomView(h.view(), 1.25, centre(h.view()))));

  map.root.addEventListener('keydown', (e) => {
    const arrows: Record<string, [number, number]> = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, 1], ArrowDown: [0, -1] };
    const view = h.view();
    if (e.key === '+' || e.key === '=') h.setView(zoomView(view, 1 / 1.25, centre(view)));
    else if (e.key === '-') h.setView(zoomView(view, 1.25, centre(view)));
    else if (e.key in arrows) {
      const [ax, ay] = arrows[e.key];
      // One percent of the view per press (ten with Alt); Shift pans the view instead.
      const fraction = e.altKey ? 0.1 : 0.01;
      const delta = view.map(([lo, hi], d) => (d === 0 ? ax : ay) * fraction * (hi - lo));
      if (e.shiftKey) h.setView(shift(view, delta));
      else h.setStart(h.start().map((v, d) => Number((v + delta[d]).toPrecision(6))));
    } else return;
    e.preventDefault();
  });
}
