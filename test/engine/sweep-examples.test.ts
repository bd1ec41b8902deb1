/**
 * The sweeps the docs show are valid and say what they do: the README's sweep files (```yaml sweep blocks) and
 * examples/sweeps/*.yaml parse, and the table shown after the README's first sweep is exactly what running it prints.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatSweep } from '../../src/cli/sweep.js';
import { planSweep, runTask } from '../../src/engine/sweep.js';
import { sweepResults } from '../../src/engine/sweep-results.js';
import { parseSweepText } from '../../src/engine/sweep-schema.js';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const section = readme.slice(readme.indexOf('## Sweeps'), readme.indexOf('\n## ', readme.indexOf('## Sweeps') + 5));
const blocks = [...section.matchAll(/```yaml sweep\n([\s\S]*?)```/g)].map((m) => m[1]);
const examples = new URL('../../examples/sweeps/', import.meta.url);
const exampleFiles = readdirSync(examples).filter((f) => f.endsWith('.yaml'));

describe('documented sweeps', () => {
  it('the README has a Sweeps section with a sweep file, and there are example files', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(1);
    expect(exampleFiles.length).toBeGreaterThanOrEqual(2);
  });

  it.each(exampleFiles)('examples/sweeps/%s is a valid sweep', (name) => {
    const sweep = parseSweepText(readFileSync(new URL(name, examples), 'utf8'), { source: name, name: name.replace(/\.yaml$/, '') });
    expect(planSweep(sweep).runs.length).toBeGreaterThan(1);
  });

  it('the table after the README’s sweep is what running it prints', () => {
    const shown = /```yaml sweep\n([\s\S]*?)```[\s\S]*?```text\n([\s\S]*?)```/.exec(section);
    expect(shown).not.toBeNull();
    const [, yaml, table] = shown!;
    const plan = planSweep(parseSweepText(yaml));
    const outcomes = new Map(plan.runs.map((r) => [r.key, runTask(r.task)]));
    expect(`${formatSweep(sweepResults(plan, outcomes))}\n`).toBe(table);
  });
});
