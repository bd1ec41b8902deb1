/**
 * Training speed of a multilayer perceptron: samples per second of one step (forward, backward by hand, Adam) of
 * an MLP 784-256-10 (ReLU, softmax cross-entropy), batch 128, float32, on synthetic data, against TensorFlow.js
 * doing the same step (tf.variable + tf.train.adam, gradients by its autodiff) on its pure-JS cpu backend and on
 * its wasm backend, timed in the same run and printed as ratios. descent runs three ways: its matrix products in
 * WebAssembly SIMD (the default where available), in its blocked TypeScript kernels (`setMatmulBackend('js')`),
 * and as plain triple loops (bench/train-plain.ts); for these the forward+backward alone is timed too, and the
 * per-step copies of the wasm path (x and weights in, weight gradients out) on their own.
 *
 * A step is about 2 × 2 × 128 × 784 × 256 ≈ 105 million floating-point operations (the first layer's forward
 * product and its weight gradient; the second layer and Adam's 203,530 parameters add little).
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import Table from 'cli-table3';
import { setMatmulBackend, type MatmulBackend } from '../src/learn/models/matmul.js';
import { MLP } from '../src/learn/models/mlp.js';
import { Adam } from '../src/optim/adam.js';
import { MatmulWorkspace } from '../src/wasm/matmul-workspace.js';
import { PlainMLP } from './train-plain.js';
import { SHARED_NOTE, machineInfo } from './machine.js';
import { fillUniform } from './seeded.js';
import { timePerCall, type RepeatScheme, type Timing } from './timing.js';

const LAYERS = [784, 256, 10] as const;
const BATCH = 128;
const LR = 1e-3;
const SEED = 20241124;
const FULL: RepeatScheme = { warmup: 5, steps: 10, repeats: 7 };
const QUICK: RepeatScheme = { warmup: 2, steps: 3, repeats: 3 };
const RESULTS = new URL('results/train.json', import.meta.url);
const FLOPS = 2 * BATCH * (LAYERS[0] * LAYERS[1] + LAYERS[1] * LAYERS[2]) * 3 - 2 * BATCH * LAYERS[0] * LAYERS[1];

/** The synthetic batch: uniform features in [-1, 1), class ids spread over the 10 classes. */
function syntheticBatch() {
  const x = fillUniform(new Float32Array(BATCH * LAYERS[0]), SEED);
  const y = new Float32Array(BATCH);
  for (let i = 0; i < BATCH; i++) y[i] = (i * 7) % LAYERS[2];
  return { x, y, rows: BATCH };
}

const newModel = () => new MLP({ layers: [...LAYERS], activation: 'relu', task: 'multiclass', seed: SEED, dtype: 'float32' });

interface Ours {
  step: Timing;
  /** lossAndGrad alone: the forward and backward pass, no optimizer. */
  passes: Timing;
  /** The first step's loss, to check that every variant computes the same thing. */
  loss: number;
}

/** descent's step with its products on `products`: the blocked kernels ('js'), WebAssembly ('wasm'), or plain loops. */
function timeOurs(products: MatmulBackend | 'plain', scheme: RepeatScheme): Ours {
  const model = newModel();
  const batch = syntheticBatch();
  const net = products === 'plain' ? new PlainMLP(LAYERS, model.parameters, BATCH) : model;
  if (products !== 'plain') setMatmulBackend(products);
  try {
    const loss = net.lossAndGrad(batch);
    const passes = timePerCall(() => net.lossAndGrad(batch), scheme);
    const optimizer = new Adam([...net.parameters], { lr: LR });
    const step = timePerCall(() => {
      net.lossAndGrad(batch);
      optimizer.step();
    }, scheme);
    return { step, passes, loss };
  } finally {
    setMatmulBackend('auto');
  }
}

/** What the wasm path copies per step, alone: x and every weight and bias into the workspace, each ∂W out. */
function timeCopies(scheme: RepeatScheme): Timing {
  const model = newModel();
  const { x } = syntheticBatch();
  const params = model.parameters.map((p) => p.data);
  const grads = model.parameters.filter((_, i) => i % 2 === 0).map((p) => p.grad!);
  const views = new MatmulWorkspace().layout([x.length, ...params.map((p) => p.length), ...grads.map((g) => g.length)]);
  return timePerCall(() => {
    views[0].set(x);
    params.forEach((p, i) => views[1 + i].set(p));
    grads.forEach((g, i) => g.set(views[1 + params.length + i]));
  }, scheme);
}

