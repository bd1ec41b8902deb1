import { describe, expect, it } from 'vitest';
import { saddlePlateauSection } from '../../../src/cli/demo/saddle-plateau.js';
import { expectClaimsHold, expectFigures, expectSeed } from './section-checks.js';

describe('demo section saddle-plateau', async () => {
  const result = await saddlePlateauSection.build({ quick: true });
  const rows = result.table!.rows;
  const col = (prefix: string) => result.table!.columns.findIndex((c) => c.startsWith(prefix));
  const row = (fn: string, method: string) => rows.find((r) => r[0] === fn && r[1] === method)!;
  const reached = col('steps to escape');

  it('names its seed: lecture 4 (000)', () => {
    expectSeed(saddlePlateauSection, result, '000_1765f82dc8c352f6.txt');
    expect(saddlePlateauSection.id).toBe('saddle-plateau');
    expect(result.text).toContain('000_1765f82dc8c352f6.txt');
  });

  it('every claim holds', () => {
    expectClaimsHold(result, 6);
  });

  it('GD on x² − y² with lr 0.1: y grows by 1.2 a step, so |y| passes 1 at step ⌈ln 1000 / ln 1.2⌉ = 38', () => {
    expect(row('saddle', 'GD lr 0.1')[reached]).toBe(String(Math.ceil(Math.log(1000) / Math.log(1.2))));
    expect(Number(row('saddle', 'momentum 0.9, lr 0.1')[reached])).toBeLessThan(38);
    expect(Number(row('saddle', 'Adam lr 0.1')[reached])).toBeLessThan(38);
    // Escaped runs stop on the wall y = 2 of the box, where f = x² − 4 ≥ −4.
    for (const m of ['GD lr 0.1', 'momentum 0.9, lr 0.1', 'Adam lr 0.1']) {
      const f = row('saddle', m)[col('last f')] as number;
      expect(f).toBeGreaterThanOrEqual(-4);
      expect(f).toBeLessThan(-3.99);
    }
  });

  it('GD from (1, 0) converges into the saddle: x shrinks by 0.8 a step, x₆₀ = 0.8⁶⁰', () => {
    const r = row('saddle', 'GD lr 0.1 from (1, 0)');
    expect(r[reached]).toBe('> 60');
    expect(r[col('last f')] as number).toBeCloseTo(0.8 ** 120, 20); // f = x² at y = 0
  });

  it('the plateau: GD barely moves in 600 steps, momentum and Adam cross', () => {
    expect(row('plateau', 'GD lr 0.1')[col('last f')] as number).toBeGreaterThan(0.99);
    const gdSteps = Number(row('plateau', 'GD lr 0.1')[reached]);
    const momentumSteps = Number(row('plateau', 'momentum 0.9, lr 0.1')[reached]);
    const adamSteps = Number(row('plateau', 'Adam lr 0.1')[reached]);
    expect(gdSteps).toBeGreaterThan(600);
    expect(momentumSteps).toBeLessThan(gdSteps / 5);
    expect(adamSteps).toBeLessThan(momentumSteps / 5);
    // Momentum 0.9 multiplies a steady gradient by up to 1/(1 − 0.9) = 10: GD needs more than ~10× momentum's steps.
    expect(gdSteps / momentumSteps).toBeGreaterThan(5);
    expect(rows).toHaveLength(7);
  });

  it('draws both functions with the section’s prefix', () => {
    expectFigures(result, 'saddle-plateau', [
      'saddle-plateau-saddle-contour.png',
      'saddle-plateau-saddle-race.gif',
      'saddle-plateau-saddle-loss.png',
      'saddle-plateau-plateau-contour.png',
      'saddle-plateau-plateau-race.gif',
      'saddle-plateau-plateau-loss.png',
    ]);
  });
});
