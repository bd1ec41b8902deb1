/**
 * How close one optimizer step comes to the memory-bandwidth floor, and how it compares with torch.optim.
 *
 * A step of Adam or AdamW reads θ, g, m, v and writes θ, m, v: 7 words per parameter. SGD with momentum reads
 * θ, g, b and writes θ, b: 5 words; ASGD θ, g, θ̄ and writes θ, θ̄: 5; Rprop θ, g, g_prev, η and writes θ, g_prev,
 * η: 7. Gradient clipping by the 2-norm reads g, then rescales it (read and write): 3 words.
 * Each step is timed through the library classes (`new Adam([p]).step()`, `clipGradNorm([p], c)`,
 * the gradient filled once with seeded values); the floor is those bytes at the bandwidth of a large native
 * copy measured in the same run, and torch.optim (single thread) runs the same cases in a child process.
 *
 * Each case runs three ways (src/optim/backend.ts): the TypeScript loops ('js'), the WebAssembly SIMD kernels on
 * ordinary typed arrays (staged: θ and g copied into WebAssembly memory and θ back, every step) and the same
 * kernels in place (`wasmParameter`: θ and g allocated in WebAssembly memory, no copy). The difference of the two
 * wasm columns is what the per-step copy costs. Then, for every optimizer (all but LBFGS, whose step runs a loop of
 * closure calls) and clipping, each path and precision: whether a step allocates (bench/heap.ts, 50,000 steps).
 *
 * Extension point: bench/references.ts (torch's default and best setups, TensorFlow.js cpu and wasm), when present,
 * returns rows that are printed against our float32 wasm rows of the same optimizer and size, in the same run.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import Table from 'cli-table3';
import type { DType } from '../src/core/float-array.js';
import { Parameter } from '../src/core/parameter.js';
import { Adam } from '../src/optim/adam.js';
import { AdamW } from '../src/optim/adamw.js';
import { ASGD } from '../src/optim/asgd.js';
import { clipGradNorm } from '../src/optim/clip.js';
import { optimizers as registry } from '../src/optim/registry.js';
import { Rprop } from '../src/optim/rprop.js';
import { SGD } from '../src/optim/sgd.js';
import { setKernelBackend } from '../src/optim/backend.js';
import { wasmParameter } from '../src/wasm/parameter.js';
import { copyBandwidth, floorMs, gbPerS } from './bandwidth.js';
import { SHARED_NOTE, machineInfo } from './machine.js';
import { allocationSites, heapGrowth, type Allocation, type HeapGrowth } from './heap.js';
import { fillUniform } from './seeded.js';
import { timePerCall, type RepeatScheme, type Timing } from './timing.js';
import { runTorchScript, type TorchAnswer } from './torch.js';

/**
 * Each case's step: how to build ours, the name and options of torch's (an optimizer of torch.optim, or
 * clip_grad_norm_), and the words a step moves per parameter.
 */
const optimizers = {
  Adam: { create: (p: Parameter) => new Adam([p], { lr: 1e-3 }), torch: 'Adam', options: { lr: 1e-3 }, words: 7 },
  AdamW: { create: (p: Parameter) => new AdamW([p], { lr: 1e-3, weightDecay: 1e-2 }), torch: 'AdamW', options: { lr: 1e-3, weight_decay: 1e-2 }, words: 7 },
  SGD: { create: (p: Parameter) => new SGD([p], { lr: 1e-3, momentum: 0.9 }), torch: 'SGD', options: { lr: 1e-3, momentum: 0.9 }, words: 5 },
  ASGD: { create: (p: Parameter) => new ASGD([p], { lr: 1e-3 }), torch: 'ASGD', options: { lr: 1e-3 }, words: 5 },
  Rprop: { create: (p: Parameter) => new Rprop([p], { lr: 1e-3 }), torch: 'Rprop', options: { lr: 1e-3 }, words: 7 },
  // max norm 1e-3 against a gradient of norm ~577 (1e6 uniform values in [−1, 1]): it rescales every step, by
  // ~1.7e-6, so the gradient stays far from subnormal numbers over the 50 steps of a case.
  clipGradNorm: { create: (p: Parameter) => { const params = [p]; return { step: () => clipGradNorm(params, 1e-3) }; }, torch: 'clip_grad_norm_', options: { max_norm: 1e-3 }, words: 3 },
} satisfies Record<string, { create(p: Parameter): { step(): unknown }; torch: string; options: Record<string, number>; words: number }>;

