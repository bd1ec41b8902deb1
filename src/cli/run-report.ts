/**
 * The hook for what `descent run` writes beyond results.json and results.csv: pictures (contours with the
 * trajectories, loss curves, learning-rate curves) and the HTML report, once the viz layer provides them.
 * It receives the results and the output folder (and the experiment, whose objective a contour plot evaluates),
 * writes its files there, and returns their names (relative to the folder), which the command lists after the
 * results. Today it writes nothing.
 */
import type { Experiment } from '../engine/experiment.js';
import type { ExperimentResults } from '../engine/run-experiment.js';

export type RunReportWriter = (results: ExperimentResults, outDir: string, experiment: Experiment) => Promise<string[]> | string[];

export const writeRunReport: RunReportWriter = () => [];
