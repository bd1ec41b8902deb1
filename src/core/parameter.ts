import { fail } from './errors.js';
import { dtypeOf, zerosLike, type FloatArray } from './float-array.js';

/**
 * A tensor of model parameters and its gradient, the unit every optimizer updates in place.
 *
 * `new Parameter(data)` allocates a zero gradient of the same type and length. The arrays belong to the user:
 * optimizers write `data` in place and read `grad`; a parameter whose `grad` is null is skipped, as in torch.
 */
export class Parameter<F extends FloatArray = FloatArray> {
  data: F;
  grad: F | null;
  name?: string;

  constructor(data: F, options: { grad?: F | null; name?: string } = {}) {
    if (!(data instanceof Float32Array || data instanceof Float64Array)) {
      fail('Parameter', `data must be a Float32Array or a Float64Array, got ${Object.prototype.toString.call(data)}`);
    }
    this.data = data;
    this.grad = options.grad === undefined ? zerosLike(data) : options.grad;
    if (options.name !== undefined) this.name = options.name;
    if (this.grad !== null) checkGradient(this, 'Parameter');
  }
}

/** Throws unless the gradient has the same type and length as the data. */
export function checkGradient(p: Parameter, owner: string): void {
  const { data, grad } = p;
  if (grad === null) return;
  const label = p.name === undefined ? 'parameter' : `parameter ${JSON.stringify(p.name)}`;
  if (!(grad instanceof Float32Array || grad instanceof Float64Array) || dtypeOf(grad) !== dtypeOf(data)) {
    fail(owner, `the gradient of ${label} must be a ${dtypeOf(data) === 'float32' ? 'Float32Array' : 'Float64Array'} like its data`);
  }
  if (grad.length !== data.length) {
    fail(owner, `the gradient of ${label} has length ${grad.length}, but its data has length ${data.length}`);
  }
}
