/**
 * The loss chart (log scale, f − f* where f* is known) and the learning-rate chart, drawn by the library's
 * lossCurves and lrCurves on the runs cut at the step the race shows, and the per-run readout (step, value,
 * gradient norm, status). Redrawing an SVG chart costs about a millisecond, so the page does it whenever the
 * shown step changes, at most every other frame.
 */
import { lossCurves, lrCurves, type Objective, type Run } from './lib.js';
import { phaseOf, type RaceRun } from './race.js';

const CHART = { width: 520, height: 260 };

function cut(run: RaceRun, step: number): Run | null {
  const t = run.trace;
  if (!t) return null;
  const n = Math.min(step, t.points.length - 1) + 1;
  const done = n === t.points.length;
  return {
    label: run.label,
    colour: run.colour,
    // The status shows (a cross, "diverged at step k") only once the race has reached it.
    trace: { points: t.points.slice(0, n), values: t.values.slice(0, n), ...(done ? { status: t.status, stoppedAt: t.stoppedAt } : {}) },
  };
}

/** The smallest known minimum value, as f* for the loss chart. */
function reference(objective: Objective): number | undefined {
  const minima = objective.meta?.minima;
  return minima && minima.length ? Math.min(...minima.map((m) => m.value)) : undefined;
}

export function drawCharts(loss: HTMLElement, lr: HTMLElement, objective: Objective, runs: readonly RaceRun[], step: number): void {
  const shown = runs.map((r) => cut(r, step)).filter((r): r is Run => r !== null);
  const ref = reference(objective);
  loss.innerHTML = lossCurves(shown, { ...CHART, id: 'loss', title: 'Loss per iteration', ...(ref === undefined ? {} : { reference: ref }) });
  const curves = runs
    .filter((r) => r.trace && r.trace.lrs.length > 0)
    .map((r) => ({ label: r.label, colour: r.colour, lrs: (r.trace as NonNullable<RaceRun['trace']>).lrs.slice(0, Math.max(1, step)) }));
  lr.innerHTML = lrCurves(curves, { ...CHART, id: 'lr', title: 'Learning rate per step' });
}

function fmt(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  return Math.abs(v) >= 1e4 || (v !== 0 && Math.abs(v) < 1e-3) ? v.toExponential(3) : v.toPrecision(5);
}

/** The readout table: one row per run. */
export function drawReadout(table: HTMLTableSectionElement, runs: readonly RaceRun[], step: number, started: boolean): void {
  const rows = runs.map((run, i) => {
    const tr = document.createElement('tr');
    tr.dataset.testid = `readout-${i}`;
    const phase = phaseOf(run, step, started);
    const t = run.trace;
    const k = t ? Math.min(step, t.points.length - 1) : 0;
    const cells = [
      `<span class="swatch" style="background:${run.colour}"></span>${escapeHtml(run.label)}`,
      t ? String(k) : '–',
      t ? fmt(t.values[k]) : '–',
      t ? fmt(t.gradNorms[k]) : '–',
    ];
    tr.innerHTML = cells.map((c) => `<td>${c}</td>`).join('');
    const status = document.createElement('td');
    status.dataset.testid = `readout-${i}-status`;
    status.className = `status status-${phase.kind}`;
    status.textContent = phase.kind === 'error' ? `error: ${phase.message}` : phase.kind === 'finished' ? phase.text : phase.kind;
    if (phase.kind === 'finished' && phase.text.startsWith('diverged')) status.classList.add('status-diverged');
    tr.append(status);
    return tr;
  });
  table.replaceChildren(...rows);
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] as string);
}
