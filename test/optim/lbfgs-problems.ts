/**
 * The LBFGS fixture (test/fixtures/optim/lbfgs.json, from generate_lbfgs.py) and its problems, shared by
 * lbfgs.test.ts (against torch) and wasm-lbfgs.test.ts (both backends). The closures repeat the Python closures
 * operation for operation, so both optimizers see identical losses and gradients and any difference is the
 * optimizer's.
 */
import { readFileSync } from 'node:fs';
import type { FloatArray } from '../../src/core/float-array.js';
import { Parameter } from '../../src/core/parameter.js';
import type { LBFGSOptions } from '../../src/optim/lbfgs.js';

export interface FixtureCase {
  name: string;
  problem: 'rosenbrock' | 'quadratic' | 'coupled';
  dtype: 'float64' | 'float32';
  options: Partial<LBFGSOptions>;
  init: number[][];
  frozen?: number[];
  steps: { params: number[][]; loss: number; calls: number }[];
}

export const fixture = JSON.parse(readFileSync(new URL('../fixtures/optim/lbfgs.json', import.meta.url), 'utf8')) as {
  quadratic: { A: number[][]; b: number[] };
  cases: FixtureCase[];
};

export type Problem = (xs: FloatArray[]) => { f: number; grads: number[][] };

export const problems: Record<FixtureCase['problem'] | 'rosenbrockN', Problem> = {
  rosenbrock([[x, y]]) {
    const a = 1 - x;
    const r = y - x * x;
    return { f: a * a + 100 * (r * r), grads: [[-2 * a - 400 * x * r, 200 * r]] };
  },
  quadratic([x]) {
    const { A, b } = fixture.quadratic;
    const n = x.length;
    const ax: number[] = [];
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let j = 0; j < n; j++) s += A[i][j] * x[j];
      ax.push(s);
    }
    let xax = 0;
    let bx = 0;
    for (let i = 0; i < n; i++) {
      xax += x[i] * ax[i];
      bx += b[i] * x[i];
    }
    return { f: 0.5 * xax - bx, grads: [ax.map((v, i) => v - b[i])] };
  },
  coupled([u, v]) {
    let f = 0;
    const gu = [0, 0, 0];
    const gv = [0, 0];
    for (let i = 0; i < 3; i++) {
      const j = i % 2;
      const c = i + 1;
      const r = u[i] - v[j];
      const u2 = u[i] * u[i];
      f += c * r * r + 0.1 * u2 * u2;
      gu[i] = 2 * c * r + 0.4 * u2 * u[i];
      gv[j] -= 2 * c * r;
    }
    for (let j = 0; j < 2; j++) {
      const w = v[j] * v[j] - 1;
      f += w * w;
      gv[j] += 4 * v[j] * w;
    }
    return { f, grads: [gu, gv] };
  },
  /** The n-dimensional Rosenbrock function Σ 100 (x_{i+1} − x_i²)² + (1 − x_i)², a long run. */
  rosenbrockN([x]) {
    const n = x.length;
    const g = new Array<number>(n).fill(0);
    let f = 0;
    for (let i = 0; i + 1 < n; i++) {
      const r = x[i + 1] - x[i] * x[i];
      const a = 1 - x[i];
      f += 100 * r * r + a * a;
      g[i] += -400 * x[i] * r - 2 * a;
      g[i + 1] += 200 * r;
    }
    return { f, grads: [g] };
  },
};

/** The case's starting point as parameters of its dtype. */
export function makeParams(init: number[][], dtype: FixtureCase['dtype']): Parameter[] {
  return init.map((x) => new Parameter(dtype === 'float32' ? Float32Array.from(x) : Float64Array.from(x)));
}

/** A closure that fills every gradient (leaving the frozen ones null) and counts its calls. */
export function closureFor(problem: Problem, params: Parameter[], frozen: number[] = []) {
  const counter = { calls: 0 };
  const closure = (): number => {
    counter.calls += 1;
    const { f, grads } = problem(params.map((p) => p.data));
    params.forEach((p, i) => {
      p.grad = frozen.includes(i) ? null : p.data instanceof Float32Array ? Float32Array.from(grads[i]) : Float64Array.from(grads[i]);
    });
    return f;
  };
  return { closure, counter };
}
