import { describe, expect, it } from 'vitest';
import { earlyStoppingSection } from '../../../src/cli/demo/early-stopping.js';
import { expectClaimsHold, expectFigures, expectSeed } from './section-checks.js';

describe('demo section early-stopping', async () => {
  const result = await earlyStoppingSection.build({ quick: true });
  const rows = result.table!.rows;
  const col = (name: string) => result.table!.columns.indexOf(name);

  it('names its seed: lecture 4 (000), early stopping', () => {
    expectSeed(earlyStoppingSection, result, '000_1765f82dc8c352f6.txt');
    expect(earlyStoppingSection.id).toBe('early-stopping');
    expect(result.text).toContain('Early Stopping');
  });

  it('every claim holds', () => {
    expectClaimsHold(result, 4);
  });

  it('stops patience (20) epochs after the best one, and the restored weights are the best epoch’s', () => {
    const [restored, atStop, full] = rows;
    const best = Number(restored[col('epoch')]);
    expect(best).toBeGreaterThanOrEqual(1);
    expect(atStop[col('epoch')]).toBe(best + 20);
    expect(full[col('epoch')]).toBe(100);
    // The best epoch has the lowest validation loss of the three; the run went on to overfit the 68 rows.
    const validation = rows.map((r) => Number(r[col('validation loss')]));
    expect(validation[0]).toBeLessThan(validation[1]);
    expect(validation[0]).toBeLessThan(validation[2]);
    const train = rows.map((r) => Number(r[col('training loss')]));
    expect(train[1]).toBeLessThan(train[0]);
    expect(train[2]).toBeLessThan(train[1]);
    // Three classes: cross-entropy of a confident, nearly always right model is far below ln 3 ≈ 1.1.
    for (const r of rows) expect(Number(r[col('test accuracy')])).toBeGreaterThan(0.9);
    expect(result.claims[1].evidence).toMatch(/\|Δ\| = 0\b/);
  });

  it('draws training and validation loss with the best epoch and the stop marked', () => {
    expectFigures(result, 'early-stopping', ['early-stopping-loss.png']);
    const svg = String(result.figures![0].twins![0].data);
    expect(svg).toContain('best epoch');
    expect(svg).toContain('stopped at epoch');
  });
});
