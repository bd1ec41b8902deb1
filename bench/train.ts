/**
 * Training speed of a multilayer perceptron: samples per second of one step (forward, backward by hand, Adam) of
 * an MLP 784-256-10 (ReLU, softmax cross-entropy), batch 128, float32, on synthetic data, against TensorFlow.js
 * doing the same step (tf.variable + tf.train.adam, gradients by its autodiff) on its pure-JS cpu backend and on
 * its wasm backend, timed in the same run and printed as ratios.
 *
 * A step is about 2 × 2 × 128 × 784 × 256 ≈ 105 million floating-point operations (the first layer's forward
 * product and its weight gradient; the second layer and Adam's 203,530 parameters add little).
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import Table from 'cli-table3';
import { MLP } from '../src/learn/models/mlp.js';
import { Adam } from '../src/optim/adam.js';
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

function timeOurs(scheme: RepeatScheme): Timing {
  const model = new MLP({ layers: [...LAYERS], activation: 'relu', task: 'multiclass', seed: SEED, dtype: 'float32' });
  const optimizer = new Adam([...model.parameters], { lr: LR });
  const batch = syntheticBatch();
  return timePerCall(() => {
    model.lossAndGrad(batch);
    optimizer.step();
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
  process.stderr.write('  descent\n');
  const ours = timeOurs(scheme);
  const theirs: Record<string, Timing> = {};
  for (const backend of ['cpu', 'wasm'] as const) {
    process.stderr.write(`  TensorFlow.js ${backend}\n`);
    theirs[backend] = await timeTf(tf, backend, scheme);
  }
  // Ours once more after theirs, so that a change in the machine's load during the run shows up as a difference.
  process.stderr.write('  descent (again)\n');
  const oursAgain = timeOurs(scheme);

  const rows = [
    { name: 'descent (hand-written backprop + Adam)', timing: ours },
    { name: 'descent, timed again after TensorFlow.js', timing: oursAgain },
    { name: 'TensorFlow.js cpu (pure JS)', timing: theirs.cpu },
    { name: 'TensorFlow.js wasm', timing: theirs.wasm },
  ].map((r) => ({
    name: r.name, msPerStep: r.timing.medianMs, runsMs: r.timing.runsMs, samplesPerS: (BATCH * 1000) / r.timing.medianMs,
    gflops: FLOPS / (r.timing.medianMs * 1e6), oursOverThis: r.timing.medianMs / ours.medianMs,
  }));
  const table = new Table({
    head: ['step', 'ms/step', 'samples/s', 'GFLOP/s', 'descent speed-up'],
    colAligns: ['left', 'right', 'right', 'right', 'right'],
    style: { head: [], border: [] },
  });
  for (const r of rows) table.push([r.name, r.msPerStep.toFixed(2), r.samplesPerS.toFixed(0), r.gflops.toFixed(2), `${r.oursOverThis.toFixed(2)}×`]);
  console.log(table.toString());
  console.log(`median of ${scheme.repeats} runs of ${scheme.steps} steps after ${scheme.warmup} warm-up steps; speed-up = their ms/step ÷ descent's (> 1: descent is faster)`);
  const simd = await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT');
  const threads = await tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT');
  console.log(`TensorFlow.js ${tf.version_core} (wasm: SIMD ${simd ? 'on' : 'off'}, threads ${threads ? 'on' : 'off'}); ${(FLOPS / 1e6).toFixed(0)} MFLOP per step`);
  const ratios = { toTfCpu: theirs.cpu.medianMs / ours.medianMs, toTfWasm: theirs.wasm.medianMs / ours.medianMs };
  console.log(`descent vs TensorFlow.js cpu: ${ratios.toTfCpu.toFixed(2)}× the speed; vs wasm: ${ratios.toTfWasm.toFixed(2)}×`);

  if (values.quick) {
    console.log(`--quick: ${RESULTS.pathname} not written`);
    return;
  }
  writeFileSync(RESULTS, `${JSON.stringify({ benchmark: 'train', machine, scheme, seed: SEED, layers: LAYERS, batch: BATCH, dtype: 'float32', flopsPerStep: FLOPS, tfjs: tf.version_core, wasmSimd: simd, wasmThreads: threads, ratios, rows }, null, 2)}\n`);
  console.log(`wrote ${RESULTS.pathname}`);
}