type OptimizerName = keyof typeof optimizers;

export interface Case {
  optimizer: OptimizerName;
  n: number;
  dtype: DType;
}

// float64 last, so that the float32 rows are timed before the shared Adam kernel has seen a second array type.
const cases: Case[] = [
  ...[1e6, 1e7].flatMap((n) => (['Adam', 'AdamW', 'SGD', 'ASGD', 'Rprop', 'clipGradNorm'] as const).map((optimizer) => ({ optimizer, n, dtype: 'float32' as const }))),
  ...(['Adam', 'AdamW', 'SGD'] as const).map((optimizer) => ({ optimizer, n: 1e6, dtype: 'float64' as const })),
  { optimizer: 'Adam', n: 1e7, dtype: 'float64' },
];

/** How a case runs: the TypeScript loops, wasm on ordinary typed arrays (staged), wasm on `wasmParameter` (in place). */
type Path = 'js' | 'wasm staged' | 'wasm in place';
const PATHS: readonly Path[] = ['js', 'wasm staged', 'wasm in place'];


const FULL: RepeatScheme = { warmup: 5, steps: 5, repeats: 9 };
const QUICK: RepeatScheme = { warmup: 1, steps: 2, repeats: 2 };
const SEED = 20241124;
const RESULTS = new URL('results/optim.json', import.meta.url);

const label = (c: Case) => (c.optimizer === 'SGD' ? 'SGD momentum 0.9' : c.optimizer === 'clipGradNorm' ? 'clipGradNorm 2-norm' : c.optimizer);
const bytesPerStep = (c: Case) => optimizers[c.optimizer].words * (c.dtype === 'float32' ? 4 : 8) * c.n;

/** The case's parameter with seeded values and gradient, as an ordinary Parameter or in WebAssembly memory. */
function makeParameter(c: Case, path: Path): Parameter {
  const data = fillUniform(c.dtype === 'float32' ? new Float32Array(c.n) : new Float64Array(c.n), SEED);
  const grad = fillUniform(data.slice(), SEED + 1);
  if (path !== 'wasm in place') return new Parameter(data, { grad });
  const p = wasmParameter(data, { stateBuffers: 2 });
  p.grad!.set(grad);
  return p;
}

function timeOurs(c: Case, scheme: RepeatScheme, path: Path): Timing {
  setKernelBackend(path === 'js' ? 'js' : 'wasm');
  const optimizer = optimizers[c.optimizer].create(makeParameter(c, path));
  const timing = timePerCall(() => optimizer.step(), scheme);
  setKernelBackend('auto');
  return timing;
}

/** One row of the allocation table: a step of one optimizer (default options) on one path and precision. */
interface AllocationRow extends HeapGrowth {
  step: string;
  path: Path;
  dtype: DType;
  /** Where a step that allocates does so (bench/heap.ts `allocationSites`); absent for the others. */
  sites?: Allocation['sites'];
}

/**
 * Whether a step allocates (bench/heap.ts), for every optimizer of the registry that steps without a closure and
 * for clipping, on each path and precision: `steps` steps of a 16-element parameter after as many of warm-up.
 */
