import { describe, expect, it } from 'vitest';
import { optimizersOnDataSection } from '../../../src/cli/demo/optimizers-on-data.js';
import { expectFigures, expectSeed } from './section-checks.js';

describe('demo section optimizers-on-data', async () => {
  const result = await optimizersOnDataSection.build({ quick: true });
  const col = (name: string) => result.table!.columns.indexOf(name);
  const row = (prefix: string) => result.table!.rows.find((r) => String(r[0]).startsWith(prefix))!;

  it('names its seed: lecture 4 (000)', () => {
    expectSeed(optimizersOnDataSection, result, '000_1765f82dc8c352f6.txt');
    expect(optimizersOnDataSection.id).toBe('optimizers-on-data');
  });

  it('checks three claims; the lecture’s "adaptive methods converge faster" does NOT hold at its own learning rates, and says so', () => {
    expect(result.claims).toHaveLength(3);
    const [momentum, faster, tuning] = result.claims;
    expect(momentum.holds, momentum.evidence).toBe(true);
    expect(tuning.holds, tuning.evidence).toBe(true);
    // Adam at lr 0.001 on standardised penguins is slower than SGD at 0.01: reported as failing, not hidden.
    expect(faster.holds, faster.evidence).toBe(false);
    expect(faster.evidence).toMatch(/Adam lr 0\.001: epoch \d+/);
    expect(result.text).toContain('honest result');
  });

  it('tabulates the six optimizers; all classify the held-out penguins well', () => {
    expect(result.table!.rows.map((r) => r[0])).toEqual([
      'SGD lr 0.01',
      'SGD momentum 0.9, lr 0.01',
      'Adagrad lr 0.01',
      'RMSprop lr 0.001',
      'Adam lr 0.001',
      'AdamW lr 0.001, weight decay 0.01',
    ]);
    for (const r of result.table!.rows) {
      expect(Number(r[col('validation accuracy at best')])).toBeGreaterThan(0.9);
      // Cross-entropy starts near ln 3 ≈ 1.1 and every optimizer brings it below 0.1 within 40 epochs.
      expect(Number(r[col('best validation loss')])).toBeLessThan(0.1);
    }
    // Momentum reaches the target first; with weight decay 0.01 at lr 0.001, AdamW stays within 1% of Adam.
    expect(row('SGD momentum')[col('first epoch below 0.1')]).toBeLessThan(row('SGD lr')[col('first epoch below 0.1')] as number);
    const adam = Number(row('Adam lr')[col('best validation loss')]);
    expect(Math.abs(Number(row('AdamW')[col('best validation loss')]) - adam) / adam).toBeLessThan(0.01);
  });

  it('draws validation and training curves with the section’s prefix', () => {
    expectFigures(result, 'optimizers-on-data', ['optimizers-on-data-validation.png', 'optimizers-on-data-train.png']);
  });
});
