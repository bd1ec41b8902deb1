/**
 * The WebAssembly SIMD kernels (src/wasm/) against the TypeScript loops and torch 1.13: every case of the parity
 * fixture for an optimizer with a kernel (WASM_OPTIMIZERS) (test/fixtures/optim/parity.json, see parity.test.ts) replayed through both backends,
 * with parameters in ordinary typed arrays (the staged path) and in WebAssembly memory (`wasmParameter`, in place).
 *   float64: wasm and js agree bit for bit, and both follow the fixture to 1e-12 of the coordinate's scale;
 *   float32: both follow torch's float32 run to 1e-5 of scale.
 * ASGD cases compare the averaged iterate θ̄ (state `ax`) the same way.
 * Also: the state dict round-trips on the wasm path, and the backend may change between steps.
 */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { isFloatArray, type FloatArray } from '../../src/core/float-array.js';
import { Parameter } from '../../src/core/parameter.js';
import { setKernelBackend, type KernelBackend } from '../../src/optim/backend.js';
import type { Optimizer, OptimizerLike } from '../../src/optim/optimizer.js';
import { getOptimizer } from '../../src/optim/registry.js';
import { wasmSimdSupported } from '../../src/wasm/module.js';
import { arenaOf } from '../../src/wasm/memory.js';
import { wasmParameter } from '../../src/wasm/parameter.js';
import { assertClose, coordinateScale } from '../helpers/assert-close.js';

type DType = 'float64' | 'float32';

interface ParityCase {
  name: string;
  optimizer: string;
  dtype: DType;
  options: Record<string, unknown>;
  groups: Array<{ params: number[]; options: Record<string, unknown> }> | null;
  x0: number[][];
  grads: number[][][];
  params: number[][][];
  /** ASGD only: per step, per parameter, the averaged iterate after that step. */
  ax?: number[][][];
}

const fixture = JSON.parse(readFileSync(new URL('../fixtures/optim/parity.json', import.meta.url), 'utf8')) as { cases: ParityCase[] };
/** The optimizers that step through WebAssembly kernels (src/wasm/*.wat). */
const WASM_OPTIMIZERS = ['Adam', 'AdamW', 'SGD', 'RMSprop', 'Adagrad', 'Adadelta', 'Adamax', 'NAdam', 'RAdam', 'Lion', 'ASGD', 'Rprop'];
const cases = fixture.cases.filter((c) => WASM_OPTIMIZERS.includes(c.optimizer));
const TOLERANCE: Record<DType, number> = { float64: 1e-12, float32: 1e-5 };

type Placement = 'typed arrays' | 'wasm memory';

function makeParams(c: ParityCase, placement: Placement): Parameter[] {
  return c.x0.map((x) => {
    const data = c.dtype === 'float32' ? Float32Array.from(x) : Float64Array.from(x);
    return placement === 'wasm memory' ? wasmParameter(data) : new Parameter(data);
  });
}

function build(c: ParityCase, params: Parameter[]): OptimizerLike {
  const entry = getOptimizer(c.optimizer);
  if (c.groups === null) return entry.create(params, c.options);
  return entry.create(c.groups.map((g) => ({ params: g.params.map((i) => params[i]), ...g.options })), c.options);
}

/** A run: per step, per parameter, θ after the step, and ASGD's averaged iterate θ̄ (empty for other optimizers). */
interface Run {
  params: Float64Array[][];
  ax: Float64Array[][];
}

/** Runs the case for every recorded step under `backend`. */
function replay(c: ParityCase, backend: KernelBackend, placement: Placement): Run {
  setKernelBackend(backend);
  const params = makeParams(c, placement);
  const optimizer = build(c, params);
  const run: Run = { params: [], ax: [] };
  for (const grads of c.grads) {
    params.forEach((p, k) => p.grad!.set(grads[k]));
    optimizer.step();
    run.params.push(params.map((p) => Float64Array.from(p.data)));
    if (c.ax) run.ax.push(params.map((p) => Float64Array.from(((optimizer as unknown as Optimizer).state.get(p) as { ax: FloatArray }).ax)));
  }
  return run;
}

afterEach(() => setKernelBackend('auto'));

