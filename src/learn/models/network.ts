/**
 * A fully connected network with its loss and its backward pass written by hand: the one engine behind every
 * model of the learning layer. Linear, logistic and softmax regression are this network with no hidden layer
 * (and their own loss); the MLP adds hidden layers with an activation. Parameters are ordinary Parameters, one
 * weight (out × in, row-major, as torch.nn.Linear) and one bias (out) per layer, so every optimizer trains it.
 *
 * Speed: every activation, delta and transposed buffer is allocated once and grown only when a batch with more
 * rows arrives; a step allocates nothing. Buffers are in the parameters' precision; a batch may come in either.
 * A float32 network runs its matrix products in WebAssembly SIMD where available (`wasmMatmul()`): its buffers
 * are then views into a MatmulWorkspace, and x, weights and biases are copied in, weight gradients copied out.
 */
import { fail, show } from '../../core/errors.js';
import type { DType, FloatArray } from '../../core/float-array.js';
import { Parameter } from '../../core/parameter.js';
import { Random } from '../../core/random.js';
import { initWeights, type Activation, type InitScheme } from '../init.js';
import { outputHead, penalty, taskLoss } from '../losses.js';
import type { Batch, Model, Task } from '../types.js';
import { MatmulWorkspace } from '../../wasm/matmul-workspace.js';
import { activate, activationGradient } from './activations.js';
import { columnSums, matmulNT, rowSums, transpose, wasmMatmul } from './matmul.js';

/** The wasm path's copies, views into the workspace: x, then per layer W and b (in) and ∂W (as the kernel writes it). */
interface WasmCopies {
  x: Float32Array;
  w: Float32Array[];
  b: Float32Array[];
  grad: Float32Array[];
}

export interface NetworkConfig {
  /** The model's name, e.g. `mlp`; also the owner named in error messages. */
  name: string;
  /** Layer sizes [inputs, ...hidden, outputs]. */
  layers: readonly number[];
  activation: Activation;
  init: InitScheme;
  task: Task;
  seed: number;
  l1: number;
  l2: number;
  dtype: DType;
  /** Parameter names: `layer1.weight`, … ('layers'), or `weight` and `bias` for a one-layer model ('single'). */
  naming: 'layers' | 'single';
}

const allocate = (dtype: DType, n: number): FloatArray => (dtype === 'float32' ? new Float32Array(n) : new Float64Array(n));

/** Throws unless `layers` is a list of two or more integer sizes >= 1 whose last fits the task. */
export function checkLayers(owner: string, layers: readonly number[], task: Task): void {
  if (!Array.isArray(layers) || layers.length < 2) fail(owner, `layers must list at least 2 sizes [inputs, …, outputs], got ${show(layers)}`);
  layers.forEach((size, i) => {
    if (!(Number.isInteger(size) && size >= 1)) fail(owner, `layers[${i}] must be an integer >= 1, got ${show(size)}`);
  });
  const outputs = layers[layers.length - 1];
  if (task !== 'multiclass' && outputs !== 1) fail(owner, `a ${task} model has 1 output, got ${outputs} in layers ${show(layers)}`);
  if (task === 'multiclass' && outputs < 2) fail(owner, `a multiclass model needs at least 2 outputs (one per class), got ${outputs}`);
}

export class Network implements Model {
  readonly name: string;
  readonly task: Task;
  readonly inputs: number;
  readonly outputs: number;
  readonly layers: readonly number[];
  readonly activation: Activation;
  readonly l1: number;
  readonly l2: number;
  readonly parameters: readonly Parameter[];
  /** The weight matrices (penalised by λR(W)) and the biases (not penalised), layer by layer. */
  readonly weights: readonly Parameter[];
  readonly biases: readonly Parameter[];
  private readonly dtype: DType;
  /** Rows the buffers hold. */
  private capacity = 0;
  /** acts[l]: the output of layer l + 1 (rows × size), after the activation; the last holds the logits z. */
  private acts: FloatArray[] = [];
  /** deltas[l]: ∂L/∂z of layer l + 1 (rows × size); deltaT[l] its transpose. */
  private deltas: FloatArray[] = [];
  private deltaT: FloatArray[] = [];
  /** inputT[l]: the input of layer l + 1, transposed (size_in × rows); weightT[l]: Wᵀ (in × out). */
  private inputT: FloatArray[] = [];
  private readonly weightT: FloatArray[];
  /** The WebAssembly memory of the float32 products, made on the first pass that takes that path. */
  private workspace: MatmulWorkspace | null = null;
  /** Non-null while acts and deltas are workspace views (the wasm path). */
  private copies: WasmCopies | null = null;

