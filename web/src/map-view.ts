/**
 * The map: the library's own picture of f (contourPlot for two variables, functionPlot for one) as an SVG layer
 * redrawn only when the function, view, start or racers change, and a canvas overlay on top where the trajectories
 * are drawn every animation frame. Splitting them keeps a frame cheap: six polylines and six dots on a cleared
 * canvas, never the contours. The overlay uses the picture's own layout (frame and scales), so a path lands on
 * exactly the pixels the library's static plot would draw it on.
 */
import { contourLayout, contourPlot, functionLayout, functionPlot, type Objective, type Run } from './lib.js';
import { lastStep, type RaceRun } from './race.js';
import type { PlaygroundState } from './state.js';

export const MAP_SIZE = 600;

type Scale = ((v: number) => number) & { invert(v: number): number };
export interface MapFrame {
  width: number;
  height: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

export interface MapGeometry {
  dim: 1 | 2;
  frame: MapFrame;
  sx: Scale;
  sy: Scale;
}

/** Pixel columns of each run's iterates, the start first. */
interface PixelPath {
  x: Float64Array;
  y: Float64Array;
}

export class MapView {
  readonly svgLayer: HTMLDivElement;
  readonly overlay: HTMLCanvasElement;
  geometry: MapGeometry | null = null;
  /** The last SVG drawn, for the PNG and GIF exports. */
  svg = '';
  private paths: PixelPath[] = [];
  private ctx: CanvasRenderingContext2D;

  constructor(readonly root: HTMLElement) {
    root.classList.add('map');
    this.svgLayer = document.createElement('div');
    this.svgLayer.className = 'map-svg';
    this.svgLayer.dataset.testid = 'map-svg';
    this.overlay = document.createElement('canvas');
    this.overlay.className = 'map-overlay';
    this.overlay.dataset.testid = 'map-overlay';
    // Twice the picture's pixels whatever the screen: sharp when CSS enlarges the map on a big screen or projector.
    const dpr = 2;
    this.overlay.width = MAP_SIZE * dpr;
    this.overlay.height = MAP_SIZE * dpr;
    root.append(this.svgLayer, this.overlay);
    const ctx = this.overlay.getContext('2d');
    if (!ctx) throw new Error('map: this browser gives no 2-D canvas');
    ctx.scale(dpr, dpr);
    this.ctx = ctx;
  }

  /** Redraws the picture of f; returns the milliseconds it took (sampling, contouring, SVG and DOM). */
  render(objective: Objective, state: PlaygroundState, runs: readonly RaceRun[]): number {
    const t0 = performance.now();
    const f0 = objective.value(state.start);
    // The runs as the legend needs them (label, colour, the start); the paths themselves go on the overlay.
    const stubs: Run[] = runs.map((r) => ({ label: r.label, colour: r.colour, trace: { points: [state.start], values: [f0] } }));
    const size = { width: MAP_SIZE, height: MAP_SIZE, paths: false, id: 'map' };
    if (objective.dim === 2) {
      const box = [state.view[0], state.view[1]] as const;
      const layout = contourLayout(objective, stubs, { ...size, box });
      this.svg = contourPlot(objective, stubs, { ...size, box });
      this.geometry = { dim: 2, frame: layout.frame, sx: layout.sx as Scale, sy: layout.sy as Scale };
    } else {
      const layout = functionLayout(objective, stubs, { ...size, range: state.view[0] });
      this.svg = functionPlot(objective, stubs, { ...size, range: state.view[0] });
      this.geometry = { dim: 1, frame: layout.frame, sx: layout.sx as Scale, sy: layout.sy as Scale };
    }
    this.svgLayer.innerHTML = this.svg;
    this.setRuns(runs);
    return performance.now() - t0;
  }

  /** Projects the runs' iterates to pixels once, so frames only draw. */
  setRuns(runs: readonly RaceRun[]): void {
    const g = this.geometry;
    this.paths = runs.map((run) => {
      const n = run.trace ? lastStep(run) + 1 : 0;
      const x = new Float64Array(n);
      const y = new Float64Array(n);
      if (g && run.trace) {
        for (let k = 0; k < n; k++) {
          const p = run.trace.points[k];
          x[k] = g.sx(p[0]);
          // One variable: the iterate sits on the curve, at (x_k, f(x_k)).
          y[k] = g.dim === 2 ? g.sy(p[1]) : g.sy(run.trace.values[k]);
        }
      }
      return { x, y };
    });
  }

  /** Draws every run up to `step` on the overlay. */
  draw(runs: readonly RaceRun[], step: number): void {
    const { ctx } = this;
    ctx.clearRect(0, 0, MAP_SIZE, MAP_SIZE);
    const g = this.geometry;
    if (!g) return;
    const { left, top, right, bottom } = g.frame;
    ctx.save();
    ctx.beginPath();
    ctx.rect(left, top, right - left, bottom - top);
    ctx.clip();
    ctx.lineJoin = 'round';
    ctx.lineCap = 'round';
    runs.forEach((run, i) => {
      const path = this.paths[i];
      if (!path || path.x.length === 0) return;
      const upTo = Math.min(step, path.x.length - 1);
      ctx.strokeStyle = run.colour;
      ctx.fillStyle = run.colour;
      ctx.lineWidth = 2.5;
      ctx.beginPath();
      ctx.moveTo(path.x[0], path.y[0]);
      for (let k = 1; k <= upTo; k++) ctx.lineTo(path.x[k], path.y[k]);
      ctx.stroke();
      const hx = path.x[upTo];
      const hy = path.y[upTo];
      if (run.trace?.status === 'diverged' && upTo === path.x.length - 1 && step >= upTo) {
        // Where the run left the finite world: a cross, as the library's pictures mark it.
        ctx.lineWidth = 3;
        ctx.beginPath();
        ctx.moveTo(hx - 7, hy - 7);
        ctx.lineTo(hx + 7, hy + 7);
        ctx.moveTo(hx + 7, hy - 7);
        ctx.lineTo(hx - 7, hy + 7);
        ctx.stroke();
      } else {
        ctx.beginPath();
        ctx.arc(hx, hy, 5, 0, 2 * Math.PI);
        ctx.fill();
      }
    });
    ctx.restore();
  }

  /** Run i's iterates in map pixels, every step (for the GIF). */
  pixelPath(i: number): PixelPath | undefined {
    return this.paths[i];
  }

  /** The data point under a pixel of the map (one coordinate for f of one variable). */
  pointAt(px: number, py: number): number[] | null {
    const g = this.geometry;
    if (!g) return null;
    const { left, right, top, bottom } = g.frame;
    if (px < left || px > right || py < top || py > bottom) return null;
    return g.dim === 2 ? [g.sx.invert(px), g.sy.invert(py)] : [g.sx.invert(px)];
  }
}
