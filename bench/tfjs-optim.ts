/**
 * TensorFlow.js 4.22's optimizer steps as references for issue 8: `tf.train.adam` (and `tf.train.momentum`,
 * SGD with momentum 0.9) applied to one float32 variable of n parameters with a fixed gradient tensor, on the
 * pure-JS `cpu` backend and on the `wasm` backend (single-threaded under Node: no SharedArrayBuffer workers).
 *
 * Only the update is timed: `optimizer.applyGradients([{ name: θ.name, tensor: g }])` inside `tf.tidy`, which frees the step's
 * temporaries, then one element of θ read back with dataSync. Both backends run synchronously, so the step is
 * done when the call returns; the read keeps the timing honest should that ever change, and costs ~nothing.
 * TensorFlow.js has no AdamW; its Adam and momentum follow the same equations as torch's (momentum without
 * dampening: b ← μ b + g, θ ← θ − η b).
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { fillUniform } from './seeded.js';
import { timePerCall, type RepeatScheme, type Timing } from './timing.js';

export type TfBackend = 'cpu' | 'wasm';
export type TfOptimizer = 'Adam' | 'SGD';
type Tf = typeof import('@tensorflow/tfjs-core');

export interface TfjsRow {
  backend: TfBackend;
  optimizer: TfOptimizer;
  size: number;
  msMedian: number;
  runsMs: number[];
}

const SEED = 20241124;

let loaded: Tf | undefined;

/**
 * TensorFlow.js through its CommonJS bundles, as bench/train.ts loads it: '@tensorflow/tfjs' brings tfjs-core
 * and the cpu backend, the wasm backend registers itself with the same core and finds its .wasm files in its
 * package's dist folder.
 */
export function loadTf(): Tf {
  if (loaded !== undefined) return loaded;
  const require = createRequire(import.meta.url);
  const tf = require('@tensorflow/tfjs') as Tf;
  const wasm = require('@tensorflow/tfjs-backend-wasm') as typeof import('@tensorflow/tfjs-backend-wasm');
  const dist = path.join(path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json')), 'dist');
  wasm.setWasmPaths(`${dist}${path.sep}`);
  loaded = tf;
  return tf;
}

/** Times one optimizer step of `optimizer` on `backend` at `size` parameters. */
export async function timeTfjsStep(backend: TfBackend, optimizer: TfOptimizer, size: number, scheme: RepeatScheme): Promise<Timing> {
  const tf = loadTf();
  if (!(await tf.setBackend(backend))) throw new Error(`TensorFlow.js backend ${backend} did not start`);
  await tf.ready();
  // The same seeded values as bench/optim.ts gives its parameters and gradient.
  const theta = tf.variable(tf.tensor1d(fillUniform(new Float32Array(size), SEED), 'float32'), true, `theta_${backend}_${optimizer}_${size}`);
  const grad = tf.tensor1d(fillUniform(new Float32Array(size), SEED + 1), 'float32');
  const opt = optimizer === 'Adam' ? tf.train.adam(1e-3) : tf.train.momentum(1e-3, 0.9);
  const gradients = [{ name: theta.name, tensor: grad }];
  const step = () => {
    tf.tidy(() => {
      opt.applyGradients(gradients);
      tf.slice(theta, 0, 1).dataSync();
    });
  };
  try {
    return timePerCall(step, scheme);
  } finally {
    opt.dispose();
    theta.dispose();
    grad.dispose();
  }
}

/**
 * Medians of Adam steps on both backends at each size, for the benchmark of issue 8. The pure-JS cpu backend
 * takes seconds per step at 1e7, so `repeats` sets its runs of one step after one warm-up; wasm gets
 * `repeats` runs of 3 steps after 3 warm-ups. `optimizers` adds SGD with momentum when asked; `backends`
 * picks the backends.
 */
export async function tfjsAdamRows(
  sizes: readonly number[], repeats: number, optimizers: readonly TfOptimizer[] = ['Adam'], backends: readonly TfBackend[] = ['wasm', 'cpu'],
): Promise<TfjsRow[]> {
  const rows: TfjsRow[] = [];
  for (const backend of backends) {
    const scheme: RepeatScheme = backend === 'cpu' ? { warmup: 1, steps: 1, repeats } : { warmup: 3, steps: 3, repeats };
    for (const optimizer of optimizers) {
      for (const size of sizes) {
        const timing = await timeTfjsStep(backend, optimizer, size, scheme);
        rows.push({ backend, optimizer, size, msMedian: timing.medianMs, runsMs: timing.runsMs });
      }
    }
  }
  return rows;
}

/** Version and wasm capabilities, for the notes of the rows. */
export async function tfjsInfo(): Promise<{ version: string; wasmSimd: boolean; wasmThreads: boolean }> {
  const tf = loadTf();
  await tf.setBackend('wasm');
  await tf.ready();
  return {
    version: tf.version_core,
    wasmSimd: Boolean(await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT')),
    wasmThreads: Boolean(await tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT')),
  };
}
