/**
 * SVG to pixels and PNG, in Node, with resvg (@resvg/resvg-js: Rust's resvg, shipped as a prebuilt binary inside
 * the npm package, so nothing is downloaded at install time). This is the one Node-only piece of the pictures:
 * resvg and the font are imported lazily, under a specifier bundlers do not follow, so a browser build that
 * imports the rest of src/viz never touches them (a browser rasterises with a canvas instead).
 *
 * Fonts: resvg draws text only with fonts it is given. It gets DejaVu Sans (regular and bold) from the
 * dejavu-fonts-ttf npm package and no system fonts, and `sans-serif` is mapped to it, so the same SVG gives the
 * same pixels on a fresh machine, whatever fonts the system has.
 */
import type { ResvgRenderOptions } from '@resvg/resvg-js';

/** RGBA pixels, row-major, 4 bytes a pixel, not premultiplied (every picture is opaque). */
export interface Raster {
  width: number;
  height: number;
  pixels: Uint8Array;
}

export interface RasterOptions {
  /** Output pixels per SVG pixel (default 1). */
  scale?: number;
}

type ResvgModule = typeof import('@resvg/resvg-js');

let loaded: Promise<{ resvg: ResvgModule; fontFiles: string[] }> | undefined;

/** Loads resvg and locates the fonts once. */
function load(): Promise<{ resvg: ResvgModule; fontFiles: string[] }> {
  loaded ??= (async () => {
    // Variables, not literals: bundlers resolve literal dynamic imports and would pull a native module into a page.
    const resvgName = '@resvg/resvg-js';
    const moduleName = 'node:module';
    const resvg = (await import(resvgName)) as ResvgModule;
    const { createRequire } = (await import(moduleName)) as typeof import('node:module');
    const require = createRequire(import.meta.url);
    const fontFiles = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'].map((file) => require.resolve(`dejavu-fonts-ttf/ttf/${file}`));
    return { resvg: (resvg as ResvgModule & { default?: ResvgModule }).default ?? resvg, fontFiles };
  })();
  return loaded;
}

function renderOptions(fontFiles: string[], scale: number): ResvgRenderOptions {
  if (!(scale > 0 && Number.isFinite(scale))) throw new Error(`raster: scale must be a number > 0, got ${scale}`);
  return {
    fitTo: { mode: 'zoom', value: scale },
    background: '#ffffff',
    font: { loadSystemFonts: false, fontFiles, defaultFontFamily: 'DejaVu Sans', sansSerifFamily: 'DejaVu Sans' },
    logLevel: 'off',
  };
}

/** Renders an SVG document to RGBA pixels. */
export async function rasterize(svg: string, options: RasterOptions = {}): Promise<Raster> {
  const { resvg, fontFiles } = await load();
  const image = new resvg.Resvg(svg, renderOptions(fontFiles, options.scale ?? 1)).render();
  return { width: image.width, height: image.height, pixels: new Uint8Array(image.pixels) };
}

/** Renders an SVG document to a PNG file's bytes. */
export async function svgToPng(svg: string, options: RasterOptions = {}): Promise<Uint8Array> {
  const { resvg, fontFiles } = await load();
  return new Uint8Array(new resvg.Resvg(svg, renderOptions(fontFiles, options.scale ?? 1)).render().asPng());
}
