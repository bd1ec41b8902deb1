/**
 * The zoo, table-driven over the registry: every function (and the families at a few sizes) is checked for its
 * gradient, its published and refined minima, and its metadata, so that a new entry is covered by being registered.
 */
import { describe, expect, it } from 'vitest';
import { DescentError } from '../../src/core/errors.js';
import { Random } from '../../src/core/random.js';
import { gradCheck } from '../../src/objective/grad-check.js';
import { functions, getFunction, getFunctionEntry } from '../../src/objective/zoo/registry.js';
import type { ZooObjective } from '../../src/objective/zoo/zoo-function.js';

const EPSILON = 2.220446049250313e-16;
const TOLERANCE = 1e-6;

/** Every entry with its defaults, and the families at other sizes (the 2-D case of the N-D families included). */
const cases: Array<{ label: string; f: ZooObjective }> = [
  ...functions.map((entry) => ({ label: entry.name, f: entry.create() })),
  ...[1, 2, 3].map((dim) => ({ label: `rastrigin-nd dim ${dim}`, f: getFunction('rastrigin-nd', { dim }) })),
  ...[2, 3].map((dim) => ({ label: `rosenbrock-nd dim ${dim}`, f: getFunction('rosenbrock-nd', { dim }) })),
  ...[1, 3].map((dim) => ({ label: `styblinski-tang-nd dim ${dim}`, f: getFunction('styblinski-tang-nd', { dim }) })),
  { label: 'ill-conditioned-quadratic dim 2', f: getFunction('ill-conditioned-quadratic', { dim: 2, condition: 10 }) },
  { label: 'ill-conditioned-quadratic dim 50 κ 1e6', f: getFunction('ill-conditioned-quadratic', { dim: 50, condition: 1e6, seed: 7 }) },
];

/** 100 seeded uniform points of the domain, the start points, and 10 points within ±0.5 of each known minimum. */
function checkPoints(f: ZooObjective, seed: number): number[][] {
  const random = new Random(seed);
  const points: number[][] = [];
  for (let k = 0; k < 100; k++) points.push(f.meta.domain.map(([low, high]) => random.between(low, high)));
  points.push(...f.meta.starts);
  for (const m of f.meta.minima) for (let k = 0; k < 10; k++) points.push(m.x.map((v) => v + random.between(-0.5, 0.5)));
  return points;
}

/**
 * The analytic gradient against central differences, relative error 1e-6, at steps h = 1e-6 and 1e-7 (relative to
 * max(1, |x_i|)); it must agree with at least one.
 *
 * Why two steps: a central difference errs by truncation, ≈ h²|f‴|/6, and by rounding, ≈ ε·F/h, where F is the
 * size of the terms summed into f. On the rippled functions far from the origin (Lévy's sin 6πy at |y| ≈ 8, the
 * Eggholder beside its cusps) truncation needs h ≲ 1e-7; where F is large (Goldstein–Price's product, F ≈ 70|f|)
 * rounding needs h ≳ 1e-6. A correct gradient matches the better of the two; a wrong one matches neither.
 *
 * Why this floor: rounding alone makes a coordinate smaller than about ε·|f|/(h·1e-6) unresolvable to 1e-6
 * relative, so coordinates below floor = 10·ε·max(1, |f|)/(h·1e-6) (2.2e-3·max(1, |f|) at h = 1e-6) are compared
 * against the floor instead: they must agree to 10·ε·max(1, |f|)/h absolute, ten times the rounding error of f's
 * difference quotient and far below any mistake in a derivative. (This matters on the plateaus: the plateau
 * function's and Easom's gradients are 1e-12 or less where f ≈ 1.)
 */
function gradientAgrees(f: ZooObjective, x: number[]): { ok: boolean; error: number } {
  const scale = Math.max(1, Math.abs(f.value(x)));
  let error = Infinity;
  for (const h of [1e-6, 1e-7]) {
    const floor = (10 * EPSILON * scale) / (h * TOLERANCE);
    error = Math.min(error, gradCheck(f, x, { h, floor, tolerance: TOLERANCE }).maxRelativeError);
  }
  return { ok: error <= TOLERANCE, error };
}