  constructor(config: NetworkConfig) {
    const { name, layers, task, l1, l2, dtype } = config;
    checkLayers(name, layers, task);
    if (!(l1 >= 0 && Number.isFinite(l1))) fail(name, `l1 must be a finite number >= 0, got ${show(l1)}`);
    if (!(l2 >= 0 && Number.isFinite(l2))) fail(name, `l2 must be a finite number >= 0, got ${show(l2)}`);
    if (dtype !== 'float32' && dtype !== 'float64') fail(name, `dtype must be "float32" or "float64", got ${show(dtype)}`);
    this.name = name;
    this.task = task;
    this.layers = [...layers];
    this.inputs = layers[0];
    this.outputs = layers[layers.length - 1];
    this.activation = config.activation;
    this.l1 = l1;
    this.l2 = l2;
    this.dtype = dtype;
    const random = new Random(config.seed);
    const weights: Parameter[] = [];
    const biases: Parameter[] = [];
    const parameters: Parameter[] = [];
    for (let l = 1; l < layers.length; l++) {
      const fanIn = layers[l - 1];
      const fanOut = layers[l];
      const prefix = config.naming === 'single' ? '' : `layer${l}.`;
      const w = new Parameter(allocate(dtype, fanOut * fanIn), { name: `${prefix}weight` });
      initWeights(w.data, config.init, fanIn, fanOut, random);
      const b = new Parameter(allocate(dtype, fanOut), { name: `${prefix}bias` });
      weights.push(w);
      biases.push(b);
      parameters.push(w, b);
    }
    this.weights = weights;
    this.biases = biases;
    this.parameters = parameters;
    this.weightT = weights.map((w) => allocate(dtype, w.data.length));
  }

  /**
   * Grows the buffers to hold `rows` rows (never shrinks them: the next big batch needs no allocation), on the
   * path the backend switch picks now: in the workspace for wasm, ordinary arrays for the TypeScript kernels.
   */
  private reserve(rows: number): void {
    const wasm = this.dtype === 'float32' && wasmMatmul();
    if (rows <= this.capacity && wasm === (this.copies !== null)) return;
    const sizes = this.layers;
    if (wasm) {
      this.workspace ??= new MatmulWorkspace();
      const hidden = sizes.slice(1).map((size) => rows * size);
      const weights = this.weights.map((w) => w.data.length);
      const views = this.workspace.layout([rows * sizes[0], ...hidden, ...hidden, ...weights, ...sizes.slice(1), ...weights]);
      const L = hidden.length;
      this.acts = views.slice(1, 1 + L);
      this.deltas = views.slice(1 + L, 1 + 2 * L);
      this.copies = { x: views[0], w: views.slice(1 + 2 * L, 1 + 3 * L), b: views.slice(1 + 3 * L, 1 + 4 * L), grad: views.slice(1 + 4 * L) };
      this.deltaT = [];
      this.inputT = [];
    } else {
      this.acts = sizes.slice(1).map((size) => allocate(this.dtype, rows * size));
      this.deltas = sizes.slice(1).map((size) => allocate(this.dtype, rows * size));
      this.deltaT = sizes.slice(1).map((size) => allocate(this.dtype, rows * size));
      this.inputT = sizes.slice(0, -1).map((size) => allocate(this.dtype, rows * size));
      this.copies = null;
    }
    this.capacity = rows;
  }

  private checkInput(x: FloatArray, rows: number): void {
    if (!(Number.isInteger(rows) && rows >= 1)) fail(this.name, `a batch needs an integer number of rows >= 1, got ${show(rows)}`);
    if (!(x instanceof Float32Array || x instanceof Float64Array)) fail(this.name, `x must be a Float32Array or a Float64Array, got ${show(x)}`);
    if (x.length < rows * this.inputs) fail(this.name, `x holds ${x.length} values, fewer than ${rows} rows × ${this.inputs} inputs`);
  }

  private checkBatch(batch: Batch): void {
    this.checkInput(batch.x, batch.rows);
    if (batch.y.length < batch.rows) fail(this.name, `y holds ${batch.y.length} targets, fewer than the batch's ${batch.rows} rows`);
  }

