/**
 * The references issue 8's optimizer benchmark measures itself against, as rows one call returns:
 * PyTorch 1.13's CPU Adam, AdamW and SGD with momentum (one thread) in its default setup and its best CPU
 * setups (bench/torch-optim.ts), and TensorFlow.js 4.22's Adam and momentum on its cpu and wasm backends
 * (bench/tfjs-optim.ts), all float32, medians of repeated runs. bench/optim.ts turns them into ratios;
 * bench/references-run.ts prints them alone.
 *
 * How to pick rows: `library` 'torch' | 'tfjs'; `setup` 'default' (torch as shipped; two rows, for-loop and
 * foreach), 'malloc' and 'split100' (the candidates for best), 'best' (the fastest candidate, its name in the
 * note), 'cpu' and 'wasm' (TensorFlow.js backends). A source that cannot run (no torch) gives no rows; why is
 * in `skipped` of referenceReport, and written to the log.
 */
import { gbPerS } from './bandwidth.js';
import type { RepeatScheme } from './timing.js';
import { tfjsAdamRows, tfjsInfo, type TfOptimizer } from './tfjs-optim.js';
import {
  WORDS_PER_PARAMETER, timeTorchCase, torchCaseName, torchCaseNote, torchCases, type TorchCase, type TorchOptimizer,
} from './torch-optim.js';

export interface ReferenceRow {
  /** e.g. `torch Adam default for-loop`, `torch AdamW best`, `tfjs Adam wasm`. */
  name: string;
  library: 'torch' | 'tfjs';
  optimizer: TorchOptimizer;
  setup: 'default' | 'malloc' | 'split100' | 'best' | 'cpu' | 'wasm';
  /** torch only: the multi-tensor path (true) or the for-loop (false); null for tfjs and for 'best'. */
  foreach: boolean | null;
  size: number;
  dtype: 'float32';
  /** Median over the runs of the mean time per step, in milliseconds. */
  msMedian: number;
  runsMs: number[];
  /** Bytes a step must move (Adam(W): 28 per float32 parameter, SGD momentum: 20) and their rate at msMedian. */
  bytesPerStep: number;
  gbPerS: number;
  note: string;
}

export interface ReferenceOptions {
  /** Fewer cases and runs: 1e7 only, the for-loop for torch's best candidates, tfjs cpu Adam only, 2 runs. */
  quick: boolean;
  /** Parameter counts; default [1e6, 1e7] (quick: [1e7]). */
  sizes?: number[];
  /** Progress lines; default: to stderr. */
  log?: (line: string) => void;
}

export interface ReferenceReport {
  rows: ReferenceRow[];
  skipped: string[];
  torch: { version: string; threads: number } | null;
  tfjs: { version: string; wasmSimd: boolean; wasmThreads: boolean } | null;
}

const SEED = 20241124; // bench/optim.ts's seed
const TORCH_FULL: RepeatScheme = { warmup: 3, steps: 3, repeats: 7 };
const TORCH_QUICK: RepeatScheme = { warmup: 2, steps: 2, repeats: 2 };

const bytesFor = (optimizer: TorchOptimizer, size: number) => WORDS_PER_PARAMETER[optimizer] * 4 * size;

function makeRow(fields: Omit<ReferenceRow, 'bytesPerStep' | 'gbPerS' | 'dtype'>): ReferenceRow {
  const bytesPerStep = bytesFor(fields.optimizer, fields.size);
  return { ...fields, dtype: 'float32', bytesPerStep, gbPerS: gbPerS(bytesPerStep, fields.msMedian) };
}

