/**
 * LBFGS through WebAssembly (src/wasm/lbfgs-vectors.ts, lbfgs.wat, lbfgs-axpy.wat) against its TypeScript loops
 * (src/optim/flat.ts, src/core/fma.ts) and torch 1.13:
 * - each kernel, one by one, gives the TypeScript loop's bits on random and special values (±0, ±∞, NaN,
 *   subnormals, magnitudes beyond the split's 1e300) and on constructed halfway cases of the fused y + αx, at
 *   every length from 0 to 40 (every tail past whole 16-byte vectors);
 * - every case of test/fixtures/optim/lbfgs.json (see lbfgs.test.ts) replayed on the wasm and the js backend gives
 *   the same bits, float32 included, and follows torch as lbfgs.test.ts requires;
 * - the state dict round-trips on the wasm path, the backend may change between steps, an arena too large falls
 *   back to TypeScript, and a history that outgrows its arena within a step stays correct.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { DType, FloatArray } from '../../src/core/float-array.js';
import { fmaInto } from '../../src/core/fma.js';
import { Parameter } from '../../src/core/parameter.js';
import { setKernelBackend, type KernelBackend } from '../../src/optim/backend.js';
import { FlatParams, jsVectorOps } from '../../src/optim/flat.js';
import { LBFGS, type LBFGSOptions } from '../../src/optim/lbfgs.js';
import { EXTRA_VECTORS, LBFGSVectors, setLBFGSArenaLimit } from '../../src/wasm/lbfgs-vectors.js';
import { arenaOf } from '../../src/wasm/memory.js';
import { wasmSimdSupported } from '../../src/wasm/module.js';
import { closureFor, fixture, makeParams, problems, type FixtureCase } from './lbfgs-problems.js';

afterEach(() => setKernelBackend('auto'));

/** A seeded generator of uniform numbers in [0, 1) (mulberry32). */
function uniform(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Asserts the same value in every element (Object.is: −0 ≠ +0, every NaN the same). */
function expectSameBits(actual: ArrayLike<number>, expected: ArrayLike<number>, where: string): void {
  expect(actual.length, `${where}: length`).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    if (!Object.is(actual[i], expected[i])) expect.fail(`${where}: element ${i} is ${actual[i]}, the TypeScript loop gives ${expected[i]}`);
  }
}

const SPECIALS = [0, -0, 1, -1, Infinity, -Infinity, NaN, 1e300, -1e300, 2e300, 1e308, -1.7e308, 1e-300, 5e-324, -2.2e-308, 3.4e38, 1e-45, 0.1, -3];

/** Values over many magnitudes, with a special value now and then. */
function randomValue(random: () => number): number {
  if (random() < 0.08) return SPECIALS[Math.floor(random() * SPECIALS.length)];
  const sign = random() < 0.5 ? -1 : 1;
  const scale = random() < 0.8 ? 2 ** Math.floor(random() * 40 - 20) : 2 ** Math.floor(random() * 2000 - 1000);
  return sign * random() * scale;
}

/**
 * Halfway cases: α, and elements (x, y) for it, where the first rounding of α·x + y lands exactly halfway between
 * two neighbours while the exact value lies a little to one side, so that rounding twice may pick the wrong one:
 *   float64: α = 1 + k·2⁻⁵², x = 2⁻⁵³/α rounded: αx = 2⁻⁵³(1 + ε) rounds to 2⁻⁵³; y = 1 + j·2⁻⁵²: y + 2⁻⁵³ a tie.
 *   float32: α = 1 + m·2⁻²³, x = (1 − m·2⁻²³)·2⁻²⁴: αx = 2⁻²⁴(1 − m²2⁻⁴⁶), exact in a double, and y + αx rounds to
 *            the double y + 2⁻²⁴, a float32 tie; y = 1 + j·2⁻²³.
 * Each element scaled by its own power of two and given a random sign; j's parity picks the side ties go to.
 */