/** Newton's method on the analytic gradient, Hessian by central differences of it; `fixed` coordinates stay put. */
function newton(f: ZooObjective, start: number[], fixed: boolean[]): number[] {
  const n = f.dim;
  const x = Float64Array.from(start);
  const g = new Float64Array(n);
  const gPlus = new Float64Array(n);
  const gMinus = new Float64Array(n);
  const free = [...Array(n).keys()].filter((i) => !fixed[i]);
  for (let iteration = 0; iteration < 30; iteration++) {
    f.valueAndGrad(x, g);
    // Augmented system [H_ff | −g_f], solved by Gauss–Jordan elimination with partial pivoting.
    const rows = free.map(() => new Array<number>(free.length + 1).fill(0));
    free.forEach((j, c) => {
      const h = 1e-6 * Math.max(1, Math.abs(x[j]));
      const xj = x[j];
      x[j] = xj + h;
      f.valueAndGrad(x, gPlus);
      x[j] = xj - h;
      f.valueAndGrad(x, gMinus);
      x[j] = xj;
      free.forEach((i, r) => (rows[r][c] = (gPlus[i] - gMinus[i]) / (2 * h)));
    });
    free.forEach((i, r) => (rows[r][free.length] = -g[i]));
    const m = free.length;
    for (let c = 0; c < m; c++) {
      let pivot = c;
      for (let r = c + 1; r < m; r++) if (Math.abs(rows[r][c]) > Math.abs(rows[pivot][c])) pivot = r;
      [rows[c], rows[pivot]] = [rows[pivot], rows[c]];
      for (let r = 0; r < m; r++) {
        if (r === c) continue;
        const q = rows[r][c] / rows[c][c];
        for (let k = c; k <= m; k++) rows[r][k] -= q * rows[c][k];
      }
    }
    free.forEach((i, r) => (x[i] += rows[r][m] / rows[r][r]));
  }
  return Array.from(x);
}

const onBound = (f: ZooObjective, x: number[]) => x.map((v, i) => v === f.meta.domain[i][0] || v === f.meta.domain[i][1]);

