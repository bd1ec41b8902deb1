import { describe, expect, it } from 'vitest';
import { stateSizePerParameter } from '../../src/optim/state-size.js';

describe('stateSizePerParameter(name, options)', () => {
  it.each([
    ['SGD', {}, 0],
    ['SGD', { momentum: 0.9 }, 1],
    ['Adagrad', {}, 1],
    ['RMSprop', {}, 1],
    ['RMSprop', { momentum: 0.9, centered: true }, 3],
    ['Adam', {}, 2],
    ['Adam', { amsgrad: true }, 3],
    ['AdamW', {}, 2],
    ['Adadelta', {}, 2],
    ['Lion', {}, 1],
    ['Rprop', {}, 2],
  ] as const)('%s %j keeps %d number(s) per parameter', (name, options, expected) => {
    expect(stateSizePerParameter(name, options)).toBe(expected);
  });

  it('LBFGS keeps history pairs that grow with the steps', () => {
    const early = stateSizePerParameter('LBFGS', { historySize: 5, maxIter: 1 }, 1);
    const later = stateSizePerParameter('LBFGS', { historySize: 5, maxIter: 1 }, 4);
    expect(later).toBeGreaterThan(early);
  });
});
