/**
 * What `descent run` writes beside results.json and results.csv: the pictures of the runs (runFigures: the contour
 * plot or the curve of f with the trajectories, the race GIF, the loss and learning-rate curves) and the HTML report
 * index.html that shows them with the results table (the terminal's columns) and the exact configuration.
 *
 * One start point: one set of pictures, all runs together. Several: a set per start, since runs from different
 * starts on one contour plot would be a tangle; the report then opens with the whole table.
 */
import { experimentConfig, type Experiment } from '../engine/experiment.js';
import type { ExperimentResults, RunResult } from '../engine/run-experiment.js';
import { runFigures } from '../viz/figures.js';
import { writeReport, type ReportSection } from '../viz/report.js';
import type { Run } from '../viz/runs.js';
import { folderName, manyStarts, point, resultsHeading, resultsTable } from './results-table.js';

export interface RunReport {
  /** The path of index.html. */
  index: string;
  /** How many pictures it shows. */
  figures: number;
  /** Every file written, relative to the output folder (pictures, their SVG twins, index.html). */
  files: string[];
}

export type RunReportWriter = (results: ExperimentResults, outDir: string, experiment: Experiment) => Promise<RunReport>;

function vizRuns(runs: readonly RunResult[]): Run[] {
  return runs.map((r) => ({ label: r.label, trace: r.trace }));
}

/** The box to draw: the experiment's bounds when the function has no domain of its own (figures.ts decides else). */
function boxOf(experiment: Experiment): [number, number] | [[number, number], [number, number]] | undefined {
  const { objective, bounds } = experiment;
  if (objective.meta?.domain || !bounds) return undefined;
  if (objective.dim === 1) return bounds[0];
  if (objective.dim === 2) return [bounds[0], bounds[1]];
  return undefined;
}

/** Writes the pictures and index.html into outDir. */
export const writeRunReport: RunReportWriter = async (results, outDir, experiment) => {
  const slug = folderName(results.name);
  const box = boxOf(experiment);
  const table = resultsTable(results);
  const several = manyStarts(results);
  const sections: ReportSection[] = [];
  if (several) sections.push({ title: 'Results', table });
  for (let s = 0; s < experiment.starts.length; s++) {
    const runs = results.runs.filter((r) => r.startIndex === s);
    if (runs.length === 0) continue;
    const figures = await runFigures(experiment.objective, vizRuns(runs), { prefix: several ? `${slug}-start-${s + 1}` : slug, ...(box ? { box } : {}) });
    sections.push({
      title: several ? `From start ${s + 1}: ${point(experiment.starts[s])}` : `From ${point(experiment.starts[s])}`,
      figures,
      ...(several ? {} : { table }),
    });
  }
  const index = await writeReport(outDir, {
    title: results.name,
    intro: [results.description, `${resultsHeading(results)}; ${experiment.starts.length} start${experiment.starts.length === 1 ? '' : 's'} × ${experiment.optimizers.length} optimizer${experiment.optimizers.length === 1 ? '' : 's'}.`]
      .filter((p) => p !== undefined)
      .join('\n\n'),
    sections,
    config: experimentConfig(experiment),
  });
  const figures = sections.flatMap((section) => section.figures ?? []);
  return {
    index,
    figures: figures.length,
    files: [...figures.flatMap((f) => [f.file, ...(f.twins ?? []).map((t) => t.file)]), 'index.html'],
  };
};