function halfwayAlpha(random: () => number, dtype: DType): number {
  return dtype === 'float64' ? 1 + Math.floor(1 + random() * 2 ** 20) * 2 ** -52 : 1 + Math.floor(1 + random() * 360) * 2 ** -23;
}
function halfwayElement(random: () => number, dtype: DType, alpha: number): [number, number] {
  const scale = (random() < 0.5 ? -1 : 1) * 2 ** Math.floor(random() * 80 - 40);
  const j = Math.floor(random() * 16);
  if (dtype === 'float64') return [(2 ** -53 / alpha) * scale, (1 + j * 2 ** -52) * scale];
  return [(2 - alpha) * 2 ** -24 * scale, (1 + j * 2 ** -23) * scale];
}

/** The arena's kernels over vectors of n elements, and vectors from it (asserted to be the arena's own). */
function arenaOps(n: number, dtype: DType) {
  const ops = new LBFGSVectors(n, dtype, 4);
  const flat = new FlatParams([new Parameter(dtype === 'float32' ? new Float32Array(n) : new Float64Array(n))], 'test');
  const vector = (values: ArrayLike<number>): FloatArray => {
    const v = ops.vector(flat);
    expect(ops.arena.owns(v)).toBe(true);
    v.set(values);
    return v;
  };
  /** Frees every vector (a state holding none). */
  const reset = () => ops.adopt({ funcEvals: 0, nIter: 0 });
  return { ops, vector, reset };
}

const typed = (dtype: DType, values: ArrayLike<number>): FloatArray => (dtype === 'float32' ? Float32Array.from(values) : Float64Array.from(values));
const DTYPES: DType[] = ['float64', 'float32'];
const LENGTHS = Array.from({ length: 41 }, (_, n) => n);

