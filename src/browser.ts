/**
 * descent in a browser: the part of the public API that runs with no Node built-in and no Node-only package, for
 * the playground (web/) and anyone bundling the library for a page. Import it as `descent/browser`.
 *
 * Why a second entry point: src/index.ts also exports the sweep pool (tinypool, node:os), the sweep journal
 * (node:fs) and the named data sets (node:fs, node:module); a bundler for the browser cannot resolve those. Here
 * every name is re-exported explicitly, module by module, so nothing Node-only comes along by accident;
 * test/web/browser-entry.test.ts bundles this file for platform 'browser' with no polyfills and fails on any
 * Node built-in or Node-only package in its import graph.
 *
 * Left out on purpose: rasterize/svgToPng and the default rasteriser of trajectoryGif/functionGif (resvg), runFigures
 * (PNGs through resvg), writeReport (node:fs), the sweep runner and pool (worker threads), SweepJournal (node:fs),
 * and learn/data's file and named-data-set loading (readTable, loadDataset).
 */
export { Parameter } from './core/parameter.js';
export type { FloatArray, DType } from './core/float-array.js';
export { DescentError, fail, show } from './core/errors.js';
export { Random } from './core/random.js';
export {
  checkOptions,
  describeProblem,
  describeRange,
  describeSpec,
  inRange,
  resolveOptions,
  type OptionProblem,
  type OptionSchema,
  type OptionSpec,
  type OptionsOf,
  type Range,
} from './core/options.js';

export { Optimizer } from './optim/optimizer.js';
export type { Closure, OptimizerLike, OptimizerStateDict, ParamGroup, ParamGroupInput } from './optim/optimizer.js';
export { SGD, type SGDOptions } from './optim/sgd.js';
export { Adagrad, type AdagradOptions } from './optim/adagrad.js';
export { RMSprop, type RMSpropOptions } from './optim/rmsprop.js';
export { Adam, type AdamOptions } from './optim/adam.js';
export { AdamW, type AdamWOptions } from './optim/adamw.js';
export { Adadelta, type AdadeltaOptions } from './optim/adadelta.js';
export { Adamax, type AdamaxOptions } from './optim/adamax.js';
export { NAdam, type NAdamOptions } from './optim/nadam.js';
export { RAdam, type RAdamOptions } from './optim/radam.js';
export { ASGD, type ASGDOptions } from './optim/asgd.js';
export { Rprop, type RpropOptions } from './optim/rprop.js';
export { LBFGS, type LBFGSOptions } from './optim/lbfgs.js';
export { Lion, type LionOptions } from './optim/lion.js';
export { clipGradNorm, clipGradValue } from './optim/clip.js';
export { optimizers, getOptimizer, type OptimizerEntry } from './optim/registry.js';
export { stateSizePerParameter } from './optim/state-size.js';

export { LRScheduler } from './schedule/scheduler.js';
export type { Scheduler, SchedulerStateDict, SchedulerOptionsInput } from './schedule/scheduler.js';
export { StepLR, MultiStepLR, ExponentialLR } from './schedule/step.js';
export { LinearLR, ConstantLR } from './schedule/warmup.js';
export { PolynomialLR } from './schedule/polynomial.js';
export { CosineAnnealingLR, CosineAnnealingWarmRestarts } from './schedule/cosine.js';
export { LambdaLR, MultiplicativeLR } from './schedule/lambda.js';
export { OneCycleLR } from './schedule/one-cycle.js';
export { CyclicLR } from './schedule/cyclic.js';
export { EarlyStopping, type EarlyStoppingOptions } from './schedule/early-stopping.js';
export { ReduceLROnPlateau } from './schedule/plateau.js';
export { SequentialLR, ChainedScheduler } from './schedule/compose.js';
export { lrAt, type CurveOptions } from './schedule/lr-at.js';
export { schedulers, getScheduler, createScheduler, type SchedulerEntry, type SchedulerSpec } from './schedule/registry.js';

export { functions, getFunction, getFunctionEntry, type FunctionEntry } from './objective/zoo/registry.js';
export type { ZooObjective, ZooMeta, ZooMinimum, PublishedMinimum } from './objective/zoo/zoo-function.js';
export { compile, type CompileOptions, type CompiledObjective } from './objective/expression/compile.js';
export { ExpressionError } from './objective/expression/expression-error.js';
export { numericGradient, type NumericGradientOptions } from './objective/numeric-gradient.js';
export { gradCheck, type GradCheckOptions, type GradCheckResult } from './objective/grad-check.js';
export type { Objective, ObjectiveMeta, KnownMinimum } from './objective/objective.js';

export { minimize, type MinimizeOptions, type OptimizerSpec, type RunStatus, type Trace } from './engine/minimize.js';
export { randomSearch, withNumericGradient, type CountingObjective, type RandomSearchOptions } from './engine/baselines.js';
export {
  parseExperiment,
  parseExperimentText,
  readDescriptionText,
  experimentConfig,
  experimentDefaults,
  type Experiment,
  type ParseOptions,
} from './engine/experiment.js';
export type { OptimizerRun } from './engine/experiment-optimizers.js';
export type { FunctionSpec } from './engine/experiment-function.js';
export { ExperimentError, type Problem } from './engine/problems.js';
export { runExperiment, type ExperimentResults, type RunResult, type RunExperimentOptions } from './engine/run-experiment.js';
export { resultsToJson, resultsToCsv } from './engine/results.js';

export { sampleGrid, gridX, gridY, type Box, type Grid, type Surface } from './viz/grid.js';
export { contourLevels, contourLines, undefinedRegion, type ContourLine, type LevelOptions, type Levels, type Ring } from './viz/contour.js';
export { contourPlot, contourLayout, type ContourLayout, type ContourPlotOptions } from './viz/contour-plot.js';
export { functionLayout, functionPlot, type Curve, type FunctionLayout, type FunctionPlotOptions } from './viz/function-plot.js';
export { lossCurves, lrCurves, type LossCurveOptions, type LrCurve, type LrCurveOptions } from './viz/curves.js';
export { lrSensitivity, type SensitivityOptions, type SensitivityPoint, type SensitivitySeries } from './viz/sensitivity.js';
export { heatmap, type HeatmapAxis, type HeatmapOptions } from './viz/heatmap.js';
export { lineChart, type LineChartOptions, type Series } from './viz/line-chart.js';
export { encodeRaceGif, frameSteps, type AnimatedRun, type GifOptions } from './viz/gif.js';
// raceOver only: trajectoryGif's default rasteriser is resvg; a page draws frames itself and hands them to encodeRaceGif.
export { raceOver, type Rasterizer } from './viz/animate.js';
export type { Raster } from './viz/raster.js';
export { renderReport, type Report, type ReportFigure, type ReportFinding, type ReportSection, type ReportTable } from './viz/report.js';
export { RUN_COLOURS, runColour, hexToRgb } from './viz/palette.js';
export { pathOf, type Path } from './viz/trajectory.js';
export { decimatePath, decimateSeries } from './viz/decimate.js';
export type { Run, TraceLike } from './viz/runs.js';

export { setKernelBackend, getKernelBackend, wasmKernels, type KernelBackend } from './optim/backend.js';
export { wasmParameter, type WasmParameterOptions } from './wasm/parameter.js';
