/**
 * `descent demo`: every experiment and claim of the seeds (../shared/seeds) as one HTML report. Each section
 * (src/cli/demo/*.ts) runs its experiment on the library, draws its pictures and checks the claims its seed makes
 * on the numbers; this file runs them in order, writes the report folder and summarises the claims.
 */
import { fail } from '../core/errors.js';
import { writeReport, type Report, type ReportSection } from '../viz/report.js';
import { isSurprise, type Claim, type DemoSection } from './demo/section.js';
import { demoSections } from './demo/sections.js';
import { makeTable } from './table.js';

export interface DemoOptions {
  /** The report folder. */
  out: string;
  /** Fewer GIF frames and coarser grids; the numbers are the same. */
  quick?: boolean;
  /** Section ids to run (default: all, in order). */
  only?: readonly string[];
  /** Called before each section starts. */
  onSection?: (section: DemoSection, index: number, total: number) => void;
}

export interface DemoSectionSummary {
  id: string;
  title: string;
  seed: string;
  claims: Claim[];
  figures: string[];
  ms: number;
}

export interface DemoSummary {
  /** Path of the report's index.html. */
  index: string;
  sections: DemoSectionSummary[];
  ms: number;
}

/** The sections named by `only`, in report order; an unknown id is an error listing the known ones. */
export function selectSections(only: readonly string[] | undefined, sections: readonly DemoSection[] = demoSections): DemoSection[] {
  if (only === undefined || only.length === 0) return [...sections];
  const known = sections.map((s) => s.id);
  for (const id of only) {
    if (!known.includes(id)) fail('demo', `unknown section "${id}"; the sections are: ${known.join(', ')}`);
  }
  return sections.filter((s) => only.includes(s.id));
}

function overview(summaries: readonly DemoSectionSummary[]): ReportSection {
  const held = summaries.reduce((n, s) => n + s.claims.filter((c) => c.holds).length, 0);
  const total = summaries.reduce((n, s) => n + s.claims.length, 0);
  const refuted = total - held;
  return {
    title: 'The claims at a glance',
    text:
      `Each section below reproduces one experiment of the seeds and checks, on the numbers it computed, what the seed ` +
      `says about it. ${held} of ${total} claims hold` +
      (refuted > 0 ? `; ${refuted === 1 ? 'one does' : `${refuted} do`} not, and the section shows the numbers that refute it.` : '.'),
    table: {
      columns: ['section', 'seed', 'claims that hold'],
      rows: summaries.map((s) => [s.title, s.seed, `${s.claims.filter((c) => c.holds).length} of ${s.claims.length}`]),
    },
  };
}

/** Runs the sections and writes the report folder. */
export async function runDemo(options: DemoOptions): Promise<DemoSummary> {
  const started = performance.now();
  const chosen = selectSections(options.only);
  const ctx = { quick: options.quick ?? false };
  const built: ReportSection[] = [];
  const summaries: DemoSectionSummary[] = [];
  for (const [k, section] of chosen.entries()) {
    options.onSection?.(section, k, chosen.length);
    const t0 = performance.now();
    const { claims, ...result } = await section.build(ctx);
    const ms = performance.now() - t0;
    built.push({ ...result, findings: claims });
    summaries.push({ id: section.id, title: result.title, seed: result.seed ?? section.seed, claims, figures: (result.figures ?? []).map((f) => f.file), ms });
  }
  const report: Report = {
    title: 'descent demo: the experiments of the seeds',
    intro:
      'Every experiment of the five seed documents (lectures 4 and 6, the notebook "Advanced optimization methods", ' +
      'the notes on gradient descent and the notes on EECS 498-007 "Optimization"), run by the descent library. ' +
      'A section names the seed it comes from, shows its pictures and table, and lists the seed\'s claims, each ' +
      'checked on the numbers computed here: ✓ where it holds, ✗ where it does not.',
    sections: [overview(summaries), ...built],
    config: { sections: chosen.map((s) => s.id), quick: ctx.quick },
  };
  const index = await writeReport(options.out, report);
  return { index, sections: summaries, ms: performance.now() - started };
}

/** The seeds a section names, shortly: `notes 003, lecture 4`. */
export function seedNames(seed: string): string {
  const names = [...seed.matchAll(/\b(?:lecture|notes|notebook) \d+/g)].map((m) => m[0]);
  return names.length > 0 ? [...new Set(names)].join(', ') : seed;
}

/** The terminal summary: one row per section, then each claim with its mark. */
export function formatDemoSummary(summary: DemoSummary): string {
  const table = makeTable(['section', 'seed', 'claims', 'figures', 'time']);
  for (const s of summary.sections) {
    table.push([s.title, seedNames(s.seed), `${s.claims.filter((c) => c.holds).length}/${s.claims.length}`, String(s.figures.length), `${(s.ms / 1000).toFixed(1)} s`]);
  }
  const lines = [table.toString(), ''];
  for (const s of summary.sections) {
    for (const c of s.claims) lines.push(`${c.holds ? '✓' : '✗'} ${s.id}: ${c.claim}${c.holds ? '' : ` — does not hold: ${c.evidence}`}`);
  }
  return lines.join('\n');
}

/** The claims whose outcome is not the expected one (a regression), as `section: claim (holds|does not hold)` lines. */
export function surprisingClaims(summary: DemoSummary): string[] {
  return summary.sections.flatMap((s) => s.claims.filter(isSurprise).map((c) => `${s.id}: ${c.claim} (${c.holds ? 'now holds' : 'no longer holds'})`));
}

export interface DemoFlags {
  out?: string;
  only?: string;
  quick?: boolean;
  quiet?: boolean;
}

/**
 * The command: runs the demo, prints the summary and where the report is. Exit code 0, or 1 when some claim comes
 * out otherwise than expected (the report is written all the same and says which).
 */
export async function demoCommand(flags: DemoFlags): Promise<number> {
  const out = flags.out ?? 'descent-out/demo';
  const only = flags.only?.split(',').map((id) => id.trim()).filter((id) => id !== '');
  selectSections(only); // an unknown id fails before any work
  const showProgress = !flags.quiet && process.stderr.isTTY === true;
  const summary = await runDemo({
    out,
    quick: flags.quick ?? false,
    ...(only ? { only } : {}),
    onSection: (section, k, total) => {
      if (showProgress) process.stderr.write(`\r\x1b[K[${k + 1}/${total}] ${section.title}…`);
    },
  });
  if (showProgress) process.stderr.write('\r\x1b[K');
  if (!flags.quiet) {
    console.log(formatDemoSummary(summary));
    console.log(`\nreport: ${summary.index} (open it in a browser; ${summary.sections.length} sections, ${(summary.ms / 1000).toFixed(1)} s)`);
  }
  const surprises = surprisingClaims(summary);
  if (surprises.length > 0) {
    console.error(`descent: ${surprises.length} claim(s) came out otherwise than when the demo was written:\n${surprises.map((f) => `  ${f}`).join('\n')}`);
    return 1;
  }
  return 0;
}
