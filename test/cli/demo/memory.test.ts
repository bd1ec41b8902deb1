import { describe, expect, it } from 'vitest';
import { memorySection } from '../../../src/cli/demo/memory.js';
import { expectClaimsHold, expectFigures, expectSeed } from './section-checks.js';
import { Parameter } from '../../../src/core/parameter.js';
import { Adam } from '../../../src/optim/adam.js';
import { optimizers } from '../../../src/optim/registry.js';

describe('demo section memory', async () => {
  const result = await memorySection.build({ quick: true });
  const col = (name: string) => result.table!.columns.indexOf(name);
  const row = (label: string) => result.table!.rows.find((r) => r[0] === label)!;

  it('names its seed: lecture 6 (001)', () => {
    expectSeed(memorySection, result, '001_25e225063cee466c.txt');
    expect(memorySection.id).toBe('memory');
    expect(result.text).toContain('001_25e225063cee466c.txt');
  });

  it('every claim holds', () => {
    expectClaimsHold(result, 6);
  });

  it('has a row for every optimizer of the registry', () => {
    const names = result.table!.rows.map((r) => String(r[0]).split(/[ ,]/)[0]);
    for (const o of optimizers) expect(names).toContain(o.name);
  });

  it('counts the lecture’s buffers: SGD 0, momentum 1, Adagrad 1, RMSprop 1, Adam 2, AMSGrad 3', () => {
    const n = col('state per parameter');
    expect(row('SGD')[n]).toBe(0);
    expect(row('SGD, momentum 0.9')[n]).toBe(1);
    expect(row('Adagrad')[n]).toBe(1);
    expect(row('RMSprop')[n]).toBe(1);
    expect(row('Adam')[n]).toBe(2);
    expect(row('AdamW')[n]).toBe(2);
    expect(row('Adam, amsgrad')[n]).toBe(3);
    expect(row('Adam')[col('state buffers')]).toBe('expAvg, expAvgSq');
  });

  it('turns counts into float32 megabytes for a million parameters: 4 MB per buffer, 8 MB of weights and gradients', () => {
    expect(row('Adam')[col('state, MB (1e6 float32)')]).toBe(8);
    expect(row('Adam')[col('with weights and gradients, MB')]).toBe(16);
    expect(row('Adam')[col('vs SGD')]).toBe(2);
    expect(row('SGD')[col('with weights and gradients, MB')]).toBe(8);
  });

  it('4 bytes a number is right: the state of a float32 parameter is float32', () => {
    const p = new Parameter(new Float32Array(3).fill(1));
    const adam = new Adam([p], {});
    p.grad!.fill(0.5);
    adam.step();
    const state = adam.state.get(p)!;
    expect(state.expAvg).toBeInstanceOf(Float32Array);
    expect(state.expAvgSq).toBeInstanceOf(Float32Array);
  });

  it('has no figures (a table section)', () => {
    expectFigures(result, 'memory', []);
  });
});