describe.skipIf(!wasmSimdSupported())('the LBFGS kernels give the TypeScript loops’ bits', () => {
  for (const dtype of DTYPES) {
    it(`axpy y ← fma(α, x, y) = fmaInto, random and special values, lengths 0–40 (${dtype})`, () => {
      const random = uniform(dtype === 'float64' ? 1 : 2);
      for (const n of LENGTHS) {
        const { ops, vector, reset } = arenaOps(n, dtype);
        for (const alpha of [...SPECIALS, ...Array.from({ length: 12 }, () => randomValue(random))]) {
          reset();
          const x = typed(dtype, Array.from({ length: n }, () => randomValue(random)));
          const y = typed(dtype, Array.from({ length: n }, () => randomValue(random)));
          const [wx, wy] = [vector(x), vector(y)];
          ops.axpy(wy, alpha, wx);
          fmaInto(y, alpha, x);
          expectSameBits(wy, y, `${dtype} n ${n} α ${alpha}`);
        }
      }
    });

    it(`axpy rounds halfway cases once, as fmaInto does (${dtype})`, () => {
      const random = uniform(dtype === 'float64' ? 3 : 4);
      const n = 37;
      const { ops, vector, reset } = arenaOps(n, dtype);
      const round2 = dtype === 'float32' ? Math.fround : (v: number) => v;
      let repaired = 0;
      for (let round = 0; round < 200; round++) {
        reset();
        const alpha = halfwayAlpha(random, dtype);
        const cases = Array.from({ length: n }, () => halfwayElement(random, dtype, alpha));
        const x = typed(dtype, cases.map(([xi]) => xi));
        const y = typed(dtype, cases.map(([, yi]) => yi));
        for (let i = 0; i < n; i++) if (round2(alpha * x[i] + y[i]) !== fmaOne(dtype, alpha, x[i], y[i])) repaired += 1;
        const [wx, wy] = [vector(x), vector(y)];
        ops.axpy(wy, alpha, wx);
        fmaInto(y, alpha, x);
        expectSameBits(wy, y, `${dtype} round ${round}`);
      }
      // the cases do reach the halfway repair (the plain sum, rounded twice, differs from the fused result)
      expect(repaired).toBeGreaterThan(100);
    });

    it(`dot, absSum, absMax, ‖t d‖_∞, scale and sub, lengths 0–40 (${dtype})`, () => {
      const random = uniform(dtype === 'float64' ? 5 : 6);
      for (const n of LENGTHS) {
        const { ops, vector, reset } = arenaOps(n, dtype);
        for (let round = 0; round < 12; round++) {
          reset();
          // a round with a NaN or an ∞ in it now and then (randomValue), else ordinary values
          const special = round % 3 === 0;
          const draw = () => (special ? randomValue(random) : (random() - 0.5) * 2 ** Math.floor(random() * 20 - 10));
          const a = typed(dtype, Array.from({ length: n }, draw));
          const b = typed(dtype, Array.from({ length: n }, draw));
          const [wa, wb] = [vector(a), vector(b)];
          const where = `${dtype} n ${n} round ${round}`;
          expect(Object.is(ops.dot(wa, wb), jsVectorOps.dot(a, b)), `${where} dot`).toBe(true);
          expect(Object.is(ops.absSum(wa), jsVectorOps.absSum(a)), `${where} absSum`).toBe(true);
          expect(Object.is(ops.absMax(wa), jsVectorOps.absMax(a)), `${where} absMax`).toBe(true);
          for (const t of [1, -0.3, 1e-200, 3e30, randomValue(random)]) {
            expect(Object.is(ops.scaledAbsMax(t, wa), jsVectorOps.scaledAbsMax(t, a)), `${where} ‖t d‖_∞, t ${t}`).toBe(true);
          }
          const alpha = randomValue(random);
          const [out, wout] = [typed(dtype, new Array(n).fill(0)), vector(new Array(n).fill(0))];
          ops.scaleInto(wout, alpha, wa);
          jsVectorOps.scaleInto(out, alpha, a);
          expectSameBits(wout, out, `${where} scale by ${alpha}`);
          ops.scaleInto(wa, -1, wa); // in place, as LBFGS's d ← γ d
          jsVectorOps.scaleInto(a, -1, a);
          expectSameBits(wa, a, `${where} scale in place`);
          ops.subInto(wout, wa, wb);
          jsVectorOps.subInto(out, a, b);
          expectSameBits(wout, out, `${where} sub`);
        }
      }
    });
  }

  it('an operand outside the arena runs the TypeScript loop instead', () => {
    const { ops, vector } = arenaOps(5, 'float64');
    const inside = vector([1, 2, 3, 4, 5]);
    const outside = Float64Array.from([0.5, -1, 2, 0, 3]);
    expect(ops.dot(inside, outside)).toBe(jsVectorOps.dot(inside, outside));
    ops.axpy(outside, 0.1, inside);
    const expected = Float64Array.from([0.5, -1, 2, 0, 3]);
    fmaInto(expected, 0.1, inside);
    expectSameBits(outside, expected, 'axpy into a plain array');
  });
});

// ---- LBFGS runs (the fixture's problems and closures: lbfgs-problems.ts) ----


interface Run {
  params: Float64Array[][];
  losses: number[];
  calls: number[];
  state: string;
  /** Whether the state's direction ended in WebAssembly memory. */
  inArena: boolean;
}

/** The case's steps on one backend. */
function replay(c: FixtureCase, backend: KernelBackend): Run {
  setKernelBackend(backend);
  const params = makeParams(c.init, c.dtype);
  const optimizer = new LBFGS(params, c.options);
  const { closure, counter } = closureFor(problems[c.problem], params, c.frozen);
  const run: Run = { params: [], losses: [], calls: [], state: '', inArena: false };
  for (let step = 0; step < c.steps.length; step++) {
    counter.calls = 0;
    run.losses.push(optimizer.step(closure));
    run.calls.push(counter.calls);
    run.params.push(params.map((p) => Float64Array.from(p.data)));
  }
  run.state = JSON.stringify(optimizer.stateDict());
  const d = optimizer.state.get(params[0])?.d;
  run.inArena = d !== undefined && arenaOf(d) !== undefined;
  return run;
}

