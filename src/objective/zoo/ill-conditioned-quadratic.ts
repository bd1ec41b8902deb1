/**
 * A quadratic with a chosen condition number κ, its eigenvectors turned to random directions:
 *
 *   f(x) = ½ xᵀ Q Λ Qᵀ x = ½ Σ_i λ_i (Qᵀx)_i²,   ∇f = Q Λ Qᵀ x
 *   λ_i = κ^{(i−1)/(d−1)}, i = 1…d   (log-spaced from 1 to κ)
 *
 * Minimum 0 at the origin. Gradient descent converges at the rate (κ − 1)/(κ + 1) per step at best; momentum and
 * the adaptive methods are judged by how much of that they recover. Because Q is not axis-aligned, per-coordinate
 * scaling (Adagrad, RMSprop, Adam) cannot simply undo the conditioning.
 *
 * Q = H₁ H₂ ⋯ H_{d−1}, H_k = I − 2u_k u_kᵀ the Householder reflection that takes a standard normal vector on the
 * coordinates k…d to a multiple of e_k (Stewart 1980, "The efficient generation of random orthogonal matrices"):
 * its columns, which are the eigenvectors, point in uniformly (Haar) random directions; only their signs are not
 * random, and f does not depend on them. Building Q costs O(d²) and each evaluation applies the d − 1 reflections
 * twice (Qᵀx, then Q(Λ Qᵀx)), 4d² flops, against 2d² for a dense matrix that would take O(d³) to form.
 */
import type { OptionsOf } from '../../core/options.js';
import { Random } from '../../core/random.js';
import { box, zooObjective, type ZooObjective } from './zoo-function.js';

export const illConditionedQuadraticSchema = {
  dim: { kind: 'number', default: 10, min: 2, max: 4096, integer: true, description: 'number of variables d' },
  condition: { kind: 'number', default: 100, min: 1, description: 'condition number κ = λ_max / λ_min of the Hessian' },
  seed: { kind: 'number', default: 0, min: -2147483648, max: 2147483647, integer: true, description: 'seed of the random rotation Q' },
} as const;

/** The unit Householder vectors u_k, k = 0…d−2: u_k has d − k entries and acts on the coordinates k…d−1. */
function householderVectors(dim: number, random: Random): Float64Array[] {
  const vectors: Float64Array[] = [];
  for (let k = 0; k < dim - 1; k++) {
    const u = new Float64Array(dim - k);
    let norm2 = 0;
    for (let i = 0; i < u.length; i++) {
      u[i] = random.normal();
      norm2 += u[i] * u[i];
    }
    // u = v + sgn(v₀)‖v‖e₀ maps v to −sgn(v₀)‖v‖e₀ without cancellation; then normalise u.
    const norm = Math.sqrt(norm2);
    const shift = u[0] >= 0 ? norm : -norm;
    norm2 += 2 * shift * u[0] + shift * shift;
    u[0] += shift;
    const scale = 1 / Math.sqrt(norm2);
    for (let i = 0; i < u.length; i++) u[i] *= scale;
    vectors.push(u);
  }
  return vectors;
}

/** v ← (I − 2uuᵀ) v on the coordinates from `start`. */
function reflect(v: Float64Array, u: Float64Array, start: number): void {
  let dot = 0;
  for (let i = 0; i < u.length; i++) dot += u[i] * v[start + i];
  dot *= 2;
  for (let i = 0; i < u.length; i++) v[start + i] -= dot * u[i];
}

export function illConditionedQuadratic(options: OptionsOf<typeof illConditionedQuadraticSchema>): ZooObjective {
  const { dim, condition, seed } = options;
  const reflections = householderVectors(dim, new Random(seed));
  const lambda = Float64Array.from({ length: dim }, (_, i) => condition ** (i / (dim - 1)));
  const rotated = new Float64Array(dim);
  return zooObjective(
    dim,
    {
      name: 'ill-conditioned-quadratic',
      formula: '1/2 x^T Q diag(lambda) Q^T x, lambda_i = kappa^((i-1)/(d-1)), Q a seeded random rotation',
      tex: '\\tfrac{1}{2}\\, x^\\top Q \\,\\mathrm{diag}(\\lambda)\\, Q^\\top x,\\quad \\lambda_i = \\kappa^{(i-1)/(d-1)}',
      variables: Array.from({ length: dim }, (_, i) => `x${i + 1}`),
      domain: box(dim, -2, 2),
      minima: [{ x: new Array<number>(dim).fill(0), value: 0, kind: 'global' }],
      starts: [new Array<number>(dim).fill(1)],
      startsSource: 'ours',
      source: `ours: d = ${dim}, κ = ${condition}, seed ${seed}; Q by Stewart (1980)`,
    },
    (x, g) => {
      // y = Qᵀx = H_{d−1} ⋯ H₁ x
      for (let i = 0; i < dim; i++) rotated[i] = x[i];
      for (let k = 0; k < dim - 1; k++) reflect(rotated, reflections[k], k);
      let f = 0;
      for (let i = 0; i < dim; i++) {
        const z = lambda[i] * rotated[i];
        f += rotated[i] * z;
        g[i] = z;
      }
      // ∇f = Q Λ y = H₁ ⋯ H_{d−1} (Λ y)
      for (let k = dim - 2; k >= 0; k--) reflect(g, reflections[k], k);
      return 0.5 * f;
    },
  );
}
