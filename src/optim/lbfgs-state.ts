/**
 * LBFGS state from its JSON form. The base class's generic decoding cannot know that LBFGS's vectors span all
 * parameters (not the first one), nor tell a list of scalars (`ro`, `al`) from a vector, so the keys are read here
 * one by one: vectors come back in the parameters' type, lists of vectors as arrays of them (empty ones included).
 */
import { fail, show } from '../core/errors.js';
import { arrayLike, type FloatArray } from '../core/float-array.js';
import { decodeNumber } from '../core/json-number.js';
import type { FlatParams } from './flat.js';
import type { LBFGSState } from './lbfgs.js';
import type { StateValue } from './optimizer.js';

export function decodeLBFGSState(raw: Record<string, StateValue>, flat: FlatParams, owner: string): LBFGSState {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) fail(owner, `state must be an object, got ${show(raw)}`);
  const state: LBFGSState = { funcEvals: 0, nIter: 0 };
  for (const [key, value] of Object.entries(raw)) {
    const where = `${owner}: state.${key}`;
    switch (key) {
      case 'funcEvals':
      case 'nIter':
      case 't':
      case 'hDiag':
      case 'prevLoss':
        state[key] = scalar(value, where);
        break;
      case 'd':
      case 'prevFlatGrad':
        state[key] = vector(value, flat, where);
        break;
      case 'oldDirs':
      case 'oldStps':
        state[key] = list(value, where).map((v, i) => vector(v, flat, `${where}[${i}]`));
        break;
      case 'ro':
        state.ro = list(value, where).map((v, i) => scalar(v, `${where}[${i}]`));
        break;
      case 'al':
        state.al = list(value, where).map((v, i) => (v === null ? null : scalar(v, `${where}[${i}]`)));
        break;
      default:
        fail(owner, `unknown LBFGS state key ${show(key)}`);
    }
  }
  const lengths = [state.oldDirs, state.oldStps, state.ro].map((l) => l?.length ?? 0);
  if (lengths.some((n) => n !== lengths[0])) {
    fail(owner, `state.oldDirs, state.oldStps and state.ro must have equal lengths, got ${lengths.join(', ')}`);
  }
  return state;
}

function scalar(value: StateValue, where: string): number {
  const x = decodeNumber(value);
  if (x === undefined) fail(where, `must be a number, got ${show(value)}`);
  return x;
}

function list(value: StateValue, where: string): StateValue[] {
  if (!Array.isArray(value)) fail(where, `must be a list, got ${show(value)}`);
  return value;
}

function vector(value: StateValue, flat: FlatParams, where: string): FloatArray {
  const numbers = list(value, where).map((x, i) => scalar(x, `${where}[${i}]`));
  if (numbers.length !== flat.numel) {
    fail(where, `has length ${numbers.length}, the parameters have ${flat.numel} elements in all`);
  }
  return arrayLike(flat.params[0].data, numbers);
}