describe.skipIf(!wasmSimdSupported())('LBFGS on the wasm backend: the js backend’s bits, and torch’s run', () => {
  it.each(fixture.cases.map((c) => [`${c.name} [${c.dtype}]`, c] as const))('%s', (_name, c) => {
    const js = replay(c, 'js');
    const wasm = replay(c, 'wasm');
    expect(js.inArena).toBe(false);
    expect(wasm.inArena || c.steps.every((s) => s.calls === 1), 'the wasm run kept its vectors in an arena').toBe(true);
    expect(wasm.calls).toEqual(c.steps.map((s) => s.calls));
    expect(wasm.calls).toEqual(js.calls);
    wasm.losses.forEach((loss, t) => expect(Object.is(loss, js.losses[t]), `loss at step ${t + 1}`).toBe(true));
    wasm.params.forEach((step, t) => step.forEach((x, k) => expectSameBits(x, js.params[t][k], `step ${t + 1} param ${k}`)));
    expect(wasm.state).toBe(js.state);
    // and torch, to lbfgs.test.ts's tolerances
    const scale = c.init.map((x, k) => x.map((v, i) => Math.max(Math.abs(v), ...c.steps.map((s) => Math.abs(s.params[k][i])))));
    const rtol = c.dtype === 'float64' ? 1e-10 : 1e-5;
    wasm.params.forEach((step, t) =>
      step.forEach((x, k) =>
        x.forEach((v, i) => expect(Math.abs(v - c.steps[t].params[k][i]) / scale[k][i], `step ${t + 1} param ${k}[${i}]`).toBeLessThanOrEqual(rtol)),
      ),
    );
  });
});

