/**
 * The pictures: contour plots with trajectories, curves, sweep charts, animated GIFs and the HTML report.
 * Everything here builds SVG strings or bytes and runs in a browser as well as in Node, except `rasterize`,
 * `svgToPng`, the default rasteriser of `trajectoryGif` and `functionGif`, `runFigures` (PNGs) and `writeReport`, which
 * load their Node-only modules lazily.
 */
export { sampleGrid, gridX, gridY, type Box, type Grid, type Surface } from './grid.js';
export { contourLevels, contourLines, undefinedRegion, type ContourLine, type LevelOptions, type Levels, type Ring } from './contour.js';
export { contourPlot, contourLayout, type ContourLayout, type ContourPlotOptions } from './contour-plot.js';
export { lossCurves, lrCurves, type LossCurveOptions, type LrCurve, type LrCurveOptions } from './curves.js';
export { lrSensitivity, type SensitivityOptions, type SensitivityPoint, type SensitivitySeries } from './sensitivity.js';
export { heatmap, type HeatmapAxis, type HeatmapOptions } from './heatmap.js';
export { lineChart, type LineChartOptions, type Series } from './line-chart.js';
export { encodeRaceGif, frameSteps, type AnimatedRun, type GifOptions } from './gif.js';
export { raceOver, trajectoryGif, type Rasterizer, type TrajectoryGifOptions } from './animate.js';
export { functionGif, functionLayout, functionPlot, type Curve, type FunctionGifOptions, type FunctionLayout, type FunctionPlotOptions } from './function-plot.js';
export { runFigures, type FigureKind, type RunFiguresOptions } from './figures.js';
export { rasterize, svgToPng, type Raster, type RasterOptions } from './raster.js';
export { renderReport, writeReport, type Report, type ReportFigure, type ReportFinding, type ReportSection, type ReportTable } from './report.js';
export { RUN_COLOURS, runColour } from './palette.js';
export { pathOf, type Path } from './trajectory.js';
export { decimatePath, decimateSeries } from './decimate.js';
export type { Run, TraceLike } from './runs.js';
