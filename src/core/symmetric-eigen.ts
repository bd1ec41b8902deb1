/**
 * The eigenvalues of a small symmetric matrix by the cyclic Jacobi method (Golub & Van Loan, Matrix Computations,
 * §8.5): rotate away the off-diagonal entries one pair at a time until they vanish; the diagonal is then the
 * spectrum. Jacobi is chosen over the QR algorithm because it is short and relatively accurate for the small,
 * badly scaled matrices of the demos (a Hessian with entries from 1 to 1e7), where the condition number is the point.
 */
import { fail, show } from './errors.js';

/** Sweeps over all pairs before giving up; Jacobi converges quadratically, a handful suffice for n ≤ 20. */
const MAX_SWEEPS = 100;

/** The eigenvalues of the symmetric n × n matrix `a` (row-major), in ascending order. `a` is not changed. */
export function symmetricEigenvalues(a: ArrayLike<number>, n: number): Float64Array {
  if (!(Number.isInteger(n) && n >= 1)) fail('symmetricEigenvalues', `n must be an integer >= 1, got ${show(n)}`);
  if (a.length !== n * n) fail('symmetricEigenvalues', `the matrix must hold n² = ${n * n} values, got ${a.length}`);
  const m = Float64Array.from(a);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++) {
      const scale = Math.max(Math.abs(m[i * n + j]), Math.abs(m[j * n + i]), Number.MIN_VALUE);
      if (!Number.isFinite(m[i * n + j]) || Math.abs(m[i * n + j] - m[j * n + i]) > 1e-12 * scale) {
        fail('symmetricEigenvalues', `the matrix is not symmetric (or not finite): a[${i}][${j}] = ${m[i * n + j]}, a[${j}][${i}] = ${m[j * n + i]}`);
      }
    }
  }
  for (let sweep = 0; sweep < MAX_SWEEPS; sweep++) {
    let off = 0;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off += m[p * n + q] ** 2;
    if (off === 0) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = m[p * n + q];
        if (apq === 0) continue;
        // The rotation (c, s) that zeroes a_pq: θ = (a_qq − a_pp) / (2 a_pq), t = sgn(θ) / (|θ| + √(θ² + 1)).
        const theta = (m[q * n + q] - m[p * n + p]) / (2 * apq);
        const t = (theta >= 0 ? 1 : -1) / (Math.abs(theta) + Math.hypot(theta, 1));
        const c = 1 / Math.hypot(t, 1);
        const s = t * c;
        // A ← JᵀAJ, touching rows and columns p and q only.
        for (let k = 0; k < n; k++) {
          const akp = m[k * n + p];
          const akq = m[k * n + q];
          m[k * n + p] = c * akp - s * akq;
          m[k * n + q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = m[p * n + k];
          const aqk = m[q * n + k];
          m[p * n + k] = c * apk - s * aqk;
          m[q * n + k] = s * apk + c * aqk;
        }
        m[p * n + q] = 0;
        m[q * n + p] = 0;
      }
    }
  }
  return Float64Array.from({ length: n }, (_, i) => m[i * n + i]).sort();
}