  /**
   * The forward pass, layer by layer (l = 1 … L, a⁰ = x, f the activation, none on the last layer):
   *
   *   zˡ = a^{l−1} Wˡᵀ + bˡ,   aˡ = f(zˡ)
   *
   * Returns the logits z^L (rows × outputs), in a buffer the next call reuses.
   */
  private forward(x: FloatArray, rows: number): FloatArray {
    this.reserve(rows);
    const last = this.weights.length - 1;
    const copies = this.copies;
    let input = x;
    if (copies !== null) {
      const n = rows * this.inputs;
      if (x.length === n) copies.x.set(x);
      else for (let i = 0; i < n; i++) copies.x[i] = x[i];
      input = copies.x;
    }
    for (let l = 0; l <= last; l++) {
      const out = this.acts[l];
      if (copies !== null) {
        copies.w[l].set(this.weights[l].data);
        copies.b[l].set(this.biases[l].data);
        this.workspace!.nt(input as Float32Array, copies.w[l], out as Float32Array, copies.b[l], rows, this.layers[l + 1], this.layers[l]);
      } else {
        matmulNT(input, this.weights[l].data, out, rows, this.layers[l + 1], this.layers[l], this.biases[l].data);
      }
      if (l < last) activate(this.activation, out, rows * this.layers[l + 1]);
      input = out;
    }
    return this.acts[last];
  }

  /**
   * Backpropagation (Rumelhart, Hinton & Williams 1986), from δᴸ = ∂L/∂zᴸ given by the loss, with ⊙ elementwise:
   *
   *   ∂L/∂Wˡ = δˡᵀ a^{l−1},   ∂L/∂bˡ = Σ_rows δˡ,   δ^{l−1} = (δˡ Wˡ) ⊙ f′(z^{l−1})
   *
   * f′ is read off the stored activation: ReLU 1[a > 0], tanh 1 − a², sigmoid a(1 − a). The 1/N of the mean
   * is already in δᴸ. Overwrites every grad.
   */
  private backward(x: FloatArray, rows: number): void {
    if (this.copies !== null) return this.backwardWasm(this.copies, rows);
    const layers = this.layers;
    for (let l = this.weights.length - 1; l >= 0; l--) {
      const fanIn = layers[l];
      const fanOut = layers[l + 1];
      const input = l === 0 ? x : this.acts[l - 1];
      const delta = this.deltas[l];
      const w = this.weights[l];
      transpose(delta, this.deltaT[l], rows, fanOut);
      transpose(input, this.inputT[l], rows, fanIn);
      matmulNT(this.deltaT[l], this.inputT[l], w.grad as FloatArray, fanOut, fanIn, rows, null);
      rowSums(this.deltaT[l], this.biases[l].grad as FloatArray, fanOut, rows);
      if (l > 0) {
        transpose(w.data, this.weightT[l], fanOut, fanIn);
        const below = this.deltas[l - 1];
        matmulNT(delta, this.weightT[l], below, rows, fanIn, fanOut, null);
        activationGradient(this.activation, this.acts[l - 1], below, rows * fanIn);
      }
    }
  }

  /** The same backward pass with the products in WebAssembly: ∂W = δᵀa and δ·W need no transposed copies. */
  private backwardWasm(copies: WasmCopies, rows: number): void {
    const layers = this.layers;
    const workspace = this.workspace!;
    for (let l = this.weights.length - 1; l >= 0; l--) {
      const fanIn = layers[l];
      const fanOut = layers[l + 1];
      const input = (l === 0 ? copies.x : this.acts[l - 1]) as Float32Array;
      const delta = this.deltas[l] as Float32Array;
      workspace.tn(delta, input, copies.grad[l], fanOut, fanIn, rows);
      (this.weights[l].grad as FloatArray).set(copies.grad[l]);
      columnSums(delta, this.biases[l].grad as FloatArray, rows, fanOut);
      if (l > 0) {
        const below = this.deltas[l - 1] as Float32Array;
        workspace.nn(delta, copies.w[l], below, rows, fanIn, fanOut);
        activationGradient(this.activation, this.acts[l - 1], below, rows * fanIn);
      }
    }
  }

  lossAndGrad(batch: Batch): number {
    this.checkBatch(batch);
    const { x, y, rows } = batch;
    const z = this.forward(x, rows);
    const loss = taskLoss(this.task, z, y, rows, this.outputs, this.deltas[this.deltas.length - 1]);
    this.backward(x, rows);
    return loss + penalty(this.weights, this.l1, this.l2, true);
  }

  loss(batch: Batch): number {
    this.checkBatch(batch);
    const z = this.forward(batch.x, batch.rows);
    return taskLoss(this.task, z, batch.y, batch.rows, this.outputs, null) + penalty(this.weights, this.l1, this.l2, false);
  }

  predict(x: FloatArray, rows: number, out: FloatArray): void {
    this.checkInput(x, rows);
    if (out.length < rows * this.outputs) fail(this.name, `out holds ${out.length} values, fewer than ${rows} rows × ${this.outputs} outputs`);
    outputHead(this.task, this.forward(x, rows), rows, this.outputs, out);
  }
}
