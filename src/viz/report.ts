/**
 * The HTML report: one folder holding index.html and its pictures side by side, so it opens from disk with no
 * server, can be zipped or mailed, and needs no network (no scripts, no web fonts, plain CSS). Each section has
 * a title, the seed it comes from, text, pictures, a results table and its exact configuration as JSON; the
 * report's own configuration closes it.
 *
 * `renderReport` is pure and runs in a browser; `writeReport` writes the folder in Node (its file-system import is
 * lazy, so importing this module costs a browser nothing).
 */
import { format } from 'd3-format';

export interface ReportFigure {
  /** Path of the image relative to the report folder, e.g. `rosenbrock.png`. */
  file: string;
  /** What the picture shows, for screen readers and broken images. */
  alt: string;
  caption?: string;
  /** The file's content; when given, writeReport writes it to `file`. */
  data?: string | Uint8Array;
  /** Other files of the same picture (the SVG of a PNG): written beside it and linked under it. */
  twins?: ReadonlyArray<{ file: string; data?: string | Uint8Array }>;
}

export type Cell = string | number | boolean | null | undefined;

export interface ReportTable {
  columns: readonly string[];
  rows: ReadonlyArray<readonly Cell[]>;
}

export interface ReportSection {
  title: string;
  /** The seed the section reproduces, e.g. `notebook 002: Adagrad`. */
  seed?: string;
  /** Plain text; blank lines separate paragraphs. */
  text?: string;
  figures?: readonly ReportFigure[];
  table?: ReportTable;
  /** The exact configuration of the section's runs, shown as JSON. */
  config?: unknown;
  /** Statements checked on the section's numbers, each shown with a mark (holds or not) and its evidence. */
  findings?: readonly ReportFinding[];
}

export interface ReportFinding {
  claim: string;
  holds: boolean;
  evidence: string;
}

export interface Report {
  title: string;
  /** Plain text under the title. */
  intro?: string;
  sections: readonly ReportSection[];
  /** The configuration of the whole report, shown as JSON at its end. */
  config?: unknown;
}

const number = format('.6~g');

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A table cell: numbers to 6 significant digits, non-finite numbers spelled out. */
export function formatCell(v: Cell): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') {
    if (Number.isNaN(v)) return 'NaN';
    if (!Number.isFinite(v)) return v > 0 ? '∞' : '−∞';
    return Number.isInteger(v) && Math.abs(v) < 1e15 ? String(v) : number(v);
  }
  return String(v);
}

/** JSON that keeps NaN and ±Infinity (plain JSON would write them as null). */
export function configJson(config: unknown): string {
  return JSON.stringify(config, (_, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v), 2) ?? 'undefined';
}

function paragraphs(text: string | undefined): string {
  if (!text) return '';
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '')
    .map((p) => `<p>${esc(p)}</p>`)
    .join('\n');
}

function table(t: ReportTable): string {
  const numeric = t.columns.map((_, c) => t.rows.length > 0 && t.rows.every((row) => typeof row[c] === 'number' || row[c] == null));
  const head = t.columns.map((name, c) => `<th${numeric[c] ? ' class="num"' : ''}>${esc(name)}</th>`).join('');
  const body = t.rows
    .map((row) => `<tr>${t.columns.map((_, c) => `<td${numeric[c] ? ' class="num"' : ''}>${esc(formatCell(row[c]))}</td>`).join('')}</tr>`)
    .join('\n');
  return `<table>\n<thead><tr>${head}</tr></thead>\n<tbody>\n${body}\n</tbody>\n</table>`;
}

function figure(f: ReportFigure): string {
  const twins = (f.twins ?? []).map((t) => ` <a href="${esc(encodeURI(t.file))}">${esc(t.file.split('.').pop()?.toUpperCase() ?? t.file)}</a>`).join('');
  const caption = f.caption || twins ? `<figcaption>${esc(f.caption ?? '')}${twins}</figcaption>` : '';
  return `<figure><img src="${esc(encodeURI(f.file))}" alt="${esc(f.alt)}">${caption}</figure>`;
}

function findings(list: readonly ReportFinding[]): string {
  const item = (f: ReportFinding) =>
    `<li class="${f.holds ? 'holds' : 'fails'}"><span class="mark">${f.holds ? '✓' : '✗ does not hold:'}</span> ${esc(f.claim)}<br><span class="evidence">${esc(f.evidence)}</span></li>`;
  return `<ul class="findings">\n${list.map(item).join('\n')}\n</ul>`;
}

