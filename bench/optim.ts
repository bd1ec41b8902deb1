/**
 * How close one optimizer step comes to the memory-bandwidth floor, and how it compares with torch.optim.
 *
 * A step of Adam or AdamW reads θ, g, m, v and writes θ, m, v: 7 words per parameter. SGD with momentum reads
 * θ, g, b and writes θ, b: 5 words. Each step is timed through the library classes (`new Adam([p]).step()`,
 * the gradient filled once with seeded values); the floor is those bytes at the bandwidth of a large native
 * copy measured in the same run, and torch.optim (single thread) runs the same cases in a child process.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import Table from 'cli-table3';
import type { DType } from '../src/core/float-array.js';
import { Parameter } from '../src/core/parameter.js';
import { Adam } from '../src/optim/adam.js';
import { AdamW } from '../src/optim/adamw.js';
import type { OptimizerLike } from '../src/optim/optimizer.js';
import { SGD } from '../src/optim/sgd.js';
import { copyBandwidth, floorMs, gbPerS } from './bandwidth.js';
import { SHARED_NOTE, machineInfo } from './machine.js';
import { fillUniform } from './seeded.js';
import { timePerCall, type RepeatScheme, type Timing } from './timing.js';
import { runTorchScript, type TorchAnswer } from './torch.js';

/** Each optimizer: how to build ours, the same options for torch, and the words a step moves per parameter. */
const optimizers = {
  Adam: { create: (p: Parameter) => new Adam([p], { lr: 1e-3 }), options: { lr: 1e-3 }, words: 7 },
  AdamW: { create: (p: Parameter) => new AdamW([p], { lr: 1e-3, weightDecay: 1e-2 }), options: { lr: 1e-3, weight_decay: 1e-2 }, words: 7 },
  SGD: { create: (p: Parameter) => new SGD([p], { lr: 1e-3, momentum: 0.9 }), options: { lr: 1e-3, momentum: 0.9 }, words: 5 },
} satisfies Record<string, { create(p: Parameter): OptimizerLike; options: Record<string, number>; words: number }>;

type OptimizerName = keyof typeof optimizers;

interface Case {
  optimizer: OptimizerName;
  n: number;
  dtype: DType;
}

// float64 last, so that the float32 rows are timed before the shared Adam kernel has seen a second array type.
const cases: Case[] = [
  ...[1e6, 1e7].flatMap((n) => (['Adam', 'AdamW', 'SGD'] as const).map((optimizer) => ({ optimizer, n, dtype: 'float32' as const }))),
  { optimizer: 'Adam', n: 1e6, dtype: 'float64' },
];

const FULL: RepeatScheme = { warmup: 5, steps: 5, repeats: 9 };
const QUICK: RepeatScheme = { warmup: 1, steps: 2, repeats: 2 };
const SEED = 20241124;
const RESULTS = new URL('results/optim.json', import.meta.url);

const label = (c: Case) => (c.optimizer === 'SGD' ? 'SGD momentum 0.9' : c.optimizer);
const bytesPerStep = (c: Case) => optimizers[c.optimizer].words * (c.dtype === 'float32' ? 4 : 8) * c.n;

function timeOurs(c: Case, scheme: RepeatScheme): Timing {
  const data = c.dtype === 'float32' ? new Float32Array(c.n) : new Float64Array(c.n);
  const p = new Parameter(fillUniform(data, SEED), { grad: fillUniform(data.slice(), SEED + 1) });
  const optimizer = optimizers[c.optimizer].create(p);
  return timePerCall(() => optimizer.step(), scheme);
}

type TorchInfo = { version: string; threads: number } | { skipped: string };
type TorchTiming = { version: string; threads: number; timing: Timing };

/** Times torch.optim on the same case in a fresh child process, right after ours, so both see the machine in a similar mood. */
function timeTorch(c: Case, scheme: RepeatScheme): TorchAnswer<TorchTiming> {
  const request = { scheme, seed: SEED, case: { optimizer: c.optimizer, options: optimizers[c.optimizer].options, n: c.n, dtype: c.dtype } };
  return runTorchScript<TorchTiming>('torch_optim.py', request);
}

/** One row of the table and of the results file. */
function row(c: Case, ours: Timing, torch: Timing | null, bandwidth: number) {
  const bytes = bytesPerStep(c);
  const floor = floorMs(bytes, bandwidth);
  return {
    case: label(c), optimizer: c.optimizer, options: optimizers[c.optimizer].options, n: c.n, dtype: c.dtype, bytesPerStep: bytes,
    ms: ours.medianMs, runsMs: ours.runsMs, gbPerS: gbPerS(bytes, ours.medianMs), floorMs: floor, ratioToFloor: ours.medianMs / floor,
    torchMs: torch?.medianMs ?? null, torchRunsMs: torch?.runsMs ?? null, ratioToTorch: torch === null ? null : ours.medianMs / torch.medianMs,
  };
}

function print(rows: ReturnType<typeof row>[]): void {
  const table = new Table({
    head: ['case', 'params', 'dtype', 'ms/step', 'GB/s', 'floor ms', 'ours/floor', 'torch ms/step', 'ours/torch'],
    colAligns: ['left', 'right', 'left', 'right', 'right', 'right', 'right', 'right', 'right'],
    style: { head: [], border: [] }, // no colours: the output is read in logs as often as in terminals
  });
  const ratio = (x: number | null) => (x === null ? '—' : `${x.toFixed(2)}×`);
  for (const r of rows) {
    table.push([r.case, r.n.toExponential(), r.dtype, r.ms.toFixed(2), r.gbPerS.toFixed(1), r.floorMs.toFixed(2), ratio(r.ratioToFloor),
      r.torchMs === null ? '—' : r.torchMs.toFixed(2), ratio(r.ratioToTorch)]);
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
    const ours = timeOurs(c, scheme);
    const theirs = torch !== undefined && 'skipped' in torch ? null : timeTorch(c, scheme);
    if (theirs !== null) torch = 'ok' in theirs ? { version: theirs.ok.version, threads: theirs.ok.threads } : theirs;
    return row(c, ours, theirs !== null && 'ok' in theirs ? theirs.ok.timing : null, bandwidth.gbPerS);
  });

  print(rows);
  console.log(`median of ${scheme.repeats} runs of ${scheme.steps} steps after ${scheme.warmup} warm-up steps; floor = bytes a step moves / copy bandwidth`);
  console.log('working sets that fit in the last-level cache (1e6 float32 Adam: 16 MB) may run under the floor, which is measured from memory');
  if (torch !== undefined) {
    console.log('skipped' in torch ? `torch column skipped: ${torch.skipped}` : `torch ${torch.version}, ${torch.threads} thread, default (single-tensor) implementation`);
  }

  if (values.quick) {
    console.log(`--quick: ${RESULTS.pathname} not written`);
    return;
  }
  writeFileSync(RESULTS, `${JSON.stringify({ benchmark: 'optim', machine, scheme, seed: SEED, bandwidth, torch, rows }, null, 2)}\n`);
  console.log(`wrote ${RESULTS.pathname}`);
}
