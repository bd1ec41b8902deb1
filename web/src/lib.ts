/**
 * Everything the page takes from the library, in one place, through src/browser.ts: the library's browser entry
 * point, which re-exports only modules free of Node built-ins (never src/index.ts, which pulls node:fs and worker
 * threads). The notebook's optimizer settings are not part of that API, so they come from their own module,
 * src/cli/notebook-experiments.ts, which imports nothing.
 */
export {
  checkOptions,
  compile,
  contourLayout,
  contourPlot,
  DescentError,
  describeSpec,
  ExpressionError,
  functionLayout,
  functionPlot,
  functions,
  getFunction,
  getOptimizer,
  getScheduler,
  lossCurves,
  lrAt,
  lrCurves,
  minimize,
  optimizers,
  raceOver,
  RUN_COLOURS,
  runColour,
  schedulers,
  type AnimatedRun,
  type ContourLayout,
  type FunctionLayout,
  type Objective,
  type OptimizerSpec,
  type OptionSchema,
  type OptionSpec,
  type Raster,
  type Run,
  type SchedulerSpec,
  type Trace,
} from '../../src/browser.js';
export { complexSettings, notebookSettings, torchAdam, type OptimizerSetting } from '../../src/cli/notebook-experiments.js';
