/**
 * Exports: the view as PNG (the library's SVG drawn on a canvas, the trajectories' overlay on top, toBlob), the
 * race as an animated GIF (the library's encodeRaceGif, via raceOver, on the page's own rasterisation of the map's
 * SVG: the Rasterizer parameter exists for exactly this), and the traces as JSON.
 */
import { raceOver, type AnimatedRun, type Raster } from './lib.js';
import { MAP_SIZE, type MapView } from './map-view.js';
import type { RaceRun } from './race.js';
import type { PlaygroundState } from './state.js';

function download(blob: Blob, name: string): void {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}

/** An SVG document drawn on a fresh canvas of its size, white behind it. */
async function svgCanvas(svg: string, width: number, height: number): Promise<HTMLCanvasElement> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.width = width;
    img.height = height;
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const ctx = canvas.getContext('2d') as CanvasRenderingContext2D;
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, width, height);
    ctx.drawImage(img, 0, 0, width, height);
    return canvas;
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** The browser's rasteriser for the library's animations. */
export async function rasterizeInBrowser(svg: string): Promise<Raster> {
  const canvas = await svgCanvas(svg, MAP_SIZE, MAP_SIZE);
  const data = (canvas.getContext('2d') as CanvasRenderingContext2D).getImageData(0, 0, MAP_SIZE, MAP_SIZE).data;
  return { width: MAP_SIZE, height: MAP_SIZE, pixels: new Uint8Array(data.buffer.slice(0)) };
}

export async function exportPng(map: MapView): Promise<void> {
  const canvas = await svgCanvas(map.svg, MAP_SIZE, MAP_SIZE);
  (canvas.getContext('2d') as CanvasRenderingContext2D).drawImage(map.overlay, 0, 0, MAP_SIZE, MAP_SIZE);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (!blob) throw new Error('export: the browser made no PNG');
  download(blob, 'descent-playground.png');
}

export async function exportGif(map: MapView, runs: readonly RaceRun[]): Promise<void> {
  const g = map.geometry;
  if (!g) return;
  const animated: AnimatedRun[] = runs.flatMap((r, i) => {
    const path = map.pixelPath(i);
    return r.trace && path ? [{ colour: r.colour, path }] : [];
  });
  const bytes = await raceOver(map.svg, g.frame, animated, { rasterize: rasterizeInBrowser, fps: 10 });
  download(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'image/gif' }), 'descent-race.gif');
}

export function exportJson(state: PlaygroundState, runs: readonly RaceRun[]): void {
  const data = {
    state,
    runs: runs.map((r, i) => ({ label: r.label, colour: r.colour, optimizer: state.racers[i], error: r.error, trace: r.trace })),
  };
  download(new Blob([JSON.stringify(data, null, 1)], { type: 'application/json' }), 'descent-race.json');
}