describe('the zoo: every function', () => {
  it.each(cases)('$label: the gradient agrees with central differences at 100 random points, the starts and near the minima', ({ f }) => {
    const points = checkPoints(f, 20240601);
    expect(points.length).toBeGreaterThanOrEqual(100);
    for (const x of points) {
      const { ok, error } = gradientAgrees(f, x);
      if (!ok) expect.fail(`${f.meta.name} at (${x.join(', ')}): relative error ${error}`);
    }
  });

  it.each(cases)('$label: the check above catches a gradient that is off by 1e-4 in one coordinate', ({ f }) => {
    const wrong: ZooObjective = {
      ...f,
      valueAndGrad(x, grad) {
        const value = f.valueAndGrad(x, grad);
        grad[0] *= 1 + 1e-4;
        return value;
      },
    };
    expect(checkPoints(f, 20240601).some((x) => !gradientAgrees(wrong, x).ok)).toBe(true);
  });

  it.each(cases)('$label: the value at each published minimum matches the published value', ({ f }) => {
    for (const m of f.meta.minima) {
      // The (refined or exact) minimum itself, to rounding of its 17 digits.
      expect(Math.abs(f.value(m.x) - m.value), `f(${m.x})`).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(m.value)));
      if (m.published) {
        const error = Math.abs(f.value(m.published.x) - m.published.value);
        expect(error, `f(published ${m.published.x})`).toBeLessThanOrEqual(m.published.tolerance);
        // A tolerance wider than one unit of the published value's last digit must say why.
        const digits = String(m.published.value).split('.')[1]?.length ?? 0;
        if (m.published.tolerance > Math.max(1e-9, 10 ** -digits) * 1.000001) expect(m.published.note, 'why the wide tolerance').toBeTruthy();
        // The refinement is the better minimum: no worse than at the published point.
        expect(m.value).toBeLessThanOrEqual(f.value(m.published.x) + 1e-12 * Math.max(1, Math.abs(m.value)));
      }
    }
  });

  it.each(cases)('$label: the gradient vanishes at each minimum (in the coordinates not on the edge of the domain)', ({ f }) => {
    const g = new Float64Array(f.dim);
    for (const m of f.meta.minima) {
      f.valueAndGrad(m.x, g);
      const edge = onBound(f, m.x);
      m.x.forEach((v, i) => {
        if (!edge[i]) {
          expect(Math.abs(g[i]), `∂f/∂x${i + 1} at (${m.x})`).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(m.value)));
        } else {
          // A minimum on the edge of the box: f must not decrease into the box (KKT).
          expect(v === f.meta.domain[i][1] ? g[i] <= 0 : g[i] >= 0, `sign of ∂f/∂x${i + 1} at the edge`).toBe(true);
          expect(m.note, 'a minimum on the edge says so').toMatch(/edge/);
        }
      });
    }
  });

  it.each(cases.filter(({ f }) => f.meta.minima.some((m) => m.published)))(
    '$label: Newton’s method from each published point converges to the refined minimum',
    ({ f }) => {
      for (const m of f.meta.minima.filter((m) => m.published)) {
        const refined = newton(f, m.published!.x, onBound(f, m.published!.x));
        refined.forEach((v, i) => expect(Math.abs(v - m.x[i]), `coordinate ${i + 1} of (${m.x})`).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(m.x[i]))));
      }
    },
  );

  it.each(cases)('$label: no random point of the domain beats the global minimum; local minima are not below it', ({ f }) => {
    const globals = f.meta.minima.filter((m) => m.kind === 'global');
    if (f.meta.minima.length === 0) return;
    expect(globals.length).toBeGreaterThan(0);
    const best = Math.min(...globals.map((m) => m.value));
    for (const m of f.meta.minima) expect(m.value).toBeGreaterThanOrEqual(best - 1e-12 * Math.max(1, Math.abs(best)));
    for (const g of globals) expect(g.value).toBeCloseTo(best, 12);
    const random = new Random(7);
    for (let k = 0; k < 2000; k++) {
      const x = f.meta.domain.map(([low, high]) => random.between(low, high));
      expect(f.value(x)).toBeGreaterThanOrEqual(best);
    }
  });

  it.each(cases)('$label: meta is complete', ({ f }) => {
    const { meta, dim } = f;
    for (const text of [meta.name, meta.formula, meta.tex, meta.source, meta.startsSource]) expect(text.trim().length).toBeGreaterThan(0);
    expect(meta.variables).toHaveLength(dim);
    expect(meta.domain).toHaveLength(dim);
    for (const [low, high] of meta.domain) expect(low).toBeLessThan(high);
    if (meta.minima.length === 0) expect(meta.noMinimum, 'minima, or an explicit "none" with the reason').toMatch(/\w/);
    for (const m of meta.minima) {
      expect(m.x).toHaveLength(dim);
      expect(['global', 'local']).toContain(m.kind);
      m.x.forEach((v, i) => expect(v >= meta.domain[i][0] && v <= meta.domain[i][1], `minimum (${m.x}) in the domain`).toBe(true));
      if (m.published) expect(m.published.x).toHaveLength(dim);
    }
    expect(meta.starts.length).toBeGreaterThan(0);
    for (const s of meta.starts) {
      expect(s).toHaveLength(dim);
      expect(Number.isFinite(f.value(s))).toBe(true);
    }
  });
});