function config(c: unknown, heading: string): string {
  if (c === undefined) return '';
  return `<details><summary>${esc(heading)}</summary><pre>${esc(configJson(c))}</pre></details>`;
}

function section(s: ReportSection, k: number): string {
  return [
    `<section id="section-${k + 1}">`,
    `<h2>${esc(s.title)}</h2>`,
    s.seed ? `<p class="seed">From the seed: ${esc(s.seed)}</p>` : '',
    paragraphs(s.text),
    s.findings && s.findings.length > 0 ? findings(s.findings) : '',
    ...(s.figures ?? []).map(figure),
    s.table ? table(s.table) : '',
    config(s.config, 'Configuration (JSON)'),
    '</section>',
  ]
    .filter((line) => line !== '')
    .join('\n');
}

const CSS = `
body { font: 16px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: #222; background: #fff; max-width: 980px; margin: 0 auto; padding: 24px; }
h1 { font-size: 1.8em; margin-bottom: 0.2em; }
h2 { border-bottom: 1px solid #ddd; padding-bottom: 0.2em; margin-top: 2em; }
nav ol { columns: 2; }
.seed { color: #666; font-style: italic; margin-top: -0.5em; }
figure { margin: 1em 0; }
figure img { max-width: 100%; height: auto; border: 1px solid #eee; }
figcaption { color: #555; font-size: 0.9em; }
table { border-collapse: collapse; margin: 1em 0; font-size: 0.9em; display: block; max-width: 100%; overflow-x: auto; }
th, td { border: 1px solid #ddd; padding: 4px 8px; text-align: left; }
th { background: #f5f5f5; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
tbody tr:nth-child(even) { background: #fafafa; }
.findings { list-style: none; padding-left: 0; }
.findings li { margin: 0.4em 0; padding: 4px 8px; border-left: 4px solid #2a9d4b; background: #f4fbf6; }
.findings li.fails { border-left-color: #c0392b; background: #fdf2f1; }
.findings .mark { font-weight: bold; }
.findings .evidence { color: #555; font-size: 0.9em; }
pre { background: #f7f7f7; padding: 12px; overflow-x: auto; font-size: 0.85em; }
details { margin: 1em 0; }
summary { cursor: pointer; color: #444; }
`.trim();

/** The report as one HTML document (pictures referenced by their relative paths). */
export function renderReport(report: Report): string {
  const nav = report.sections.length > 1 ? `<nav><ol>\n${report.sections.map((s, k) => `<li><a href="#section-${k + 1}">${esc(s.title)}</a></li>`).join('\n')}\n</ol></nav>` : '';
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${esc(report.title)}</title>`,
    `<style>\n${CSS}\n</style>`,
    '</head>',
    '<body>',
    `<h1>${esc(report.title)}</h1>`,
    paragraphs(report.intro),
    nav,
    ...report.sections.map(section),
    report.config === undefined ? '' : `<section id="configuration">\n<h2>Configuration</h2>\n<pre>${esc(configJson(report.config))}</pre>\n</section>`,
    '</body>',
    '</html>',
    '',
  ]
    .filter((line, k, all) => line !== '' || k === all.length - 1)
    .join('\n');
}

function checkFile(file: string): void {
  if (file === '' || file.startsWith('/') || file.includes('\\') || /^[a-z]+:/i.test(file) || file.split('/').includes('..')) {
    throw new Error(`report: a figure's file must be a relative path inside the report folder, got ${JSON.stringify(file)}`);
  }
}

/**
 * Writes the report folder: the figures that carry `data`, then index.html. Returns the path of index.html.
 * Figures without data must already be in the folder (the caller wrote them).
 */
export async function writeReport(dir: string, report: Report): Promise<string> {
  const fsName = 'node:fs/promises';
  const pathName = 'node:path';
  const fs = (await import(fsName)) as typeof import('node:fs/promises');
  const path = (await import(pathName)) as typeof import('node:path');
  const figures = report.sections.flatMap((s) => (s.figures ?? []).flatMap((f) => [f, ...(f.twins ?? [])]));
  figures.forEach((f) => checkFile(f.file));
  await fs.mkdir(dir, { recursive: true });
  for (const f of figures) {
    if (f.data === undefined) continue;
    const target = path.join(dir, f.file);
    await fs.mkdir(path.dirname(target), { recursive: true });
    await fs.writeFile(target, f.data);
  }
  const index = path.join(dir, 'index.html');
  await fs.writeFile(index, renderReport(report));
  return index;
}
