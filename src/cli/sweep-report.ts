/**
 * The pictures and the HTML report of a sweep, written into its output folder beside the results:
 * `sensitivity.png`, the final value each optimizer reaches against its learning rate (the best over its other
 * swept options at each rate), when a sweep varies `lr`; `heatmap-<optimizer>.png`, the final value over two
 * swept numeric options of one optimizer's grid; and `index.html`, the ranking with the pictures and the sweep's
 * configuration. Final values are medians over a configuration's runs.
 */
import type { SweepResults } from '../engine/sweep-results.js';
import type { RankedConfiguration } from '../engine/sweep-rank.js';
import type { Sweep } from '../engine/sweep-schema.js';
import { heatmap } from '../viz/heatmap.js';
import { svgToPng } from '../viz/raster.js';
import { writeReport, type ReportFigure, type ReportSection } from '../viz/report.js';
import { lrSensitivity, type SensitivitySeries } from '../viz/sensitivity.js';

/** The number of configurations the report's table shows. */
const TABLE_ROWS = 100;

const slug = (text: string) => text.toLowerCase().replace(/[^a-z0-9.]+/g, '-').replace(/^-+|-+$/g, '') || 'optimizer';

/** Best (lowest) median final value among configurations, NaN when they all diverged. */
function best(configurations: readonly RankedConfiguration[]): number {
  const values = configurations.filter((c) => c.standing !== 'diverged' && c.finalValue !== null).map((c) => c.finalValue!.median);
  return values.length === 0 ? NaN : Math.min(...values);
}

/** Configurations grouped by the values of the given options, keyed by their values as JSON. */
function groupBy(configurations: readonly RankedConfiguration[], names: readonly string[]): Map<string, RankedConfiguration[]> {
  const groups = new Map<string, RankedConfiguration[]>();
  for (const c of configurations) {
    const id = JSON.stringify(names.map((n) => c.params[n]));
    groups.set(id, [...(groups.get(id) ?? []), c]);
  }
  return groups;
}

function sensitivitySeries(sweep: Sweep, results: SweepResults): SensitivitySeries[] {
  const series: SensitivitySeries[] = [];
  sweep.optimizers.forEach((o, i) => {
    if (!o.params.some((p) => p.name === 'lr')) return;
    const mine = results.ranking.filter((c) => c.optimizerIndex === i);
    const points = [...groupBy(mine, ['lr']).entries()].map(([id, group]) => {
      const value = best(group);
      return { lr: (JSON.parse(id) as number[])[0], value, ...(Number.isNaN(value) ? { diverged: true } : {}) };
    });
    if (points.length >= 2) series.push({ label: o.label, points });
  });
  return series;
}

/** The heat maps: one per grid optimizer that sweeps two or more numeric options (lr across, the next one up). */
function heatmaps(sweep: Sweep, results: SweepResults): ReportFigure[] {
  const figures: ReportFigure[] = [];
  sweep.optimizers.forEach((o, i) => {
    if (o.search !== 'grid') return;
    const mine = results.ranking.filter((c) => c.optimizerIndex === i);
    const numeric = o.params.map((p) => p.name).filter((n) => mine.every((c) => typeof c.params[n] === 'number'));
    if (numeric.length < 2) return;
    const [x, y] = numeric.includes('lr') ? ['lr', numeric.find((n) => n !== 'lr')!] : numeric;
    const axis = (name: string) => [...new Set(mine.map((c) => c.params[name] as number))].sort((a, b) => a - b);
    const xs = axis(x);
    const ys = axis(y);
    const cells = groupBy(mine, [x, y]);
    const z = ys.map((yv) => xs.map((xv) => best(cells.get(JSON.stringify([xv, yv])) ?? [])));
    const others = o.params.length > 2 ? ' (the best over the other swept options)' : '';
    const svg = heatmap({ x: { label: x, values: xs }, y: { label: y, values: ys }, z, title: `${o.label}: final value over ${x} × ${y}`, metric: 'final value' });
    figures.push({ file: `heatmap-${slug(o.label)}.png`, alt: `heat map of ${o.label}'s final value over ${x} and ${y}`, caption: `${o.label}: median final value for each ${x} and ${y}${others}; a cross marks divergence, the outline the best cell.`, data: svg });
  });
  return figures;
}

/** Writes the pictures and index.html into `outDir`; returns the files written, relative to it. */
export async function writeSweepReport(results: SweepResults, sweep: Sweep, outDir: string): Promise<string[]> {
  const figures: ReportFigure[] = [];
  const series = sensitivitySeries(sweep, results);
  const minima = results.function.minima;
  const reference = minima && minima.length > 0 ? Math.min(...minima.map((m) => m.value)) : undefined;
  if (series.length > 0) {
    const svg = lrSensitivity(series, { ...(reference !== undefined ? { reference } : {}), title: `${results.name}: learning-rate sensitivity`, metric: 'final value' });
    figures.push({ file: 'sensitivity.png', alt: 'final value against learning rate, one line per optimizer', caption: 'Median final value against the learning rate, one line per optimizer (the best over its other swept options at each rate); crosses along the top mark rates where every configuration diverged.', data: svg });
  }
  figures.push(...heatmaps(sweep, results));
  for (const f of figures) f.data = await svgToPng(f.data as string);

  const metricName = { 'final-value': 'final value', steps: 'steps to tol', distance: 'distance to minimum' }[results.metric];
  const rows = results.ranking.slice(0, TABLE_ROWS).map((c) => [`${c.rank}${c.tied ? '=' : ''}`, c.label, c.metric?.median ?? null, c.metric?.min ?? null, c.metric?.max ?? null, c.steps.median, c.standing]);
  const sections: ReportSection[] = [
    {
      title: 'Ranking',
      text: `Ranked by ${metricName}, lower is better: the median over each configuration's ${results.runs.length / results.configurations} run(s), with the minimum and maximum. Equal values share a rank (marked =); configurations with a diverged run rank last.${results.ranking.length > TABLE_ROWS ? ` The first ${TABLE_ROWS} of ${results.ranking.length}; results.csv has them all.` : ''}`,
      table: { columns: ['rank', 'configuration', `${metricName} (median)`, 'min', 'max', 'steps (median)', 'standing'], rows },
    },
  ];
  if (figures.length > 0) sections.push({ title: 'Pictures', figures });
  await writeReport(outDir, {
    title: `Sweep: ${results.name}`,
    intro: `${results.description ? `${results.description}\n\n` : ''}${results.configurations} configurations, ${results.runs.length} runs on ${results.function.name ?? 'the function'}.`,
    sections,
    config: results.config,
  });
  return [...figures.map((f) => f.file), 'index.html'];
}
