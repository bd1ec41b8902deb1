/**
 * Seeded initialisation of weight matrices: He for ReLU networks, Xavier (Glorot) for tanh and sigmoid. The
 * scale keeps the variance of the activations (forward) and of the gradients (backward) from growing or
 * shrinking layer after layer. Same seed, same bits.
 */
import { fail, show } from '../core/errors.js';
import type { FloatArray } from '../core/float-array.js';
import type { Random } from '../core/random.js';

export type InitScheme = 'he' | 'xavier' | 'zeros';
export type Activation = 'relu' | 'tanh' | 'sigmoid';

/** The scheme that suits an activation: He for ReLU, Xavier for the saturating ones. */
export function defaultInit(activation: Activation): InitScheme {
  return activation === 'relu' ? 'he' : 'xavier';
}

/**
 * The standard deviation of a weight drawn by `scheme` for a layer with fanIn inputs and fanOut outputs:
 *
 *   He (He et al. 2015, "Delving deep into rectifiers"):        w ~ N(0, 2 / fan_in)
 *   Xavier (Glorot & Bengio 2010, normal form of their eq. 16): w ~ N(0, 2 / (fan_in + fan_out))
 */
export function initStd(scheme: InitScheme, fanIn: number, fanOut: number): number {
  if (!(Number.isInteger(fanIn) && fanIn >= 1 && Number.isInteger(fanOut) && fanOut >= 1)) {
    fail('init', `fan-in and fan-out must be integers >= 1, got ${show(fanIn)} and ${show(fanOut)}`);
  }
  if (scheme === 'he') return Math.sqrt(2 / fanIn);
  if (scheme === 'xavier') return Math.sqrt(2 / (fanIn + fanOut));
  if (scheme === 'zeros') return 0;
  return fail('init', `unknown scheme ${show(scheme)} (known: he, xavier, zeros)`);
}

/**
 * Fills a weight matrix (fanOut × fanIn, row-major, as torch.nn.Linear) with N(0, std²) draws from `random`, in
 * index order, so the result depends only on the seed and the shapes drawn before it.
 */
export function initWeights(data: FloatArray, scheme: InitScheme, fanIn: number, fanOut: number, random: Random): void {
  if (data.length !== fanIn * fanOut) fail('init', `a ${fanOut} × ${fanIn} weight needs ${fanIn * fanOut} values, got ${data.length}`);
  const std = initStd(scheme, fanIn, fanOut);
  if (std === 0) {
    data.fill(0);
    return;
  }
  for (let i = 0; i < data.length; i++) data[i] = std * random.normal();
}