describe.skipIf(!wasmSimdSupported())('LBFGS state and backends on the wasm path', () => {
  const runs: ReadonlyArray<[string, DType, Partial<LBFGSOptions>]> = [
    ['float64, strong_wolfe, historySize 3', 'float64', { lineSearchFn: 'strong_wolfe', historySize: 3, maxIter: 4 }],
    ['float64, fixed step', 'float64', { historySize: 2, maxIter: 3, lr: 0.5 }],
    ['float32, strong_wolfe', 'float32', { lineSearchFn: 'strong_wolfe', historySize: 3, maxIter: 4 }],
  ];
  const init = [[0.5, -1, 2], [0.3, -0.7]];

  it.each(runs)('the state dict round-trips mid-run and a loaded optimizer continues bit for bit, on any backend (%s)', (_name, dtype, options) => {
    setKernelBackend('wasm');
    const straight = makeParams(init, dtype);
    const a = new LBFGS(straight, options);
    const runA = closureFor(problems.coupled, straight).closure;
    const lossesA = Array.from({ length: 8 }, () => a.step(runA));
    expect(arenaOf(a.state.get(straight[0])!.d!)).toBeDefined();

    const first = makeParams(init, dtype);
    const b = new LBFGS(first, options);
    const runB = closureFor(problems.coupled, first).closure;
    const lossesB = Array.from({ length: 4 }, () => b.step(runB));
    const saved = JSON.parse(JSON.stringify(b.stateDict()));
    expect(saved.state['0'].oldDirs).toHaveLength(options.historySize!);

    for (const order of [['wasm', 'wasm', 'wasm', 'wasm'], ['js', 'wasm', 'js', 'wasm'], ['wasm', 'js', 'wasm', 'js']] as KernelBackend[][]) {
      const resumed = first.map((p) => new Parameter(p.data.slice()));
      const c = new LBFGS(resumed, options);
      c.loadStateDict(saved);
      const state = c.state.get(resumed[0])!;
      expect(arenaOf(state.d!)).toBeUndefined(); // decoded: ordinary arrays until the next wasm step
      const runC = closureFor(problems.coupled, resumed).closure;
      const losses = [...lossesB];
      for (const backend of order) {
        setKernelBackend(backend);
        losses.push(c.step(runC));
        // a wasm step copies the decoded vectors into its arena
        if (backend === 'wasm') expect(arenaOf(c.state.get(resumed[0])!.d!), order.join(' ')).toBeDefined();
      }
      lossesA.forEach((loss, i) => expect(Object.is(loss, losses[i]), `${order.join(' ')}: loss ${i}`).toBe(true));
      straight.forEach((p, k) => expectSameBits(resumed[k].data, p.data, `${order.join(' ')}: param ${k}`));
      expect(JSON.stringify(c.stateDict())).toBe(JSON.stringify(a.stateDict()));
    }
  });

  /** A long run of the 37-dimensional Rosenbrock function, stepped under `setup` (backend, limits) before each step. */
  function longRun(dtype: DType, options: Partial<LBFGSOptions>, steps: number, before: (step: number, optimizer: LBFGS) => void) {
    const params = makeParams([Array.from({ length: 37 }, (_, i) => (i % 2 === 0 ? -1.2 : 1) + 0.01 * i)], dtype);
    const optimizer = new LBFGS(params, options);
    const { closure } = closureFor(problems.rosenbrockN, params);
    const losses: number[] = [];
    for (let step = 0; step < steps; step++) {
      before(step, optimizer);
      losses.push(optimizer.step(closure));
    }
    return { losses, params: Float64Array.from(params[0].data), state: JSON.stringify(optimizer.stateDict()), optimizer, p0: params[0] };
  }

  for (const dtype of DTYPES) {
    it(`falls back to TypeScript when the arena would exceed its limit, and moves into one later (${dtype})`, () => {
      const options = { lineSearchFn: 'strong_wolfe', historySize: 4, maxIter: 5 } as const;
      const reference = longRun(dtype, options, 6, () => setKernelBackend('js'));
      const placed: boolean[] = [];
      const previous = setLBFGSArenaLimit(1024); // far below 2·4 + EXTRA_VECTORS vectors of 37 elements
      try {
        const run = longRun(dtype, options, 6, (step, optimizer) => {
          setKernelBackend('wasm');
          if (step === 3) setLBFGSArenaLimit(previous);
          if (step > 0) placed.push(arenaOf(optimizer.state.get(optimizer.paramGroups[0].params[0])!.d!) !== undefined);
        });
        placed.push(arenaOf(run.optimizer.state.get(run.p0)!.d!) !== undefined);
        expect(placed).toEqual([false, false, false, true, true, true]);
        expect(run.losses).toEqual(reference.losses);
        expectSameBits(run.params, reference.params, 'θ');
        expect(run.state).toBe(reference.state);
      } finally {
        setLBFGSArenaLimit(previous);
      }
    });

    it(`a history that outgrows its arena within a step, and a larger historySize later, stay correct (${dtype})`, () => {
      // historySize lowered below the history's length: torch's rule (drop the oldest only at exactly m) then lets
      // the history grow by a pair each iteration, past the arena's 2·max(m, length) + EXTRA_VECTORS vectors
      const options = { historySize: 6, maxIter: 12, lr: 0.05 };
      const change = (step: number, optimizer: LBFGS) => {
        if (step === 2) optimizer.paramGroups[0].historySize = 2;
        if (step === 4) optimizer.paramGroups[0].historySize = 40;
      };
      const reference = longRun(dtype, options, 6, (step, optimizer) => {
        setKernelBackend('js');
        change(step, optimizer);
      });
      const run = longRun(dtype, options, 6, (step, optimizer) => {
        setKernelBackend('wasm');
        change(step, optimizer);
      });
      const history = run.optimizer.state.get(run.p0)!.oldDirs!;
      expect(history.length).toBeGreaterThan(2 * 6 + EXTRA_VECTORS / 2);
      expect(run.losses).toEqual(reference.losses);
      expectSameBits(run.params, reference.params, 'θ');
      expect(run.state).toBe(reference.state);
    });
  }
});

/** The fused α·x + y of one element, by fmaInto on one-element arrays. */
function fmaOne(dtype: DType, alpha: number, x: number, y: number): number {
  const out = typed(dtype, [y]);
  fmaInto(out, alpha, typed(dtype, [x]));
  return out[0];
}