/** Every torch case of the options, each in its own process; stops asking once torch turns out to be missing. */
function torchRows(options: ReferenceOptions, sizes: number[], log: (line: string) => void, report: ReferenceReport): ReferenceRow[] {
  const scheme = options.quick ? TORCH_QUICK : TORCH_FULL;
  const all = torchCases(sizes, ['Adam', 'AdamW', 'SGD']);
  const cases = options.quick ? all.filter((c) => c.setup === 'default' || !c.foreach) : all;
  const rows: ReferenceRow[] = [];
  const timed: { c: TorchCase; row: ReferenceRow }[] = [];
  for (const c of cases) {
    log(`  ${torchCaseName(c)} ${c.n.toExponential()}`);
    const answer = timeTorchCase(c, scheme, SEED);
    if ('skipped' in answer) {
      report.skipped.push(`torch: ${answer.skipped}`);
      return [];
    }
    report.torch = { version: answer.ok.version, threads: answer.ok.threads };
    const row = makeRow({
      name: torchCaseName(c), library: 'torch', optimizer: c.optimizer, setup: c.setup, foreach: c.foreach, size: c.n,
      msMedian: answer.ok.timing.medianMs, runsMs: answer.ok.timing.runsMs,
      note: `${torchCaseNote(c)}; torch ${answer.ok.version}, ${answer.ok.threads} thread`,
    });
    rows.push(row);
    timed.push({ c, row });
  }
  // The best CPU setup of each optimizer and size: the fastest of the candidates (never the default).
  for (const n of sizes) {
    for (const optimizer of ['Adam', 'AdamW', 'SGD'] as const) {
      const candidates = timed.filter(({ c }) => c.n === n && c.optimizer === optimizer && c.setup !== 'default');
      if (candidates.length === 0) continue;
      const best = candidates.reduce((a, b) => (b.row.msMedian < a.row.msMedian ? b : a));
      rows.push(makeRow({
        ...best.row, name: `torch ${optimizer === 'SGD' ? 'SGD momentum' : optimizer} best`, setup: 'best', foreach: null,
        note: `fastest of ${candidates.length} best-setup candidates: ${best.row.name}`,
      }));
    }
  }
  return rows;
}

async function tfjsRows(options: ReferenceOptions, sizes: number[], log: (line: string) => void, report: ReferenceReport): Promise<ReferenceRow[]> {
  try {
    report.tfjs = await tfjsInfo();
  } catch (error) {
    report.skipped.push(`tfjs: ${error instanceof Error ? error.message : String(error)}`);
    return [];
  }
  const { version, wasmSimd, wasmThreads } = report.tfjs;
  const rows: ReferenceRow[] = [];
  const repeats = options.quick ? 1 : 5;
  // SGD momentum costs one more pass of the slow cpu backend; quick runs keep to Adam there.
  const plan: { optimizer: TfOptimizer; backends: ('cpu' | 'wasm')[] }[] = [
    { optimizer: 'Adam', backends: ['wasm', 'cpu'] },
    { optimizer: 'SGD', backends: options.quick ? ['wasm'] : ['wasm', 'cpu'] },
  ];
  for (const { optimizer, backends } of plan) {
    for (const backend of backends) {
      log(`  tfjs ${optimizer === 'SGD' ? 'SGD momentum' : optimizer} ${backend} ${sizes.map((n) => n.toExponential()).join(', ')}`);
      for (const r of await tfjsAdamRows(sizes, backend === 'cpu' ? repeats : repeats + 2, [optimizer], [backend])) {
        const label = optimizer === 'SGD' ? 'SGD momentum' : optimizer;
        const how = optimizer === 'SGD' ? 'tf.train.momentum(1e-3, 0.9)' : 'tf.train.adam(1e-3)';
        const where = backend === 'wasm' ? `wasm backend (SIMD ${wasmSimd ? 'on' : 'off'}, threads ${wasmThreads ? 'on' : 'off'})` : 'pure-JS cpu backend';
        rows.push(makeRow({
          name: `tfjs ${label} ${backend}`, library: 'tfjs', optimizer, setup: backend, foreach: null, size: r.size,
          msMedian: r.msMedian, runsMs: r.runsMs, note: `TensorFlow.js ${version} ${how}.applyGradients, ${where}`,
        }));
      }
    }
  }
  return rows;
}

/** All reference rows, with the versions they were measured with and why any source was skipped. */
export async function referenceReport(options: ReferenceOptions): Promise<ReferenceReport> {
  const sizes = options.sizes ?? (options.quick ? [1e7] : [1e6, 1e7]);
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const report: ReferenceReport = { rows: [], skipped: [], torch: null, tfjs: null };
  const torch = torchRows(options, sizes, log, report);
  const tfjs = await tfjsRows(options, sizes, log, report);
  report.rows = [...torch, ...tfjs];
  for (const reason of report.skipped) log(`  skipped ${reason}`);
  return report;
}

/** The rows alone: what bench/optim.ts needs to print ratios against torch and TensorFlow.js. */
export async function referenceRows(options: ReferenceOptions): Promise<ReferenceRow[]> {
  return (await referenceReport(options)).rows;
}