describe('the registry', () => {
  it('names are unique, lower-case, and each entry builds a function of that name', () => {
    const names = functions.map((e) => e.name);
    expect(new Set(names).size).toBe(names.length);
    for (const entry of functions) {
      expect(entry.name).toMatch(/^[a-z0-9-]+$/);
      expect(entry.create().meta.name).toBe(entry.name);
    }
  });

  it('has the seeds’ functions with their start points', () => {
    expect(getFunction('seed-quadratic').meta.starts).toEqual([[5, 5]]);
    expect(getFunction('seed-complex').meta.starts).toEqual([[5, -2]]);
    expect(getFunction('parabola').meta.starts).toEqual([[0]]);
    expect(getFunction('seed-complex').meta.domain).toEqual([[0, 10], [-5, 10]]);
    expect(getFunction('himmelblau').meta.minima.filter((m) => m.kind === 'global')).toHaveLength(4);
    expect(getFunction('saddle').meta.minima).toEqual([]);
  });

  it('getFunction ignores case and passes options to a family', () => {
    expect(getFunction('Rosenbrock').meta.name).toBe('rosenbrock');
    expect(getFunction('ROSENBROCK-ND', { dim: 5 }).dim).toBe(5);
    expect(getFunction('rastrigin-nd').dim).toBe(10);
  });

  it('an unknown name is a DescentError listing the known names', () => {
    expect(() => getFunction('rosenbrok')).toThrow(DescentError);
    expect(() => getFunction('rosenbrok')).toThrow(/^function: unknown function "rosenbrok" \(known: seed-quadratic, .*rosenbrock, .*\)$/);
  });

  const families = functions.filter((e) => e.schema);
  it.each(families.map((e) => e.name))('%s: dim 0 is a DescentError naming the option', (name) => {
    expect(() => getFunction(name, { dim: 0 })).toThrow(DescentError);
    expect(() => getFunction(name, { dim: 0 })).toThrow(new RegExp(`^${name}: dim must be an integer .*, got 0$`));
    expect(() => getFunction(name, { dim: 2.5 })).toThrow(/dim must be an integer/);
    expect(() => getFunction(name, { dims: 3 })).toThrow(/unknown option "dims"/);
  });

  it('ill-conditioned-quadratic: a condition number below 1 is a DescentError naming the option', () => {
    expect(() => getFunction('ill-conditioned-quadratic', { condition: 0.5 })).toThrow(
      /^ill-conditioned-quadratic: condition must be >= 1, got 0.5$/,
    );
    expect(() => getFunction('ill-conditioned-quadratic', { seed: 1.5 })).toThrow(/seed must be an integer/);
  });

  it('a function without options refuses them', () => {
    expect(() => getFunction('rosenbrock', { dim: 3 })).toThrow(/^rosenbrock: takes no options, got \{"dim":3\}$/);
    expect(getFunction('rosenbrock', {}).dim).toBe(2);
  });
});