type Tf = typeof import('@tensorflow/tfjs-core');

/** The same step in TensorFlow.js on `backend`: He-initialised weights, softmax cross-entropy, tf.train.adam. */
async function timeTf(tf: Tf, backend: 'cpu' | 'wasm', scheme: RepeatScheme): Promise<Timing> {
  if (!(await tf.setBackend(backend))) throw new Error(`TensorFlow.js backend ${backend} did not start`);
  await tf.ready();
  const { x, y } = syntheticBatch();
  const xs = tf.tensor2d(x, [BATCH, LAYERS[0]]);
  const labels = tf.oneHot(tf.tensor1d(Array.from(y), 'int32'), LAYERS[2]);
  const w1 = tf.variable(tf.randomNormal([LAYERS[0], LAYERS[1]], 0, Math.sqrt(2 / LAYERS[0]), 'float32', SEED));
  const b1 = tf.variable(tf.zeros([LAYERS[1]]));
  const w2 = tf.variable(tf.randomNormal([LAYERS[1], LAYERS[2]], 0, Math.sqrt(2 / LAYERS[1]), 'float32', SEED + 1));
  const b2 = tf.variable(tf.zeros([LAYERS[2]]));
  const optimizer = tf.train.adam(LR);
  const loss = () => tf.losses.softmaxCrossEntropy(labels, tf.add(tf.matMul(tf.relu(tf.add(tf.matMul(xs, w1), b1)), w2), b2)) as import('@tensorflow/tfjs-core').Scalar;
  const step = () => {
    const value = optimizer.minimize(loss, true);
    value?.dataSync(); // wait for the step to finish (the cpu and wasm backends are synchronous; this keeps it honest)
    value?.dispose();
  };
  const timing = timePerCall(step, scheme);
  for (const t of [xs, labels, w1, b1, w2, b2]) t.dispose();
  optimizer.dispose();
  return timing;
}

/**
 * TensorFlow.js through its CommonJS bundles: the union package '@tensorflow/tfjs' is what registers the
 * gradient functions (tfjs-core alone has none, and its ES module files do not load in Node), and it brings the
 * cpu backend; the wasm backend registers itself with the same tfjs-core.
 */
