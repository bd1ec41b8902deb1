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
import { runTorchScript } from './torch.js';

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

// float64 last: it makes the shared Adam kernel see a second array type, which must not slow the float32 rows.
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

interface TorchTimings {
  version: string;
  threads: number;
  timings: Timing[];
}

export async function main(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { quick: { type: 'boolean', default: false } } });
  const scheme = values.quick ? QUICK : FULL;
  const machine = machineInfo();
  console.log(`optimizer steps — node ${machine.node}, ${machine.cpu} (${machine.cores} cores)${values.quick ? ', --quick' : ''}`);
  console.log(`note: ${SHARED_NOTE}`);

  const bandwidth = copyBandwidth(2 ** 27, values.quick ? 3 : 9);
  console.log(`copy bandwidth: ${bandwidth.gbPerS.toFixed(1)} GB/s (Float64Array.set of ${bandwidth.arrayBytes / 2 ** 20} MiB, read + write, median of ${bandwidth.timing.runsMs.length})`);

  const ours = cases.map((c) => {
    process.stderr.write(`  timing ${label(c)} ${c.n.toExponential()} ${c.dtype}\n`);
    return timeOurs(c, scheme);
  });
  process.stderr.write('  timing torch.optim\n');
  const torchCases = cases.map((c) => ({ optimizer: c.optimizer, options: optimizers[c.optimizer].options, n: c.n, dtype: c.dtype }));
  const torch = runTorchScript<TorchTimings>('torch_optim.py', { scheme, seed: SEED, cases: torchCases });

  const rows = cases.map((c, i) => {
    const bytes = bytesPerStep(c);
    const floor = floorMs(bytes, bandwidth.gbPerS);
    const theirs = 'ok' in torch ? torch.ok.timings[i] : null;
    return {
      case: label(c), optimizer: c.optimizer, options: optimizers[c.optimizer].options, n: c.n, dtype: c.dtype, bytesPerStep: bytes,
      ms: ours[i].medianMs, runsMs: ours[i].runsMs, gbPerS: gbPerS(bytes, ours[i].medianMs), floorMs: floor, ratioToFloor: ours[i].medianMs / floor,
      torchMs: theirs?.medianMs ?? null, torchRunsMs: theirs?.runsMs ?? null, ratioToTorch: theirs ? ours[i].medianMs / theirs.medianMs : null,
    };
  });

  const table = new Table({
    head: ['case', 'params', 'dtype', 'ms/step', 'GB/s', 'floor ms', 'ours/floor', 'torch ms/step', 'ours/torch'],
    colAligns: ['left', 'right', 'left', 'right', 'right', 'right', 'right', 'right', 'right'],
  });
  const dash = '—';
  for (const r of rows) {
    table.push([r.case, r.n.toExponential(), r.dtype, r.ms.toFixed(2), r.gbPerS.toFixed(1), r.floorMs.toFixed(2), `${r.ratioToFloor.toFixed(2)}×`,
      r.torchMs === null ? dash : r.torchMs.toFixed(2), r.ratioToTorch === null ? dash : `${r.ratioToTorch.toFixed(2)}×`]);
  }
  console.log(table.toString());
  console.log(`median of ${scheme.repeats} runs of ${scheme.steps} steps after ${scheme.warmup} warm-up steps; floor = bytes a step moves / copy bandwidth`);
  console.log('working sets that fit in the last-level cache (1e6 float32: 16 MB) can run under the floor, which is measured from memory');
  console.log('ok' in torch ? `torch ${torch.ok.version}, ${torch.ok.threads} thread, default (single-tensor) implementation` : `torch column skipped: ${torch.skipped}`);

  if (values.quick) {
    console.log(`--quick: ${RESULTS.pathname} not written`);
    return;
  }
  const torchInfo = 'ok' in torch ? { version: torch.ok.version, threads: torch.ok.threads } : { skipped: torch.skipped };
  writeFileSync(RESULTS, `${JSON.stringify({ benchmark: 'optim', machine, scheme, seed: SEED, bandwidth, torch: torchInfo, rows }, null, 2)}\n`);
  console.log(`wrote ${RESULTS.pathname}`);
}
