/**
 * The hidden layers' activations and their derivatives, in place over a buffer of either precision: the
 * elementwise steps between the network's matrix products (src/learn/models/network.ts), shared by its
 * TypeScript and WebAssembly paths.
 */
import type { FloatArray } from '../../core/float-array.js';
import type { Activation } from '../init.js';

/** a = f(z) in place over n values. */
export function activate(activation: Activation, z: FloatArray, n: number): void {
  if (activation === 'relu') {
    for (let i = 0; i < n; i++) if (z[i] < 0) z[i] = 0; // NaN passes through: divergence stays visible
  } else if (activation === 'tanh') {
    for (let i = 0; i < n; i++) z[i] = Math.tanh(z[i]);
  } else {
    for (let i = 0; i < n; i++) {
      const v = z[i];
      z[i] = v >= 0 ? 1 / (1 + Math.exp(-v)) : Math.exp(v) / (1 + Math.exp(v));
    }
  }
}

/** δ ← δ ⊙ f′(z), with f′ computed from a = f(z). */
export function activationGradient(activation: Activation, a: FloatArray, delta: FloatArray, n: number): void {
  if (activation === 'relu') {
    for (let i = 0; i < n; i++) if (!(a[i] > 0)) delta[i] = 0;
  } else if (activation === 'tanh') {
    for (let i = 0; i < n; i++) delta[i] *= 1 - a[i] * a[i];
  } else {
    for (let i = 0; i < n; i++) delta[i] *= a[i] * (1 - a[i]);
  }
}