function loadTf(): Tf {
  const require = createRequire(import.meta.url);
  const tf = require('@tensorflow/tfjs') as Tf;
  const wasm = require('@tensorflow/tfjs-backend-wasm') as typeof import('@tensorflow/tfjs-backend-wasm');
  // The wasm backend ships its .wasm files in the package; point it at them (a directory path, ending in a slash).
  const dist = path.join(path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json')), 'dist');
  wasm.setWasmPaths(`${dist}${path.sep}`);
  return tf;
}

export async function main(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { quick: { type: 'boolean', default: false } } });
  const scheme = values.quick ? QUICK : FULL;
  const machine = machineInfo();
  console.log(`MLP ${LAYERS.join('-')} training step, batch ${BATCH}, float32: node ${machine.node}, ${machine.cpu} (${machine.cores} cores)${values.quick ? ', --quick' : ''}`);
  console.log(`note: ${SHARED_NOTE}`);

  const tf = loadTf();
  const variants = [
    { key: 'wasm', name: 'descent, products in wasm SIMD (default)' },
    { key: 'js', name: 'descent, blocked JS kernels' },
    { key: 'plain', name: 'descent, plain triple loops' },
  ] as const;
  const mine: Record<string, Ours> = {};
  for (const v of variants) {
    process.stderr.write(`  ${v.name}\n`);
    mine[v.key] = timeOurs(v.key, scheme);
  }
  const losses = Object.values(mine).map((o) => o.loss);
  if (Math.max(...losses) - Math.min(...losses) > 1e-5 * Math.abs(losses[0])) throw new Error(`the variants disagree on the loss: ${losses.join(', ')}`);
  process.stderr.write('  copies of the wasm path\n');
  const copies = timeCopies(scheme);
  const theirs: Record<string, Timing> = {};
  for (const backend of ['cpu', 'wasm'] as const) {
    process.stderr.write(`  TensorFlow.js ${backend}\n`);
    theirs[backend] = await timeTf(tf, backend, scheme);
  }
  // Ours once more after theirs, so that a change in the machine's load during the run shows up as a difference.
  process.stderr.write('  descent wasm (again)\n');
  const oursAgain = timeOurs('wasm', scheme);
  const ours = mine.wasm.step;

  const rows = [
    ...variants.map((v) => ({ name: v.name, timing: mine[v.key].step, passes: mine[v.key].passes as Timing | null })),
    { name: 'descent wasm, timed again after TensorFlow.js', timing: oursAgain.step, passes: oursAgain.passes },
    { name: 'TensorFlow.js cpu (pure JS)', timing: theirs.cpu, passes: null },
    { name: 'TensorFlow.js wasm', timing: theirs.wasm, passes: null },
  ].map((r) => ({
    name: r.name, msPerStep: r.timing.medianMs, runsMs: r.timing.runsMs, samplesPerS: (BATCH * 1000) / r.timing.medianMs,
    gflops: FLOPS / (r.timing.medianMs * 1e6), oursOverThis: r.timing.medianMs / ours.medianMs,
    forwardBackwardMs: r.passes?.medianMs ?? null, forwardBackwardSpeedUp: r.passes === null ? null : r.passes.medianMs / mine.wasm.passes.medianMs,
  }));
  const table = new Table({
    head: ['step', 'ms/step', 'samples/s', 'GFLOP/s', 'wasm speed-up', 'fwd+bwd ms', 'wasm fwd+bwd speed-up'],
    colAligns: ['left', 'right', 'right', 'right', 'right', 'right', 'right'],
    style: { head: [], border: [] },
  });
  for (const r of rows) {
    table.push([
      r.name, r.msPerStep.toFixed(2), r.samplesPerS.toFixed(0), r.gflops.toFixed(2), `${r.oursOverThis.toFixed(2)}×`,
      r.forwardBackwardMs === null ? '' : r.forwardBackwardMs.toFixed(2), r.forwardBackwardSpeedUp === null ? '' : `${r.forwardBackwardSpeedUp.toFixed(2)}×`,
    ]);
  }
  console.log(table.toString());
  console.log(`median of ${scheme.repeats} runs of ${scheme.steps} steps after ${scheme.warmup} warm-up steps; speed-up = its ms ÷ descent wasm's (> 1: the wasm path is faster)`);
  console.log(`copies of the wasm path (x, W, b in; ∂W out): ${copies.medianMs.toFixed(3)} ms per step, ${((100 * copies.medianMs) / mine.wasm.passes.medianMs).toFixed(1)}% of its forward+backward`);
  const plain = {
    forwardBackward: mine.plain.passes.medianMs / mine.wasm.passes.medianMs,
    step: mine.plain.step.medianMs / ours.medianMs,
    jsForwardBackward: mine.js.passes.medianMs / mine.wasm.passes.medianMs,
  };
  console.log(`wasm vs plain loops: forward+backward ${plain.forwardBackward.toFixed(2)}× the speed (target ≥ 3×), step ${plain.step.toFixed(2)}×; vs blocked JS: forward+backward ${plain.jsForwardBackward.toFixed(2)}×`);
  const simd = await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT');
  const threads = await tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT');
  console.log(`TensorFlow.js ${tf.version_core} (wasm: SIMD ${simd ? 'on' : 'off'}, threads ${threads ? 'on' : 'off'}); ${(FLOPS / 1e6).toFixed(0)} MFLOP per step`);
  const ratios = {
    toTfCpu: theirs.cpu.medianMs / ours.medianMs, toTfWasm: theirs.wasm.medianMs / ours.medianMs,
    toPlainForwardBackward: plain.forwardBackward, toPlainStep: plain.step, toBlockedJsForwardBackward: plain.jsForwardBackward,
    copyShareOfForwardBackward: copies.medianMs / mine.wasm.passes.medianMs,
  };
  console.log(`descent (wasm) vs TensorFlow.js cpu: ${ratios.toTfCpu.toFixed(2)}× the speed; vs wasm: ${ratios.toTfWasm.toFixed(2)}× (target > 1)`);

  if (values.quick) {
    console.log(`--quick: ${RESULTS.pathname} not written`);
    return;
  }
  writeFileSync(RESULTS, `${JSON.stringify({ benchmark: 'train', machine, scheme, seed: SEED, layers: LAYERS, batch: BATCH, dtype: 'float32', flopsPerStep: FLOPS, tfjs: tf.version_core, wasmSimd: simd, wasmThreads: threads, ratios, copyMs: copies.medianMs, rows }, null, 2)}\n`);
  console.log(`wrote ${RESULTS.pathname}`);
}