describe('particular functions', () => {
  it('seed-complex: outside x >= 0 the value and gradient are NaN, never an exception', () => {
    const f = getFunction('seed-complex');
    const g = new Float64Array(2);
    expect(f.valueAndGrad([-1, 2], g)).toBeNaN();
    expect(Number.isNaN(g[0])).toBe(true);
    expect(f.value([-1e-9, 0])).toBeNaN();
    expect(Number.isFinite(f.value([0, 3]))).toBe(true);
  });

  it('seed-complex: its global minimum is below every point of a grid over the plot box', () => {
    const f = getFunction('seed-complex');
    const best = f.meta.minima[0].value;
    for (let i = 0; i <= 400; i++) for (let j = 0; j <= 400; j++) expect(f.value([(10 * i) / 400, -5 + (15 * j) / 400])).toBeGreaterThanOrEqual(best);
  });

  it('ill-conditioned-quadratic: the Hessian is symmetric with trace Σλ and Frobenius norm √Σλ², λ log-spaced from 1 to κ', () => {
    const dim = 8;
    const condition = 1e4;
    const f = getFunction('ill-conditioned-quadratic', { dim, condition, seed: 3 });
    // Column j of the Hessian A is ∇f(e_j) = A e_j.
    const A = Array.from({ length: dim }, (_, j) => {
      const e = new Array<number>(dim).fill(0);
      e[j] = 1;
      const g = new Float64Array(dim);
      f.valueAndGrad(e, g);
      return Array.from(g);
    });
    const lambda = Array.from({ length: dim }, (_, i) => condition ** (i / (dim - 1)));
    let trace = 0;
    let frobenius2 = 0;
    for (let i = 0; i < dim; i++) {
      trace += A[i][i];
      for (let j = 0; j < dim; j++) {
        frobenius2 += A[i][j] ** 2;
        expect(Math.abs(A[i][j] - A[j][i])).toBeLessThanOrEqual(1e-12 * condition);
      }
    }
    expect(trace).toBeCloseTo(lambda.reduce((s, l) => s + l, 0), 8);
    expect(Math.sqrt(frobenius2) / Math.hypot(...lambda)).toBeCloseTo(1, 12);
    // Not axis-aligned: the off-diagonal carries weight.
    expect(Math.abs(A[0][1])).toBeGreaterThan(1);
  });

  it('ill-conditioned-quadratic: the same seed gives the same function, another seed another', () => {
    const x = [0.3, -1, 0.7, 2, -0.1];
    const f = (seed: number) => getFunction('ill-conditioned-quadratic', { dim: 5, seed }).value(x);
    expect(f(11)).toBe(f(11));
    expect(f(11)).not.toBe(f(12));
  });

  it('plateau: from its start the gradient is tiny, near the minimum it is not', () => {
    const f = getFunction('plateau');
    const g = new Float64Array(2);
    f.valueAndGrad(f.meta.starts[0], g);
    expect(Math.hypot(g[0], g[1])).toBeLessThan(1e-3);
    expect(Math.hypot(g[0], g[1])).toBeGreaterThan(1e-4);
    f.valueAndGrad([1, 0.5], g);
    expect(Math.hypot(g[0], g[1])).toBeGreaterThan(0.1);
  });

  it('saddle: gradient descent from its stable line converges to the saddle, just off it escapes', () => {
    const f = getFunction('saddle');
    const g = new Float64Array(2);
    const descend = (start: number[]) => {
      const x = [...start];
      for (let t = 0; t < 200; t++) {
        f.valueAndGrad(x, g);
        x[0] -= 0.1 * g[0];
        x[1] -= 0.1 * g[1];
      }
      return x;
    };
    expect(Math.hypot(...descend(f.meta.starts[0]))).toBeLessThan(1e-12);
    expect(Math.abs(descend(f.meta.starts[1])[1])).toBeGreaterThan(1e3);
  });

  it('wavy (notes 003): from its start, α = 0.01 settles in the global minimum while α = 0.1 wanders over the hills', () => {
    const f = getFunction('wavy');
    const g = new Float64Array(1);
    const descend = (alpha: number) => {
      const x = [...f.meta.starts[0]];
      const visited: number[] = [];
      for (let t = 0; t < 500; t++) {
        f.valueAndGrad(x, g);
        x[0] -= alpha * g[0];
        visited.push(x[0]);
      }
      return { x: x[0], visited };
    };
    const global = f.meta.minima.find((m) => m.kind === 'global')!;
    expect(descend(0.01).x).toBeCloseTo(global.x[0], 10);
    const wandering = descend(0.1).visited.slice(100);
    expect(Math.max(...wandering) - Math.min(...wandering)).toBeGreaterThan(10); // still roaming after 100 steps
  });

  it('getFunctionEntry returns the entry; its schema is the family’s', () => {
    expect(getFunctionEntry('styblinski-tang-nd').schema).toHaveProperty('dim');
    expect(getFunctionEntry('beale').schema).toBeUndefined();
  });
});
