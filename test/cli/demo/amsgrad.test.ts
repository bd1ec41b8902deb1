import { describe, expect, it } from 'vitest';
import { amsgradSection, reddiProblem } from '../../../src/cli/demo/amsgrad.js';
import { expectClaimsHold, expectFigures, expectSeed } from './section-checks.js';

const C = 10;
const beta2 = 1 / (1 + C * C);

describe('demo section amsgrad', async () => {
  const result = await amsgradSection.build({ quick: true });
  const column = (name: string) => result.table!.columns.indexOf(name);
  const row = (label: string) => result.table!.rows.find((r) => r[0] === label)!;

  it('names its seed: lecture 6 (001) and Reddi et al.', () => {
    expectSeed(amsgradSection, result, '001_25e225063cee466c.txt');
    expect(amsgradSection.id).toBe('amsgrad');
    expect(result.seed).toContain('Reddi');
    expect(result.text).toContain('001_25e225063cee466c.txt');
  });

  it('every claim holds', () => {
    expectClaimsHold(result, 5);
  });

  it('uses the paper’s indexing: f_t = Cx when t mod 3 = 1, from t = 1', () => {
    const g = new Float64Array(1);
    expect(reddiProblem.valueAndGrad(1, [0.5], g)).toBe(5);
    expect(g[0]).toBe(C);
    expect(reddiProblem.valueAndGrad(2, [0.5], g)).toBe(-0.5);
    expect(reddiProblem.valueAndGrad(3, [0.5], g)).toBe(-0.5);
    expect(reddiProblem.valueAndGrad(4, [0.5], g)).toBe(5);
  });

  it('Adam ends on the wall x = +1, AMSGrad within two −1 steps of x* = −1', () => {
    const x = column('x after 3000 rounds');
    expect(row('Adam')[x]).toBe(1); // projected onto the wall
    expect(row('Adam, torch form (bias correction, ε = 1e-8)')[x]).toBe(1);
    // A −1 round moves AMSGrad by at most α_t / (C √(1 − β₂)), and the run ends with two of them.
    const slack = (2 * 0.5) / Math.sqrt(2999) / (C * Math.sqrt(1 - beta2));
    const ams = row('AMSGrad')[x] as number;
    expect(ams).toBeLessThan(-1 + slack);
    expect(ams).toBeGreaterThan(-1);
  });

  it('average regrets: Adam near 2(C − 2)/3, AMSGrad near 0', () => {
    const r = column('average regret R_T/T');
    const adam = row('Adam')[r] as number;
    expect(adam).toBeGreaterThan(5);
    expect(adam).toBeLessThanOrEqual((2 * (C - 2)) / 3); // no one can do worse than always playing +1
    expect(row('AMSGrad')[r] as number).toBeLessThan(0.05);
    expect(result.table!.rows).toHaveLength(3);
  });

  it('draws x_t and the regret as PNGs named after the section', () => {
    expectFigures(result, 'amsgrad', ['amsgrad-x.png', 'amsgrad-regret.png']);
    for (const f of result.figures!) expect(f.twins?.[0].file).toBe(f.file.replace('.png', '.svg'));
  });
});
