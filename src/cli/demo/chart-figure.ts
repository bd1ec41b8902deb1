/**
 * A chart that is not a trajectory (x_t against t, a schedule's curve, regret) as a report figure: the PNG the
 * report shows, with its SVG twin beside it, as runFigures (src/viz/figures.ts) makes its own pictures.
 */
import { svgToPng } from '../../viz/raster.js';
import type { ReportFigure } from '../../viz/report.js';

/** `file` without extension, e.g. `amsgrad-x` → amsgrad-x.png and amsgrad-x.svg. */
export async function chartFigure(file: string, svg: string, alt: string, caption: string): Promise<ReportFigure> {
  return { file: `${file}.png`, alt, caption, data: await svgToPng(svg), twins: [{ file: `${file}.svg`, data: svg }] };
}
