/** descent: gradient-based optimization for machine learning, with torch.optim's semantics. */
export { Parameter } from './core/parameter.js';
export type { FloatArray, DType } from './core/float-array.js';
export { DescentError } from './core/errors.js';
export type { OptionSchema, OptionSpec, OptionsOf } from './core/options.js';

export { Optimizer } from './optim/optimizer.js';
export type { Closure, OptimizerLike, OptimizerStateDict, ParamGroup, ParamGroupInput } from './optim/optimizer.js';
export { SGD, sgdKernel, type SGDOptions } from './optim/sgd.js';
export { Adagrad, adagradKernel, type AdagradOptions } from './optim/adagrad.js';
export { RMSprop, rmspropKernel, type RMSpropOptions } from './optim/rmsprop.js';
export { Adam, adamKernel, type AdamOptions } from './optim/adam.js';
export { AdamW, type AdamWOptions } from './optim/adamw.js';
export { Adadelta, adadeltaKernel, type AdadeltaOptions } from './optim/adadelta.js';
export { Adamax, adamaxKernel, type AdamaxOptions } from './optim/adamax.js';
export { NAdam, nadamKernel, type NAdamOptions } from './optim/nadam.js';
export { RAdam, radamKernel, type RAdamOptions } from './optim/radam.js';
export { ASGD, asgdKernel, type ASGDOptions } from './optim/asgd.js';
export { Rprop, rpropKernel, type RpropOptions } from './optim/rprop.js';
export { LBFGS, type LBFGSOptions } from './optim/lbfgs.js';
export { Lion, lionKernel, type LionOptions } from './optim/lion.js';
export { clipGradNorm, clipGradValue } from './optim/clip.js';
export { optimizers, getOptimizer, type OptimizerEntry } from './optim/registry.js';

export { LRScheduler } from './schedule/scheduler.js';
export type { Scheduler, SchedulerStateDict, SchedulerOptionsInput } from './schedule/scheduler.js';
export { StepLR, MultiStepLR, ExponentialLR, type StepLROptions, type MultiStepLROptions, type ExponentialLROptions } from './schedule/step.js';
export { LinearLR, ConstantLR, type LinearLROptions, type ConstantLROptions } from './schedule/warmup.js';
export { PolynomialLR, type PolynomialLROptions } from './schedule/polynomial.js';
export {
  CosineAnnealingLR,
  CosineAnnealingWarmRestarts,
  type CosineAnnealingLROptions,
  type CosineAnnealingWarmRestartsOptions,
} from './schedule/cosine.js';
export { LambdaLR, MultiplicativeLR, type LambdaLROptions, type MultiplicativeLROptions } from './schedule/lambda.js';
export { OneCycleLR, type OneCycleLROptions } from './schedule/one-cycle.js';
export { CyclicLR, type CyclicLROptions, type CyclicLROptionsInput, type ScaleFunction } from './schedule/cyclic.js';
export { lrAt, type CurveOptions } from './schedule/lr-at.js';
export { EarlyStopping, type EarlyStoppingOptions } from './schedule/early-stopping.js';
export { ReduceLROnPlateau, type ReduceLROnPlateauOptions } from './schedule/plateau.js';
export { SequentialLR, ChainedScheduler, type SequentialLROptions, type ChainedSchedulerOptions, type ChainableScheduler } from './schedule/compose.js';
export { schedulers, getScheduler, createScheduler, type SchedulerEntry, type SchedulerSpec } from './schedule/registry.js';

export { functions, getFunction, getFunctionEntry, type FunctionEntry } from './objective/zoo/registry.js';
export type { ZooObjective, ZooMeta, ZooMinimum, PublishedMinimum } from './objective/zoo/zoo-function.js';
export { compile, type CompileOptions, type CompiledObjective } from './objective/expression/compile.js';
export { ExpressionError } from './objective/expression/expression-error.js';
export { numericGradient, type NumericGradientOptions } from './objective/numeric-gradient.js';
export { gradCheck, type GradCheckOptions, type GradCheckResult } from './objective/grad-check.js';
export type { Objective, ObjectiveMeta, KnownMinimum } from './objective/objective.js';

export { minimize, type MinimizeOptions, type OptimizerSpec, type RunStatus, type Trace } from './engine/minimize.js';
export { parseExperiment, parseExperimentText, experimentConfig, type Experiment, type ParseOptions } from './engine/experiment.js';
export type { OptimizerRun } from './engine/experiment-optimizers.js';
export type { FunctionSpec } from './engine/experiment-function.js';
export { ExperimentError, type Problem } from './engine/problems.js';
export { runExperiment, type ExperimentResults, type RunResult, type RunExperimentOptions } from './engine/run-experiment.js';
export { resultsToJson, resultsToCsv } from './engine/results.js';

export { parseSweep, parseSweepText, metrics, MAX_RUNS, sweepKeys, type Sweep, type SweepOptimizer, type SweepParam, type Metric } from './engine/sweep-schema.js';
export type { Space, SearchMode } from './engine/sweep-space.js';
export { planSweep, runTask, type SweepPlan, type SweepConfiguration, type PlannedRun, type SweepTask, type RunOutcome } from './engine/sweep.js';
export { rankSweep, type RankedConfiguration, type Spread, type Standing } from './engine/sweep-rank.js';
export { runSweep, type RunSweepOptions, type SweepRun } from './engine/run-sweep.js';
export { SweepJournal, sweepResults, sweepResultsToJson, sweepResultsToCsv, sweepRunsToCsv, type SweepResults, type SweepRunRecord } from './engine/sweep-results.js';

export * from './learn/index.js';

export { setKernelBackend, getKernelBackend, wasmKernels, type KernelBackend } from './optim/backend.js';
export { wasmParameter, type WasmParameterOptions } from './wasm/parameter.js';
export { setMatmulBackend, getMatmulBackend, wasmMatmul, type MatmulBackend } from './learn/models/matmul.js';
export { StepTeam, ParallelAdam, ParallelAdamW, ParallelSGD, parallelSupported, type TeamOptions } from './wasm/parallel.js';