describe.skipIf(!wasmSimdSupported())('WebAssembly kernels follow the TypeScript loops and torch', () => {
  it('covers every case of the fixture of each optimizer with a kernel, in both dtypes', () => {
    for (const name of WASM_OPTIMIZERS) {
      for (const dtype of ['float64', 'float32']) expect(cases.filter((c) => c.optimizer === name && c.dtype === dtype).length, `${name} ${dtype}`).toBeGreaterThanOrEqual(10);
    }
    expect(cases.filter((c) => c.optimizer === 'ASGD').every((c) => c.ax?.length === c.grads.length), 'ASGD cases carry the averaged iterate').toBe(true);
  });

  for (const c of cases) {
    it(`${c.name} [${c.dtype}]`, () => {
      const scales = c.x0.map((x, k) => coordinateScale([x, ...c.params.map((step) => step[k])]));
      const round = c.dtype === 'float32' ? Math.fround : (x: number) => x;
      const axScales = c.ax ? c.x0.map((_, k) => coordinateScale(c.ax!.map((step) => step[k]))) : [];
      const run = replay(c, 'js', 'typed arrays');
      const js = run.params;
      for (const placement of ['typed arrays', 'wasm memory'] as const) {
        const wasmRun = replay(c, 'wasm', placement);
        const wasm = wasmRun.params;
        // ASGD: the averaged iterate θ̄ too (state only), against the fixture and, in float64, bit for bit against js
        wasmRun.ax.forEach((step, t) =>
          step.forEach((x, k) => {
            const where = `${c.name} [${c.dtype}] ${placement} step ${t + 1} ax of param ${k}`;
            const reference = c.ax![t][k].map(round);
            assertClose(x, reference, TOLERANCE[c.dtype], axScales[k], `${where} wasm vs fixture`);
            assertClose(run.ax[t][k], reference, TOLERANCE[c.dtype], axScales[k], `${where} js vs fixture`);
            if (c.dtype === 'float64') expect(Array.from(x), `${where} wasm vs js`).toEqual(Array.from(run.ax[t][k]));
          }),
        );
        wasm.forEach((step, t) =>
          step.forEach((x, k) => {
            const where = `${c.name} [${c.dtype}] ${placement} step ${t + 1} param ${k}`;
            const reference = c.params[t][k].map(round);
            assertClose(x, reference, TOLERANCE[c.dtype], scales[k], `${where} wasm vs fixture`);
            assertClose(js[t][k], reference, TOLERANCE[c.dtype], scales[k], `${where} js vs fixture`);
            // Same operations in the same order: float64 agrees bit for bit (stronger than the 1e-12 of scale asked).
            if (c.dtype === 'float64') expect(Array.from(x), `${where} wasm vs js`).toEqual(Array.from(js[t][k]));
          }),
        );
      }
    });
  }
});

describe.skipIf(!wasmSimdSupported())('state on the wasm path', () => {
  const options = [
    { name: 'Adam', options: { lr: 0.05, amsgrad: true, weightDecay: 0.1 } },
    { name: 'AdamW', options: { lr: 0.05 } },
    { name: 'SGD', options: { lr: 0.05, momentum: 0.9, nesterov: true } },
    { name: 'RMSprop', options: { lr: 0.01, momentum: 0.5, centered: true, weightDecay: 0.1 } },
    { name: 'Adagrad', options: { lr: 0.1, lrDecay: 0.01, initialAccumulatorValue: 0.1 } },
    { name: 'Adadelta', options: { lr: 1, weightDecay: 0.1 } },
    { name: 'Adamax', options: { lr: 0.05, weightDecay: 0.1 } },
    { name: 'NAdam', options: { lr: 0.05 } },
    { name: 'RAdam', options: { lr: 0.05 } },
    { name: 'Lion', options: { lr: 0.01, weightDecay: 0.1 } },
    { name: 'ASGD', options: { lr: 0.01, t0: 3, weightDecay: 0.1 } },
    { name: 'Rprop', options: { lr: 0.01, etas: [0.4, 1.3] } },
  ];
  const grad = (x: FloatArray, t: number) => Float64Array.from(x, (v, i) => Math.sin(3 * v + i + t) + v);

  for (const { name, options: o } of options) {
    for (const placement of ['typed arrays', 'wasm memory'] as const) {
      it(`${name} (${placement}): the state dict round-trips and a loaded optimizer continues the same run`, () => {
        setKernelBackend('wasm');
        const start = Float64Array.from({ length: 37 }, (_, i) => Math.cos(i));
        const make = () => (placement === 'wasm memory' ? wasmParameter(start.slice()) : new Parameter(start.slice()));
        const a = make();
        const optA = getOptimizer(name).create([a], o);
        for (let t = 0; t < 5; t++) {
          a.grad!.set(grad(a.data, t));
          optA.step();
        }
        // the step ran in WebAssembly: every state buffer now lives in an arena
        const buffers = Object.values((optA as unknown as Optimizer).state.get(a)!).filter(isFloatArray);
        expect(buffers.length).toBeGreaterThan(0);
        for (const b of buffers) expect(arenaOf(b), `${name} state buffer`).toBeDefined();
        const saved = JSON.parse(JSON.stringify(optA.stateDict()));
        const b = make();
        b.data.set(a.data);
        const optB = getOptimizer(name).create([b], o);
        optB.loadStateDict(saved);
        expect(optB.stateDict()).toEqual(saved);
        for (let t = 5; t < 10; t++) {
          // the backend may change between steps: B alternates, A stays on wasm
          setKernelBackend(t % 2 === 0 ? 'js' : 'wasm');
          b.grad!.set(grad(b.data, t));
          optB.step();
          setKernelBackend('wasm');
          a.grad!.set(grad(a.data, t));
          optA.step();
        }
        expect(Array.from(b.data)).toEqual(Array.from(a.data));
        expect(optB.stateDict()).toEqual(optA.stateDict());
      });
    }
  }

  it('replacing p.data or p.grad of a wasmParameter stays correct (staged path)', () => {
    setKernelBackend('wasm');
    const p = wasmParameter(Float32Array.from([1, 2, 3, 4, 5]));
    const q = new Parameter(Float32Array.from([1, 2, 3, 4, 5]));
    const [op, oq] = [p, q].map((x) => getOptimizer('Adam').create([x], { lr: 0.1 }));
    for (let t = 0; t < 4; t++) {
      if (t === 2) p.grad = new Float32Array(5);
      p.grad!.set([1, -2, 3, -4, t]);
      q.grad!.set([1, -2, 3, -4, t]);
      op.step();
      oq.step();
    }
    expect(Array.from(p.data)).toEqual(Array.from(q.data));
  });
});
