/**
 * PyTorch 1.13's CPU optimizer steps as references for issue 8: torch.optim's Adam, AdamW and SGD with momentum
 * on one thread, in its default setup and in the best CPU setups we know, each case in a fresh Python process.
 *
 * Setups (the names are what the rows print):
 * - `default`: torch.optim as a user gets it, one tensor, the for-loop (`foreach=False`, 1.13's CPU default)
 *   and the multi-tensor path (`foreach=True`).
 * - `malloc`: the same with glibc's MALLOC_MMAP_THRESHOLD_ and MALLOC_TRIM_THRESHOLD_ raised to 2^30 for the
 *   child: the step's parameter-sized temporaries are then reused from the heap instead of being mmapped and
 *   page-faulted afresh in every step, which is where most of the default's time goes at 1e7.
 * - `split100`: the parameters cut into 100 tensors (as a model's layers would be), default allocator: each
 *   temporary is small enough for glibc's dynamic threshold to keep it in the heap.
 * The best setup of an optimizer at a size is the fastest of the `malloc` and `split100` rows.
 */
import { runTorchScript, type TorchAnswer } from './torch.js';
import type { RepeatScheme, Timing } from './timing.js';

export type TorchOptimizer = 'Adam' | 'AdamW' | 'SGD';
export type TorchSetup = 'default' | 'malloc' | 'split100';

/** Options as in bench/optim.ts, so that the two sides time the same step. */
export const TORCH_OPTIONS: Record<TorchOptimizer, Record<string, number>> = {
  Adam: { lr: 1e-3 },
  AdamW: { lr: 1e-3, weight_decay: 1e-2 },
  SGD: { lr: 1e-3, momentum: 0.9 },
};

/** Bytes one step moves per parameter: Adam(W) reads θ, g, m, v and writes θ, m, v; SGD momentum reads θ, g, b, writes θ, b. */
export const WORDS_PER_PARAMETER: Record<TorchOptimizer, number> = { Adam: 7, AdamW: 7, SGD: 5 };

/** 2^30: far above any temporary here, so glibc keeps them in the heap and never trims it between steps. */
const RAISED = String(2 ** 30);
const SETUP_ENV: Record<TorchSetup, Record<string, string>> = {
  default: {},
  malloc: { MALLOC_MMAP_THRESHOLD_: RAISED, MALLOC_TRIM_THRESHOLD_: RAISED },
  split100: {},
};
const SETUP_TENSORS: Record<TorchSetup, number> = { default: 1, malloc: 1, split100: 100 };

export interface TorchCase {
  optimizer: TorchOptimizer;
  setup: TorchSetup;
  foreach: boolean;
  n: number;
  dtype: 'float32' | 'float64';
}

export interface TorchTiming {
  version: string;
  threads: number;
  malloc: Record<string, string>;
  timing: Timing;
}

/** Every setup of every optimizer at every size, float32, for-loop and foreach. */
export function torchCases(sizes: readonly number[], optimizers: readonly TorchOptimizer[]): TorchCase[] {
  const setups: TorchSetup[] = ['default', 'malloc', 'split100'];
  return sizes.flatMap((n) => optimizers.flatMap((optimizer) => setups.flatMap((setup) =>
    [false, true].map((foreach) => ({ optimizer, setup, foreach, n, dtype: 'float32' as const })))));
}

/** Times one case in a fresh child process (one thread: torch.set_num_threads(1) and OMP_NUM_THREADS=1). */
export function timeTorchCase(c: TorchCase, scheme: RepeatScheme, seed: number): TorchAnswer<TorchTiming> {
  const request = {
    scheme, seed,
    case: { optimizer: c.optimizer, options: TORCH_OPTIONS[c.optimizer], n: c.n, dtype: c.dtype, foreach: c.foreach, tensors: SETUP_TENSORS[c.setup] },
  };
  return runTorchScript<TorchTiming>('torch_optim.py', request, { OMP_NUM_THREADS: '1', ...SETUP_ENV[c.setup] });
}

/** How a row names the case, e.g. `torch Adam default for-loop`, `torch SGD momentum split100 foreach`. */
export function torchCaseName(c: TorchCase): string {
  const optimizer = c.optimizer === 'SGD' ? 'SGD momentum' : c.optimizer;
  return `torch ${optimizer} ${c.setup} ${c.foreach ? 'foreach' : 'for-loop'}`;
}

/** What a row's note says about the setup. */
export function torchCaseNote(c: TorchCase): string {
  switch (c.setup) {
    case 'default': return 'torch.optim as shipped, one tensor';
    case 'malloc': return `MALLOC_MMAP_THRESHOLD_=MALLOC_TRIM_THRESHOLD_=${RAISED}, one tensor`;
    case 'split100': return 'parameters split into 100 tensors, default allocator';
  }
}
