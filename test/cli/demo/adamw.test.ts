import { describe, expect, it } from 'vitest';
import { adamwSection } from '../../../src/cli/demo/adamw.js';
import { expectFigures, expectSeed } from './section-checks.js';

describe('demo section adamw', async () => {
  const result = await adamwSection.build({ quick: true });
  const rows = result.table!.rows;
  const col = (name: string) => result.table!.columns.indexOf(name);
  const value = (row: number, name: string) => Number(rows[row][col(name)]);

  it('names its seed: lecture 4 (000), AdamW', () => {
    expectSeed(adamwSection, result, '000_1765f82dc8c352f6.txt');
    expect(adamwSection.id).toBe('adamw');
    expect(result.text).toContain('AdamW (Adam with Weight Decay)');
  });

  it('checks four claims; "better than Adam + L2 at the same λ" does NOT hold here, and is reported so', () => {
    expect(result.claims).toHaveLength(4);
    const [inflation, vsAdam, sameLambda, bestLambda] = result.claims;
    for (const c of [inflation, vsAdam, bestLambda]) {
      expect(c.holds, `${c.claim} — ${c.evidence}`).toBe(true);
      expect(c.expected ?? true).toBe(true);
    }
    expect(sameLambda.holds, sameLambda.evidence).toBe(false);
    expect(sameLambda.expected).toBe(false);
    expect(sameLambda.evidence).toMatch(/AdamW is lower at λ = [\d., ]+ only/);
    expect(result.text).toContain('honest result');
  });

  it('tabulates Adam, Adam + L2 and AdamW with λ = 0.1 from the same initial weights', () => {
    expect(rows.map((r) => r[0])).toEqual(['Adam, no decay', 'Adam + L2, λ = 0.1', 'AdamW, λ = 0.1']);
    // Same model seed: the same starting norm for all three.
    expect(new Set(rows.map((r) => r[col('‖W‖ epoch 0')])).size).toBe(1);
    const start = value(0, '‖W‖ epoch 0');
    // AdamW's decay alone would shrink the weights by (1 − lr·λ)^steps = 0.999^800 ≈ 0.45; the loss gradient
    // holds them up, so the end lies between that and the start.
    expect(value(2, '‖W‖ epoch 100')).toBeGreaterThan(0.449 * start);
    expect(value(2, '‖W‖ epoch 100')).toBeLessThan(start);
    // Adam + L2 with the same λ shrinks them far more (its decay is normalised to a step of about lr).
    expect(value(1, '‖W‖ epoch 100')).toBeLessThan(value(2, '‖W‖ epoch 100') / 2);
    // Without decay the model overfits: best epoch early, final validation loss above both decayed runs'.
    expect(value(0, 'best epoch')).toBeLessThan(50);
    expect(value(0, 'validation loss, epoch 100')).toBeGreaterThan(value(1, 'validation loss, epoch 100'));
    expect(value(0, 'validation loss, epoch 100')).toBeGreaterThan(value(2, 'validation loss, epoch 100'));
    // ½·MSE of a standardised target: a constant prediction scores ≈ 0.5; every run explains most of the variance.
    for (let i = 0; i < 3; i++) expect(value(i, 'validation loss, epoch 100')).toBeLessThan(0.25);
  });

  it('draws weight norms, validation loss and the λ sweep with the section’s prefix', () => {
    expectFigures(result, 'adamw', ['adamw-norms.png', 'adamw-validation.png', 'adamw-sweep.png']);
  });
});