async function allocationRows(steps: number): Promise<AllocationRow[]> {
  const makers: [string, (p: Parameter) => { step(): unknown }][] = [
    ...registry.filter((e) => !e.needsClosure).map((e): [string, (p: Parameter) => { step(): unknown }] => [e.name, (p) => e.create([p])]),
    ['clipGradNorm', optimizers.clipGradNorm.create],
  ];
  const rows: AllocationRow[] = [];
  for (const [step, make] of makers) {
    for (const path of PATHS) {
      for (const dtype of ['float32', 'float64'] as const) {
        setKernelBackend(path === 'js' ? 'js' : 'wasm');
        const stepper = make(makeParameter({ optimizer: 'Adam', n: 16, dtype }, path));
        const growth = await heapGrowth(() => stepper.step(), steps);
        const sites = growth.allocates ? (await allocationSites(() => stepper.step(), steps)).sites : undefined;
        rows.push({ step, path, dtype, ...growth, ...(sites === undefined ? {} : { sites }) });
      }
    }
  }
  setKernelBackend('auto');
  return rows;
}

type TorchInfo = { version: string; threads: number } | { skipped: string };
type TorchTiming = { version: string; threads: number; timing: Timing };

/** Times torch.optim on the same case in a fresh child process, right after ours, so both see the machine in a similar mood. */
function timeTorch(c: Case, scheme: RepeatScheme): TorchAnswer<TorchTiming> {
  const request = { scheme, seed: SEED, case: { optimizer: optimizers[c.optimizer].torch, options: optimizers[c.optimizer].options, n: c.n, dtype: c.dtype } };
  return runTorchScript<TorchTiming>('torch_optim.py', request);
}

/** One row of the table and of the results file; `ms` is the fastest path, wasm in place. */
function row(c: Case, paths: Record<Path, Timing>, torch: Timing | null, bandwidth: number) {
  const bytes = bytesPerStep(c);
  const floor = floorMs(bytes, bandwidth);
  const ours = paths['wasm in place'];
  return {
    case: label(c), optimizer: c.optimizer, options: optimizers[c.optimizer].options, n: c.n, dtype: c.dtype, bytesPerStep: bytes,
    jsMs: paths.js.medianMs, stagedMs: paths['wasm staged'].medianMs, copyMs: paths['wasm staged'].medianMs - ours.medianMs,
    ratioJsToWasm: paths.js.medianMs / ours.medianMs, jsRunsMs: paths.js.runsMs, stagedRunsMs: paths['wasm staged'].runsMs,
    ms: ours.medianMs, runsMs: ours.runsMs, gbPerS: gbPerS(bytes, ours.medianMs), floorMs: floor, ratioToFloor: ours.medianMs / floor,
    torchMs: torch?.medianMs ?? null, torchRunsMs: torch?.runsMs ?? null, ratioToTorch: torch === null ? null : ours.medianMs / torch.medianMs,
  };
}

function print(rows: ReturnType<typeof row>[]): void {
  const table = new Table({
    head: ['case', 'params', 'dtype', 'js ms', 'wasm staged ms', 'wasm ms', 'copy ms', 'js/wasm', 'GB/s', 'floor ms', 'wasm/floor', 'torch ms', 'wasm/torch'],
    colAligns: ['left', 'right', 'left', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'right'],
    style: { head: [], border: [] }, // no colours: the output is read in logs as often as in terminals
  });
  const ratio = (x: number | null) => (x === null ? '—' : `${x.toFixed(2)}×`);
  for (const r of rows) {
    table.push([r.case, r.n.toExponential(), r.dtype, r.jsMs.toFixed(2), r.stagedMs.toFixed(2), r.ms.toFixed(2), r.copyMs.toFixed(2),
      ratio(r.ratioJsToWasm), r.gbPerS.toFixed(1), r.floorMs.toFixed(2), ratio(r.ratioToFloor),
      r.torchMs === null ? '—' : r.torchMs.toFixed(2), ratio(r.ratioToTorch)]);
  }
  console.log(table.toString());
}

/** The fields of bench/references.ts's rows used here (typed locally: that file is loaded only when present). */
interface ReferenceRowLike {
  name: string;
  optimizer: string;
  size: number;
  msMedian: number;
}

