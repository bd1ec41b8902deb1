/**
 * The data summary as lines a person reads (for the command line and reports): what was read, what was dropped
 * or imputed column by column, the classes, the features, the splits and the scaling.
 */
import type { DataSummary } from './prepare.js';

export function formatSummary(summary: DataSummary): string[] {
  const lines: string[] = [];
  const { rows, target } = summary;
  lines.push(`${summary.name}: ${rows.read} rows read from ${summary.source}, ${rows.used} used, ${rows.dropped} dropped`);
  lines.push(`target ${target.name} (${target.task}${target.classes ? `, ${target.classes.length} classes` : ''})`);
  for (const m of summary.missing) {
    if (m.missing === 0) continue;
    if (m.action === 'dropped') lines.push(`  ${m.column}: ${m.missing} missing, rows dropped`);
    else lines.push(`  ${m.column}: ${m.missing} missing, ${m.imputed ?? 0} imputed with the training ${m.method} ${typeof m.value === 'number' ? Number(m.value.toPrecision(6)) : JSON.stringify(m.value)}`);
  }
  if (summary.classCounts) {
    lines.push(`classes: ${Object.entries(summary.classCounts).map(([c, n]) => `${c} ${n}`).join(', ')}`);
  }
  lines.push(`features (${summary.featureNames.length}): ${summary.featureNames.join(', ')}`);
  const { train, validation, test } = summary.splits;
  lines.push(`split (seed ${summary.seed}): train ${train}, validation ${validation}, test ${test}; scale ${summary.scale} (fitted on train); ${summary.dtype}`);
  return lines;
}
