/**
 * `descent schedules [name]` lists the schedulers (or one scheduler's options), and
 * `descent schedule NAME --lr 0.1 --steps 30 [--option value …]` prints the learning-rate curve as a table.
 */
import { fail } from '../core/errors.js';
import { getScheduler, schedulers } from '../schedule/registry.js';
import { lrAt } from '../schedule/lr-at.js';
import { formatEntryList, formatEntryOptions } from './registry-help.js';
import { parseSchemaFlags } from './schema-flags.js';
import { makeTable } from './table.js';

export function formatScheduleList(): string {
  return formatEntryList(schedulers);
}

export function formatScheduleHelp(name: string): string {
  return formatEntryOptions(getScheduler(name));
}

export interface CurveRequest {
  name: string;
  lr: number;
  steps: number;
  /** The scheduler's own flags, e.g. ['--step-size', '5']. */
  flags: readonly string[];
  metrics?: number[];
}

export function scheduleCurve(request: CurveRequest): { name: string; options: Record<string, unknown>; lrs: number[] } {
  const entry = getScheduler(request.name);
  if (entry.children) fail(entry.name, 'is built from other schedulers; describe it in an experiment file instead');
  const options = parseSchemaFlags(entry.name, entry.schema, request.flags);
  const lrs = lrAt({ name: entry.name, ...options }, request.lr, request.steps, { metrics: request.metrics });
  return { name: entry.name, options, lrs };
}

export function formatCurve(curve: ReturnType<typeof scheduleCurve>): string {
  const table = makeTable(['step', 'lr']);
  curve.lrs.forEach((lr, t) => table.push([String(t), String(lr)]));
  return `${curve.name} ${JSON.stringify(curve.options)}\n${table.toString()}`;
}
