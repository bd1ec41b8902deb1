/**
 * `descent demo`: the seed notebook's six optimizer settings side by side on 5x² + y² from (5, 5).
 * Later issues grow this into the full report of every experiment in the seeds.
 */
import { makeTable } from './table.js';
import { Parameter } from '../core/parameter.js';
import { getOptimizer } from '../optim/registry.js';
import { notebookSettings, squareSum, type OptimizerSetting } from './notebook-experiments.js';

export interface DemoRow {
  label: string;
  spec: string;
  point: number[];
  value: number;
  steps: number;
}

/** Runs one setting for the notebook's 100 iterations; each step evaluates the gradient at the current point. */
export function runSetting(setting: OptimizerSetting): DemoRow {
  const p = new Parameter(Float64Array.from(squareSum.start));
  const optimizer = getOptimizer(setting.optimizer).create([p], setting.options);
  for (let t = 0; t < squareSum.iterations; t++) {
    squareSum.valueAndGrad(p.data as Float64Array, p.grad as Float64Array);
    optimizer.step();
  }
  const value = squareSum.valueAndGrad(p.data as Float64Array, new Float64Array(2));
  const spec = `${setting.optimizer} ${JSON.stringify(setting.options)}`;
  return { label: setting.label, spec, point: Array.from(p.data), value, steps: squareSum.iterations };
}

export function runDemo(): DemoRow[] {
  return notebookSettings.map(runSetting);
}

export function formatDemo(rows: DemoRow[]): string {
  const table = makeTable(['optimizer', 'options', 'final x', 'final y', 'f(x, y)', 'steps']);
  for (const r of rows) {
    table.push([r.label, r.spec, ...r.point.map((v) => v.toPrecision(6)), r.value.toExponential(3), String(r.steps)]);
  }
  return `${squareSum.formula}, start (${squareSum.start.join(', ')}), ${squareSum.iterations} iterations\n${table.toString()}`;
}
