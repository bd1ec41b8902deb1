/**
 * The README's experiment files (```yaml blocks) are valid experiments, and the table shown after the first one
 * (```text) is exactly what running it prints.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatResults } from '../../src/cli/run.js';
import { parseExperimentText } from '../../src/engine/experiment.js';
import { runExperiment } from '../../src/engine/run-experiment.js';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const section = readme.slice(readme.indexOf('## Running experiments'));
const yamlBlocks = [...readme.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]);

describe('README experiment files', () => {
  it('has one to check', () => {
    expect(yamlBlocks.length).toBeGreaterThanOrEqual(1);
    expect(section).toContain('```yaml');
  });

  yamlBlocks.forEach((yaml, i) => {
    it(`yaml block ${i + 1} is a valid experiment`, () => {
      const experiment = parseExperimentText(yaml, { source: 'README.md' });
      expect(experiment.optimizers.length).toBeGreaterThan(0);
      expect(experiment.starts.length).toBeGreaterThan(0);
    });
  });

  it('the table after the first one is what running it prints', () => {
    const shown = /```yaml\n([\s\S]*?)```[\s\S]*?```text\n([\s\S]*?)```/.exec(section);
    expect(shown).not.toBeNull();
    const [, yaml, table] = shown!;
    const experiment = parseExperimentText(yaml);
    expect(experiment.name).toBe('banana');
    expect(experiment.optimizers.map((o) => o.label)).toEqual(['Adam lr=0.05', 'heavy ball', 'SGD lr=0.002 + StepLR stepSize=100 gamma=0.5', 'LBFGS']);
    expect(`${formatResults(runExperiment(experiment))}\n`).toBe(table);
  });
});
