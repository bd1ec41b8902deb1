/**
 * The multi-threaded step (src/wasm/parallel*.ts) against the single-threaded WebAssembly kernel: the same
 * parameters, gradients and options, a few steps, and every element must agree bit for bit (the step is
 * elementwise; slicing it over threads changes nothing). float32 and float64, Adam / AdamW variants and SGD.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DescentError } from '../../src/core/errors.js';
import type { DType, FloatArray } from '../../src/core/float-array.js';
import { Parameter } from '../../src/core/parameter.js';
import { Adam } from '../../src/optim/adam.js';
import { AdamW } from '../../src/optim/adamw.js';
import { setKernelBackend } from '../../src/optim/backend.js';
import { SGD } from '../../src/optim/sgd.js';
import { withSharedMemoryImport } from '../../src/wasm/parallel-module.js';
import { ParallelAdam, ParallelAdamW, ParallelSGD, StepTeam, parallelSupported } from '../../src/wasm/parallel.js';
import { wasmParameter } from '../../src/wasm/parameter.js';
import { kernelBytes } from '../../src/wasm/module.js';

const N = 4099; // not a multiple of 4: the last vector is part padding
const STEPS = 4;

/** A seeded stream of values in [-1, 1) (a small LCG: the test needs repeatable numbers, not good ones). */
function filler(seed: number): (a: FloatArray) => void {
  let s = seed >>> 0;
  return (a) => {
    for (let i = 0; i < a.length; i++) {
      s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
      a[i] = s / 2 ** 31 - 1;
    }
  };
}

type Stepper = { step(): unknown };
type Make = (p: Parameter, team?: StepTeam) => Stepper;

const cases: { name: string; make: Make }[] = [
  { name: 'Adam', make: (p, t) => (t ? new ParallelAdam([p], { lr: 1e-2 }, t) : new Adam([p], { lr: 1e-2 })) },
  {
    name: 'Adam amsgrad, L2, maximize, epsRoot',
    make: (p, t) => {
      const o = { lr: 1e-2, amsgrad: true, weightDecay: 0.1, maximize: true, epsRoot: 1e-6 };
      return t ? new ParallelAdam([p], o, t) : new Adam([p], o);
    },
  },
  { name: 'AdamW', make: (p, t) => (t ? new ParallelAdamW([p], { lr: 1e-2, weightDecay: 0.05 }, t) : new AdamW([p], { lr: 1e-2, weightDecay: 0.05 })) },
  { name: 'SGD', make: (p, t) => (t ? new ParallelSGD([p], { lr: 0.1 }, t) : new SGD([p], { lr: 0.1 })) },
  {
    name: 'SGD Nesterov momentum, L2',
    make: (p, t) => {
      const o = { lr: 0.1, momentum: 0.9, nesterov: true, weightDecay: 1e-3 };
      return t ? new ParallelSGD([p], o, t) : new SGD([p], o);
    },
  },
  {
    name: 'SGD momentum with dampening',
    make: (p, t) => (t ? new ParallelSGD([p], { lr: 0.1, momentum: 0.8, dampening: 0.3 }, t) : new SGD([p], { lr: 0.1, momentum: 0.8, dampening: 0.3 })),
  },
];

/** Runs `STEPS` steps from the same seeded start and gradients; returns θ and the optimizer's state dict. */
function run(make: Make, p: Parameter, team?: StepTeam): { theta: FloatArray; state: unknown } {
  const fill = filler(7);
  fill(p.data);
  const opt = make(p, team) as Stepper & { stateDict(): unknown };
  for (let t = 0; t < STEPS; t++) {
    fill(p.grad!);
    opt.step();
  }
  return { theta: p.data.slice(), state: opt.stateDict() };
}

const bits = (a: FloatArray): Uint8Array => new Uint8Array(a.buffer.slice(a.byteOffset, a.byteOffset + a.byteLength));

describe.runIf(parallelSupported())('parallel wasm steps: bit-identical to the single-threaded kernel', () => {
  let team: StepTeam;
  beforeAll(async () => {
    setKernelBackend('wasm');
    // minLength 0: even this small parameter is split over both threads.
    team = await StepTeam.create({ threads: 2, minLength: 0 });
  });
  afterAll(async () => {
    setKernelBackend('auto');
    await team.close();
  });

  for (const dtype of ['float32', 'float64'] as DType[]) {
    for (const c of cases) {
      it(`${c.name}, ${dtype}`, () => {
        const single = run(c.make, wasmParameter(N, { dtype }));
        const parallel = run(c.make, team.parameter(N, { dtype }), team);
        expect(Buffer.compare(bits(parallel.theta), bits(single.theta))).toBe(0);
        // The moments too: the state dict holds the same values, whatever memory they live in.
        expect(parallel.state).toEqual(single.state);
        // It did move: a step that changed nothing would also agree.
        expect(Array.from(parallel.theta.subarray(0, 4))).not.toEqual(Array.from(new Float64Array(4)));
      });
    }
  }

  it('steps through Atomics and through a message round trip alike', async () => {
    const messages = await StepTeam.create({ threads: 2, sync: 'message', minLength: 0 });
    try {
      const a = team.parameter(N);
      const b = messages.parameter(N);
      const fill = filler(3);
      fill(a.data);
      b.data.set(a.data);
      fill(a.grad!);
      b.grad!.set(a.grad!);
      const o = { lr: 0.5, momentum: 0.9, dampening: 0, weightDecay: 0, nesterov: false, maximize: false };
      const bufA = team.adopt(a.data, new Float32Array(N))!;
      const bufB = messages.adopt(b.data, new Float32Array(N))!;
      team.sgd(a.data, a.grad!, bufA, true, o);
      await messages.sgdAsync(b.data, b.grad!, bufB, true, o);
      expect(Buffer.compare(bits(b.data), bits(a.data))).toBe(0);
      expect(() => messages.sgd(b.data, b.grad!, bufB, false, o)).toThrow(DescentError);
    } finally {
      await messages.close();
    }
  });

  it('a parameter not made by the team steps on the usual path, with the same result', () => {
    const single = run(cases[0].make, wasmParameter(N));
    const ordinary = run(cases[0].make, new Parameter(new Float32Array(N), { grad: new Float32Array(N) }), team);
    expect(Buffer.compare(bits(ordinary.theta), bits(single.theta))).toBe(0);
  });

  it('fails early on bad options and on buffers from elsewhere', async () => {
    await expect(StepTeam.create({ threads: 0 })).rejects.toThrow(/threads must be an integer from 1 to \d+, got 0/);
    await expect(StepTeam.create({ minLength: -1 })).rejects.toThrow(DescentError);
    const p = team.parameter(8);
    expect(() => team.sgd(p.data, new Float32Array(8), null, false, { lr: 1, momentum: 0, dampening: 0, weightDecay: 0, nesterov: false, maximize: false }))
      .toThrow(/must live in the memory of one team.parameter/);
  });
});

describe('shared-memory module', () => {
  it('differs from the shipped module only in the memory import', () => {
    const plain = kernelBytes();
    const shared = withSharedMemoryImport(plain);
    // Same length plus the maximum's LEB bytes, and the same code section (the tail of the module).
    const codeLength = 600;
    expect(Buffer.compare(shared.subarray(shared.length - codeLength), plain.subarray(plain.length - codeLength))).toBe(0);
    expect(shared.length).toBeGreaterThan(plain.length);
    expect(withSharedMemoryImport(shared)).toEqual(shared);
  });
});