async function printReferences(rows: ReturnType<typeof row>[], quick: boolean): Promise<void> {
  const references = (await import(new URL('references.ts', import.meta.url).href)) as {
    referenceRows(options: { quick: boolean }): Promise<ReferenceRowLike[]>;
  };
  const table = new Table({ head: ['reference', 'params', 'ms/step', 'our wasm ms', 'wasm/reference'], style: { head: [], border: [] } });
  for (const ref of await references.referenceRows({ quick })) {
    const ours = rows.find((r) => r.optimizer === ref.optimizer && r.n === ref.size && r.dtype === 'float32');
    table.push([ref.name, ref.size.toExponential(), ref.msMedian.toFixed(2), ours?.ms.toFixed(2) ?? '—', ours === undefined ? '—' : `${(ours.ms / ref.msMedian).toFixed(2)}×`]);
  }
  console.log(table.toString());
}

export async function main(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { quick: { type: 'boolean', default: false } } });
  const scheme = values.quick ? QUICK : FULL;
  const machine = machineInfo();
  console.log(`optimizer steps: node ${machine.node}, ${machine.cpu} (${machine.cores} cores)${values.quick ? ', --quick' : ''}`);
  console.log(`note: ${SHARED_NOTE}`);

  const bandwidth = copyBandwidth(2 ** 27, values.quick ? 3 : 9);
  console.log(`copy bandwidth: ${bandwidth.gbPerS.toFixed(1)} GB/s (Float64Array.set of ${bandwidth.arrayBytes / 2 ** 20} MiB, read + write, median of ${bandwidth.timing.runsMs.length})`);

  let torch: TorchInfo | undefined; // known after the first case; once skipped, not asked again
  const rows = cases.map((c) => {
    process.stderr.write(`  ${label(c)} ${c.n.toExponential()} ${c.dtype}\n`);
    const ours = Object.fromEntries(PATHS.map((path) => [path, timeOurs(c, scheme, path)])) as Record<Path, Timing>;
    const theirs = torch !== undefined && 'skipped' in torch ? null : timeTorch(c, scheme);
    if (theirs !== null) torch = 'ok' in theirs ? { version: theirs.ok.version, threads: theirs.ok.threads } : theirs;
    return row(c, ours, theirs !== null && 'ok' in theirs ? theirs.ok.timing : null, bandwidth.gbPerS);
  });

  print(rows);
  console.log(`median of ${scheme.repeats} runs of ${scheme.steps} steps after ${scheme.warmup} warm-up steps; floor = bytes a step moves / copy bandwidth`);
  console.log('wasm = SIMD kernels in place (wasmParameter); wasm staged = on ordinary typed arrays, θ and g copied in and θ out each step; copy = staged − in place');

  const heapSteps = values.quick ? 5000 : 50_000;
  const allocation = await allocationRows(heapSteps);
  const allocating = allocation.filter((r) => r.allocates);
  const worst = allocation.reduce((a, b) => (b.heapBytesPerStep > a.heapBytesPerStep ? b : a));
  console.log(`allocation: ${allocation.length} steps (${new Set(allocation.map((r) => r.step)).size} optimizers and clipping × ${PATHS.join(', ')} × float32, float64), ` +
    `${heapSteps} steps each of a 16-element parameter: ${allocating.length === 0 ? 'none allocates' : `${allocating.length} allocate: ${allocating.map((r) => `${r.step} ${r.path} ${r.dtype} (in ${r.sites?.[0]?.site ?? '?'})`).join(', ')}`}; ` +
    `most heap growth ${worst.heapBytesPerStep.toFixed(2)} bytes a step (${worst.step} ${worst.path} ${worst.dtype}; clipGradNorm may box the norm it returns, 16 bytes)`);

  // torch's setups and TensorFlow.js, from bench/references.ts (another file, loaded when present), as ratios.
  if (existsSync(new URL('references.ts', import.meta.url))) await printReferences(rows, values.quick);

  if (values.quick) {
    console.log(`--quick: ${RESULTS.pathname} not written`);
    return;
  }
  writeFileSync(RESULTS, `${JSON.stringify({ benchmark: 'optim', machine, scheme, seed: SEED, bandwidth, torch, allocation: { steps: heapSteps, n: 16, rows: allocation }, rows }, null, 2)}\n`);
  console.log(`wrote ${RESULTS.pathname}`);
}
