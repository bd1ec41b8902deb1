/**
 * The playground's whole state as plain data: the function, the view, the start, the racing optimizers with their
 * hyperparameters and schedules, the number of steps and the speed. It is what the URL carries (url-state.ts), what
 * the presets are made of (presets.ts) and what the panels edit; everything on screen is derived from it.
 */
import { z } from 'zod';

const optionValue = z.union([z.number(), z.boolean(), z.string(), z.null(), z.array(z.number())]);
const range = z.tuple([z.number(), z.number()]).refine(([lo, hi]) => Number.isFinite(lo) && Number.isFinite(hi) && lo < hi, 'a range needs low < high');

export const racerSchema = z.object({
  /** Optimizer registry name. */
  name: z.string().min(1),
  /** Options given explicitly; the rest keep the registry's defaults. */
  options: z.record(z.string(), optionValue),
  /** Scheduler spec `{ name, ...options }`, or absent for a constant lr. */
  schedule: z.record(z.string(), optionValue).and(z.object({ name: z.string() })).optional(),
  label: z.string().optional(),
});

export const stateSchema = z.object({
  /** A zoo name, or an expression typed in. */
  fn: z.union([z.object({ zoo: z.string() }), z.object({ expr: z.string().max(2000) })]),
  /** The box shown: [[x0, x1], [y0, y1]] for f of two variables, [[x0, x1]] for one. */
  view: z.array(range).min(1).max(2),
  start: z.array(z.number().refine(Number.isFinite, 'finite')).min(1).max(2),
  racers: z.array(racerSchema).max(8),
  steps: z.number().int().min(1).max(5000),
  /** Steps per second of the animation. */
  speed: z.number().min(1).max(1000),
});

export type RacerConfig = z.infer<typeof racerSchema>;
export type PlaygroundState = z.infer<typeof stateSchema>;
export type OptionValue = z.infer<typeof optionValue>;

/** A deep copy, so an edit never reaches a preset or the previous state. */
export function cloneState(s: PlaygroundState): PlaygroundState {
  return JSON.parse(JSON.stringify(s)) as PlaygroundState;
}
