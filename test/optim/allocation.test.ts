/**
 * A step allocates nothing (issue 8): every optimizer that steps without a closure, with its default options and
 * with its busiest ones, in float32 and float64, through the TypeScript loops and through the WebAssembly kernels
 * (staged, and in place on a `wasmParameter`), and gradient clipping. All run in this one process, one after the
 * other, so the shared code (Optimizer.step, place, the staging) sees many shapes, as in a program that trains
 * several models: the step must stay allocation-free even where V8 cannot inline it.
 *
 * The witness is bench/heap.ts's `heapGrowth`: after a warm-up, 50,000 steps of a 16-element parameter, watching
 * the used heap and the collections. One boxed number a step would read 16 bytes a step (800 KB); the controls
 * at the end show that the witness does see such small allocations.
 * LBFGS is left out: each step(closure) runs an iteration loop that builds its flat view, closures and history
 * (torch's LBFGS allocates too); it is a full-batch method with few, expensive steps.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { DType } from '../../src/core/float-array.js';
import { Parameter } from '../../src/core/parameter.js';
import { setKernelBackend } from '../../src/optim/backend.js';
import { clipGradNorm, clipGradValue } from '../../src/optim/clip.js';
import { optimizers } from '../../src/optim/registry.js';
import { wasmSimdSupported } from '../../src/wasm/module.js';
import { wasmParameter } from '../../src/wasm/parameter.js';
import { HEAP_NOISE_BYTES_PER_STEP, heapGrowth } from '../../bench/heap.js';

const STEPS = 50_000;
const N = 16;

/** Options that switch on every branch of each kernel (momentum, Nesterov, centering, amsgrad, decay, averaging). */
const busyOptions: Record<string, Record<string, unknown>> = {
  SGD: { momentum: 0.9, nesterov: true, weightDecay: 0.01, maximize: true },
  Adagrad: { lrDecay: 0.01, weightDecay: 0.01, maximize: true },
  RMSprop: { momentum: 0.9, centered: true, weightDecay: 0.01, maximize: true },
  Adam: { amsgrad: true, weightDecay: 0.01, maximize: true },
  AdamW: { amsgrad: true, maximize: true },
  Adadelta: { weightDecay: 0.01, maximize: true },
  Adamax: { weightDecay: 0.01, maximize: true },
  NAdam: { weightDecay: 0.01 },
  RAdam: { weightDecay: 0.01 },
  ASGD: { t0: 10, weightDecay: 0.01, maximize: true }, // t0 = 10: the averaging weight μ leaves 1 during warm-up
  Rprop: { maximize: true },
  Lion: { weightDecay: 0.01, maximize: true },
};

type Path = 'js' | 'wasm staged' | 'wasm in place';
const paths: Path[] = wasmSimdSupported() ? ['js', 'wasm staged', 'wasm in place'] : ['js'];
const dtypes: DType[] = ['float32', 'float64'];

/** A parameter of n elements with a gradient of mixed signs, in WebAssembly memory for 'wasm in place'. */
function makeParameter(path: Path, dtype: DType, n = N): Parameter {
  const p = path === 'wasm in place' ? wasmParameter(n, { dtype, stateBuffers: 3 }) : new Parameter(dtype === 'float32' ? new Float32Array(n) : new Float64Array(n));
  p.grad ??= dtype === 'float32' ? new Float32Array(n) : new Float64Array(n);
  for (let i = 0; i < n; i++) {
    p.data[i] = 0.5 - i / n;
    p.grad[i] = Math.sin(i + 1) * 0.1;
  }
  return p;
}

afterAll(() => setKernelBackend('auto'));

describe('an optimizer step allocates nothing', () => {
  for (const entry of optimizers.filter((e) => !e.needsClosure)) {
    for (const [label, options] of [['defaults', {}], ['busy', busyOptions[entry.name]]] as const) {
      it(`${entry.name} (${label}): ${paths.join(', ')} × float32, float64`, async () => {
        expect(options, `busyOptions has no entry for ${entry.name}`).toBeDefined();
        const found: string[] = [];
        for (const path of paths) {
          for (const dtype of dtypes) {
            setKernelBackend(path === 'js' ? 'js' : 'wasm');
            const optimizer = entry.create([makeParameter(path, dtype)], { ...options });
            const growth = await heapGrowth(() => optimizer.step(), STEPS);
            if (growth.allocates) found.push(`${path} ${dtype}: ${JSON.stringify(growth)}`);
          }
        }
        expect(found).toEqual([]);
      });
    }
  }

  // clipGradNorm returns the norm, a number: V8 boxes it (16 bytes) when it does not inline the call. That one
  // number is all it may allocate; clipGradValue returns nothing and allocates nothing.
  it('gradient clipping by norm (1, 2, ∞) allocates at most the number it returns, by value nothing', async () => {
    const found: string[] = [];
    for (const path of paths) {
      for (const dtype of dtypes) {
        setKernelBackend(path === 'js' ? 'js' : 'wasm');
        // two gradients of 16 and 19 elements: 19 leaves a tail past the whole 16-byte vectors
        const params = [makeParameter(path, dtype), makeParameter(path, dtype, 19)];
        const grads = params.map((p) => p.grad!.slice());
        const restore = () => {
          for (let k = 0; k < params.length; k++) params[k].grad!.set(grads[k]);
        };
        for (const [name, clip, returned] of [
          ['norm 2', () => clipGradNorm(params, 0.01), 16],
          ['norm 1', () => clipGradNorm(params, 0.01, 1), 16],
          ['norm ∞', () => clipGradNorm(params, 0.01, Infinity), 16],
          ['value', () => clipGradValue(params, 0.001), 0],
        ] as const) {
          const growth = await heapGrowth(() => { restore(); clip(); }, STEPS);
          if (growth.collections > 0 || growth.heapBytesPerStep > returned + HEAP_NOISE_BYTES_PER_STEP) {
            found.push(`${name} ${path} ${dtype}: ${JSON.stringify(growth)}`);
          }
        }
      }
    }
    expect(found).toEqual([]);
  });
});

describe('the witness sees small allocations', () => {
  let sink: unknown;
  it('one 16-byte object a step', async () => {
    const growth = await heapGrowth(() => { sink = { x: sink === null ? 1 : 2 }; }, STEPS);
    expect(growth.allocates).toBe(true);
  });
  it('one boxed number a step (a non-inlined call returning a fraction)', async () => {
    const fraction = new Function('i', 'return i / 3;') as (i: number) => number;
    let i = 0;
    const growth = await heapGrowth(() => { sink = fraction(i++); }, STEPS);
    expect(growth.allocates).toBe(true);
  });
  it('a 4-element Float32Array a step', async () => {
    const growth = await heapGrowth(() => { sink = new Float32Array(4); }, STEPS);
    expect(growth.allocates).toBe(true);
  });
  it('and not an empty step', async () => {
    let count = 0;
    const growth = await heapGrowth(() => { count += 1; }, STEPS);
    expect(growth.allocates, JSON.stringify(growth)).toBe(false);
    expect(count).toBe(4 * STEPS); // the warm-up and three rounds
  });
});
