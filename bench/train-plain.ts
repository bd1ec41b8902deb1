/**
 * The plain-loops baseline of the training benchmark: the same MLP forward and backward pass (ReLU hidden layers,
 * softmax cross-entropy) written as a textbook triple loop per matrix product, with no register blocking, no
 * transposed copies and no SIMD — what "plain loops" means in issue 8's target (the wasm path at least 3× faster).
 * Benchmark-only: the library's kernels are src/learn/models/matmul.ts (JS, blocked) and src/wasm/matmul.wat.
 */
import { Parameter } from '../src/core/parameter.js';
import { crossEntropy } from '../src/learn/losses.js';
import type { Batch } from '../src/learn/types.js';

export class PlainMLP {
  readonly parameters: Parameter<Float32Array>[];
  private readonly acts: Float32Array[];
  private readonly deltas: Float32Array[];

  /** Copies the weights of `source` (a float32 network's parameters: weight, bias per layer) for `rows` rows. */
  constructor(private readonly layers: readonly number[], source: readonly Parameter[], rows: number) {
    this.parameters = source.map((p) => new Parameter(Float32Array.from(p.data)));
    this.acts = layers.slice(1).map((size) => new Float32Array(rows * size));
    this.deltas = layers.slice(1).map((size) => new Float32Array(rows * size));
  }

  /** Mean cross-entropy of the batch; writes every parameter's grad. */
  lossAndGrad(batch: Batch): number {
    const { x, y, rows } = batch;
    const L = this.layers.length - 1;
    // forward: z[i, j] = b[j] + Σ_p a[i, p] W[j, p], ReLU on hidden layers
    for (let l = 0; l < L; l++) {
      const [k, n] = [this.layers[l], this.layers[l + 1]];
      const a = l === 0 ? x : this.acts[l - 1];
      const w = this.parameters[2 * l].data;
      const b = this.parameters[2 * l + 1].data;
      const z = this.acts[l];
      for (let i = 0; i < rows; i++) {
        for (let j = 0; j < n; j++) {
          let s = b[j];
          for (let p = 0; p < k; p++) s += a[i * k + p] * w[j * k + p];
          z[i * n + j] = l < L - 1 && s < 0 ? 0 : s;
        }
      }
    }
    const loss = crossEntropy(this.acts[L - 1], y, rows, this.layers[L], this.deltas[L - 1]);
    // backward: ∂W[o, j] = Σ_r δ[r, o] a[r, j], ∂b[o] = Σ_r δ[r, o], δ'[r, j] = Σ_o δ[r, o] W[o, j] · 1[a > 0]
    for (let l = L - 1; l >= 0; l--) {
      const [k, n] = [this.layers[l], this.layers[l + 1]];
      const a = l === 0 ? x : this.acts[l - 1];
      const delta = this.deltas[l];
      const w = this.parameters[2 * l].data;
      const gw = this.parameters[2 * l].grad!;
      const gb = this.parameters[2 * l + 1].grad!;
      for (let o = 0; o < n; o++) {
        for (let j = 0; j < k; j++) {
          let s = 0;
          for (let r = 0; r < rows; r++) s += delta[r * n + o] * a[r * k + j];
          gw[o * k + j] = s;
        }
        let s = 0;
        for (let r = 0; r < rows; r++) s += delta[r * n + o];
        gb[o] = s;
      }
      if (l === 0) continue;
      const below = this.deltas[l - 1];
      for (let r = 0; r < rows; r++) {
        for (let j = 0; j < k; j++) {
          let s = 0;
          for (let o = 0; o < n; o++) s += delta[r * n + o] * w[o * k + j];
          below[r * k + j] = a[r * k + j] > 0 ? s : 0;
        }
      }
    }
    return loss;
  }
}
