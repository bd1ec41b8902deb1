/**
 * Feature scaling fitted on the training rows only and applied to every split, so validation and test numbers
 * never leak into the model (their means are, in general, not exactly 0). A Scaler keeps what it fitted, so a user
 * can scale new rows or undo the scaling of a prediction's inputs.
 *
 *   standard:  x' = (x − μ) / σ,            μ, σ the training mean and population standard deviation (ddof 0)
 *   minmax:    x' = (x − min) / (max − min), over the training rows, so training values land in [0, 1]
 *   none:      x' = x
 *
 * A constant column (σ = 0 or max = min) keeps scale 1 so it maps to 0 instead of NaN.
 */
import { fail, show } from '../../core/errors.js';
import type { FloatArray } from '../../core/float-array.js';

export type ScaleKind = 'standard' | 'minmax' | 'none';
export const SCALE_KINDS: readonly ScaleKind[] = ['standard', 'minmax', 'none'];

export class Scaler {
  private constructor(
    readonly kind: ScaleKind,
    readonly featureNames: readonly string[],
    /** Subtracted from each feature: μ (standard), min (minmax), 0 (none or a skipped column). */
    readonly offset: Float64Array,
    /** Each feature is divided by it after the offset: σ, max − min, or 1. */
    readonly scale: Float64Array,
  ) {}

  get features(): number {
    return this.offset.length;
  }

  /**
   * Fits on the rows `rows` of the row-major matrix `x` (features columns). Columns with `skip[j]` (one-hot
   * indicators) are left as they are: offset 0, scale 1.
   */
  static fit(
    kind: ScaleKind,
    x: FloatArray,
    featureNames: readonly string[],
    rows: ArrayLike<number>,
    skip: readonly boolean[] = [],
  ): Scaler {
    if (!SCALE_KINDS.includes(kind)) fail('Scaler', `scale must be one of ${SCALE_KINDS.join(', ')}, got ${show(kind)}`);
    const f = featureNames.length;
    const offset = new Float64Array(f);
    const scale = new Float64Array(f).fill(1);
    const n = rows.length;
    if (kind !== 'none' && n === 0) fail('Scaler', 'cannot fit on zero rows');
    for (let j = 0; j < f; j++) {
      if (kind === 'none' || skip[j] === true) continue;
      if (kind === 'standard') {
        // Two passes: the mean first, then the squared deviations from it (no cancellation).
        let sum = 0;
        for (let i = 0; i < n; i++) sum += x[rows[i] * f + j];
        const mean = sum / n;
        let squares = 0;
        for (let i = 0; i < n; i++) {
          const d = x[rows[i] * f + j] - mean;
          squares += d * d;
        }
        const sd = Math.sqrt(squares / n);
        offset[j] = mean;
        scale[j] = sd > 0 ? sd : 1;
      } else {
        let min = Infinity;
        let max = -Infinity;
        for (let i = 0; i < n; i++) {
          const v = x[rows[i] * f + j];
          if (v < min) min = v;
          if (v > max) max = v;
        }
        offset[j] = min;
        scale[j] = max > min ? max - min : 1;
      }
    }
    return new Scaler(kind, [...featureNames], offset, scale);
  }

  /** A scaler from saved numbers (e.g. `toJSON()`'s). */
  static from(saved: { kind: ScaleKind; featureNames: readonly string[]; offset: ArrayLike<number>; scale: ArrayLike<number> }): Scaler {
    const f = saved.featureNames.length;
    if (saved.offset.length !== f || saved.scale.length !== f) {
      fail('Scaler', `needs one offset and one scale per feature (${f}), got ${saved.offset.length} and ${saved.scale.length}`);
    }
    return new Scaler(saved.kind, [...saved.featureNames], Float64Array.from(saved.offset), Float64Array.from(saved.scale));
  }

  /** Scales the row-major rows of `x` in place: x' = (x − offset) / scale. */
  transform(x: FloatArray): void {
    this.check(x);
    const f = this.features;
    for (let i = 0; i < x.length; i += f) {
      for (let j = 0; j < f; j++) x[i + j] = (x[i + j] - this.offset[j]) / this.scale[j];
    }
  }

  /** Undoes `transform` in place: x = x' · scale + offset. */
  inverse(x: FloatArray): void {
    this.check(x);
    const f = this.features;
    for (let i = 0; i < x.length; i += f) {
      for (let j = 0; j < f; j++) x[i + j] = x[i + j] * this.scale[j] + this.offset[j];
    }
  }

  toJSON(): { kind: ScaleKind; featureNames: string[]; offset: number[]; scale: number[] } {
    return { kind: this.kind, featureNames: [...this.featureNames], offset: [...this.offset], scale: [...this.scale] };
  }

  private check(x: FloatArray): void {
    if (this.features > 0 && x.length % this.features !== 0) {
      fail('Scaler', `x has ${x.length} values, not a whole number of rows of ${this.features} features`);
    }
  }
}
