/**
 * Parity with torch.optim.lr_scheduler 1.13, step by step.
 *
 * test/fixtures/schedule/generate.py ran every case in real PyTorch: an optimizer (SGD with momentum or Adam, one
 * or two param groups) over parameters with zero gradients, one scheduler, and `steps` iterations of
 * optimizer.step(); scheduler.step() (ReduceLROnPlateau: step(metric) with the recorded metric). It recorded each
 * group's lr and momentum (SGD's momentum, Adam's β₁) after construction and after every scheduler step.
 * Here each case rebuilds the optimizer through the registry and the scheduler through createScheduler (recorded
 * lambdas become functions), replays the steps and compares every value:
 *   |ts − torch| <= 1e-12 · max(|torch|, 1e-300).
 * A scheduler that does not exist yet fails its cases (createScheduler throws); nothing is skipped.
 * Set PARITY_REPORT=1 to print the worst relative error per scheduler.
 */
import { existsSync, readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import type { SchedulerSpec } from '../../src/schedule/registry.js';
import { build, lrs, momenta, stepScheduler, type OptimizerSpec } from './replay.js';

interface ParityCase {
  /** Top-level scheduler name (the spec's name). */
  scheduler: string;
  name: string;
  optimizer: OptimizerSpec;
  /** The scheduler in its JSON form, lambdas as data. */
  spec: SchedulerSpec;
  steps: number;
  /** ReduceLROnPlateau only: the metric fed at each step. */
  metrics?: number[];
  /** steps + 1 entries, one value per group: after construction, then after each scheduler step. */
  lr: number[][];
  /** Same shape: each group's momentum (SGD) or β₁ (Adam). */
  momentum: number[][];
}

interface Fixture {
  torch: string;
  cases: ParityCase[];
}

const FIXTURE = new URL('../fixtures/schedule/parity.json', import.meta.url);
const RELATIVE = 1e-12;
const TINY = 1e-300;
/** Every scheduler of torch 1.13; a fixture without one of them is stale. */
const SCHEDULERS = [
  'StepLR',
  'MultiStepLR',
  'ExponentialLR',
  'CosineAnnealingLR',
  'CosineAnnealingWarmRestarts',
  'LinearLR',
  'ConstantLR',
  'PolynomialLR',
  'OneCycleLR',
  'CyclicLR',
  'LambdaLR',
  'MultiplicativeLR',
  'SequentialLR',
  'ChainedScheduler',
  'ReduceLROnPlateau',
];
/** Cases that generate.py writes today; fewer means a truncated or stale fixture. */
const MIN_CASES = 57;
const MIN_STEPS = 60;

/** Modes that must each have a case (the spec holds the option, or a child spec does). */
const COVERAGE: Array<[string, (spec: SchedulerSpec) => boolean]> = [
  ['CosineAnnealingLR with etaMin', (s) => s.name === 'CosineAnnealingLR' && Number(s.etaMin) > 0],
  ['CosineAnnealingWarmRestarts tMult 1', (s) => s.name === 'CosineAnnealingWarmRestarts' && s.tMult === 1],
  ['CosineAnnealingWarmRestarts tMult 2', (s) => s.name === 'CosineAnnealingWarmRestarts' && s.tMult === 2],
  ['OneCycleLR cos', (s) => s.name === 'OneCycleLR' && (s.annealStrategy ?? 'cos') === 'cos'],
  ['OneCycleLR linear', (s) => s.name === 'OneCycleLR' && s.annealStrategy === 'linear'],
  ['OneCycleLR threePhase', (s) => s.name === 'OneCycleLR' && s.threePhase === true],
  ['OneCycleLR epochs x stepsPerEpoch', (s) => s.name === 'OneCycleLR' && s.epochs !== undefined && s.totalSteps === undefined],
  ['OneCycleLR without cycleMomentum', (s) => s.name === 'OneCycleLR' && s.cycleMomentum === false],
  ['CyclicLR triangular', (s) => s.name === 'CyclicLR' && (s.mode ?? 'triangular') === 'triangular'],
  ['CyclicLR triangular2', (s) => s.name === 'CyclicLR' && s.mode === 'triangular2'],
  ['CyclicLR exp_range', (s) => s.name === 'CyclicLR' && s.mode === 'exp_range'],
  ['CyclicLR stepSizeDown', (s) => s.name === 'CyclicLR' && s.stepSizeDown !== undefined],
  ['SequentialLR with 3 children', (s) => s.name === 'SequentialLR' && Array.isArray(s.schedulers) && s.schedulers.length === 3],
  ['ReduceLROnPlateau max', (s) => s.name === 'ReduceLROnPlateau' && s.mode === 'max'],
  ['ReduceLROnPlateau abs', (s) => s.name === 'ReduceLROnPlateau' && s.thresholdMode === 'abs'],
  ['ReduceLROnPlateau cooldown', (s) => s.name === 'ReduceLROnPlateau' && Number(s.cooldown) > 0],
  ['ReduceLROnPlateau minLr', (s) => s.name === 'ReduceLROnPlateau' && s.minLr !== undefined],
];

const fixture: Fixture | null = existsSync(FIXTURE) ? (JSON.parse(readFileSync(FIXTURE, 'utf8')) as Fixture) : null;
const allCases = fixture?.cases ?? [];

/** The worst relative error seen per scheduler (for PARITY_REPORT). */
const worst = new Map<string, { error: number; where: string }>();

interface Mismatch {
  step: number;
  group: number;
  what: string;
  got: number;
  torch: number;
}

function relativeError(got: number, want: number): number {
  if (Object.is(got, want)) return 0;
  return Math.abs(got - want) / Math.max(Math.abs(want), TINY);
}

function replay(c: ParityCase): void {
  const where = `${c.scheduler} › ${c.name}`;
  expect(c.steps, `${where}: steps`).toBeGreaterThanOrEqual(MIN_STEPS);
  expect(c.lr, `${where}: recorded lrs`).toHaveLength(c.steps + 1);
  expect(c.momentum, `${where}: recorded momenta`).toHaveLength(c.steps + 1);
  if (c.metrics !== undefined) expect(c.metrics, `${where}: metrics`).toHaveLength(c.steps);

  const { optimizer, scheduler } = build(c.optimizer, c.spec);
  const mismatches: Mismatch[] = [];
  let largest = 0;
  let compared = 0;

  const check = (step: number, what: string, got: readonly number[], want: readonly number[]) => {
    expect(got.length, `${where} step ${step}: number of groups in ${what}`).toBe(want.length);
    want.forEach((w, g) => {
      const error = relativeError(got[g], w);
      compared += 1;
      if (!(error <= RELATIVE)) mismatches.push({ step, group: g, what, got: got[g], torch: w });
      else largest = Math.max(largest, error);
    });
  };

  check(0, 'lr', lrs(optimizer), c.lr[0]);
  check(0, 'momentum', momenta(optimizer), c.momentum[0]);
  for (let t = 0; t < c.steps; t++) {
    optimizer.step();
    stepScheduler(scheduler, c.metrics?.[t]);
    const now = lrs(optimizer);
    check(t + 1, 'lr', now, c.lr[t + 1]);
    check(t + 1, 'momentum', momenta(optimizer), c.momentum[t + 1]);
    // get_last_lr() is what the last step set.
    const last = scheduler.getLastLr();
    now.forEach((lr, g) => {
      if (!Object.is(last[g], lr)) mismatches.push({ step: t + 1, group: g, what: 'getLastLr() vs group lr', got: last[g], torch: lr });
    });
    if (mismatches.length >= 50) break;
  }
  // Zero gradients: the parameters never move, so nothing but the scheduler could have changed the lr.
  for (const group of optimizer.paramGroups) for (const p of group.params) expect([...p.data].every((x) => x === 0), `${where}: parameters moved`).toBe(true);

  if (mismatches.length > 0) {
    const lines = mismatches
      .slice(0, 8)
      .map((m) => `  step ${m.step}, group ${m.group}, ${m.what}: got ${m.got}, torch ${m.torch} (relative error ${relativeError(m.got, m.torch).toExponential(3)})`);
    expect.fail(`${where}: ${mismatches.length}${mismatches.length >= 50 ? '+' : ''} values differ from torch beyond ${RELATIVE} relative; first:\n${lines.join('\n')}`);
  }
  expect(compared).toBeGreaterThan(2 * c.steps);
  const previous = worst.get(c.scheduler);
  if (previous === undefined || largest > previous.error) worst.set(c.scheduler, { error: largest, where: c.name });
}

/** Every spec in a case, children included. */
function specsOf(spec: SchedulerSpec): SchedulerSpec[] {
  const children = Array.isArray(spec.schedulers) ? (spec.schedulers as SchedulerSpec[]).flatMap(specsOf) : [];
  return [spec, ...children];
}

describe('the scheduler parity fixture', () => {
  it('exists, was written by torch 1.13, and covers every scheduler and mode', () => {
    expect(fixture, `missing ${FIXTURE.pathname}: run /usr/bin/python3 test/fixtures/schedule/generate.py`).not.toBeNull();
    expect(fixture!.torch).toMatch(/^1\.13/);
    expect(allCases.length, 'cases in the fixture').toBeGreaterThanOrEqual(MIN_CASES);
    const unknown = allCases.filter((c) => !SCHEDULERS.includes(c.scheduler)).map((c) => c.scheduler);
    expect(unknown, 'cases of schedulers this suite does not know').toEqual([]);
    for (const name of SCHEDULERS) expect(allCases.some((c) => c.scheduler === name), `a case for ${name}`).toBe(true);
    const keys = allCases.map((c) => `${c.scheduler} › ${c.name}`);
    expect(new Set(keys).size, 'case names are unique').toBe(keys.length);
    const specs = allCases.flatMap((c) => specsOf(c.spec));
    for (const [mode, has] of COVERAGE) expect(specs.some(has), `a case for ${mode}`).toBe(true);
    expect(allCases.some((c) => c.optimizer.groups !== null), 'cases with two param groups').toBe(true);
    expect(allCases.some((c) => c.optimizer.name === 'Adam' && c.scheduler === 'OneCycleLR' && c.spec.cycleMomentum !== false), 'OneCycleLR cycling Adam β₁').toBe(true);
  });
});

// A scheduler without cases gets no suite here; the fixture test above fails for it instead.
for (const name of SCHEDULERS) {
  const cases = allCases.filter((c) => c.scheduler === name);
  if (cases.length === 0) continue;
  describe(`${name} follows torch 1.13 step by step`, () => {
    for (const c of cases) it(c.name, () => replay(c));
  });
}

afterAll(() => {
  if (!process.env.PARITY_REPORT) return;
  const rows = [...worst.entries()].sort(([a], [b]) => a.localeCompare(b));
  console.log(rows.map(([key, { error, where }]) => `${key.padEnd(28)} ${error.toExponential(2)}  (${where})`).join('\n'));
});
