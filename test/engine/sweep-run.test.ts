/**
 * runSweep on worker threads, from the TypeScript sources (the pool starts its threads through ts-worker.mjs and
 * tsx): the same results whatever the number of workers, stopping and resuming without recomputing, equal runs
 * computed once, and a user's error inside a run reported as one.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DescentError } from '../../src/core/errors.js';
import { runSweep } from '../../src/engine/run-sweep.js';
import { sweepResultsToJson, type SweepResults } from '../../src/engine/sweep-results.js';
import { parseSweepText } from '../../src/engine/sweep-schema.js';

const dir = mkdtempSync(join(tmpdir(), 'descent-sweep-run-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// 2 configurations × 8 draws + 6 × 2 starts × 2 seeds… : 60 short runs, some diverging.
const sweep = parseSweepText(`
name: mixed
function: rosenbrock
starts: { random: 2 }
seeds: [0, 1]
steps: 150
tol: 1e-10
optimizers:
  - name: sgd
    grid: { lr: { log: [1e-4, 1e-2], num: 5 }, momentum: [0, 0.9] }
  - name: adam
    random: { samples: 5, seed: 3, lr: { log: [1e-3, 1] } }
`);

/** The results without the measured times: what must be the same bits every time. */
const withoutTiming = (results: SweepResults | undefined) => {
  const { timing: _timing, ...rest } = JSON.parse(sweepResultsToJson(results!)) as SweepResults;
  return JSON.stringify(rest);
};

describe('runSweep', () => {
  let reference: string;

  it('gives byte-identical results with 1 and 2 workers', async () => {
    const one = await runSweep(sweep, { workers: 1 });
    const two = await runSweep(sweep, { workers: 2 });
    expect(one.total).toBe(60);
    expect(one.computed).toBe(60);
    reference = withoutTiming(one.results);
    expect(withoutTiming(two.results)).toBe(reference);
    expect(one.results!.ranking.some((c) => c.standing === 'diverged')).toBe(true);
    expect(one.results!.ranking.some((c) => c.standing === 'ok')).toBe(true);
  });

  it('stops on the signal with the runs in progress written, and resumes without recomputing them', async () => {
    const journal = join(dir, 'stop.jsonl');
    const controller = new AbortController();
    const first = await runSweep(sweep, {
      workers: 2,
      journal,
      signal: controller.signal,
      // Stopped at the first run finished: the batches then in flight (one run each, before any run was timed) finish.
      onRun: () => controller.abort(),
    });
    expect(first.interrupted).toBe(true);
    expect(first.results).toBeUndefined();
    const kept = readFileSync(journal, 'utf8').trimEnd().split('\n');
    expect(kept.length).toBeGreaterThanOrEqual(1);
    expect(kept.length).toBeLessThanOrEqual(4);
    expect(first.done).toBe(kept.length);

    let started: { done: number; total: number; toCompute: number } | undefined;
    const second = await runSweep(sweep, { workers: 2, journal, onStart: (info) => (started = info) });
    expect(started).toMatchObject({ done: kept.length, total: 60, toCompute: 60 - kept.length });
    expect(second.resumed).toBe(kept.length);
    expect(second.computed).toBe(60 - kept.length);
    expect(withoutTiming(second.results)).toBe(reference);
    // Appended after the kept lines, each run once.
    const all = readFileSync(journal, 'utf8').trimEnd().split('\n');
    expect(all.slice(0, kept.length)).toEqual(kept);
    expect(new Set(all.map((l) => JSON.parse(l).key)).size).toBe(60);

    const third = await runSweep(sweep, { workers: 1, journal });
    expect(third.computed).toBe(0);
    expect(withoutTiming(third.results)).toBe(reference);
  });

  it('computes runs with equal keys once', async () => {
    const twice = parseSweepText('function: rosenbrock\nstart: [-1.5, 2]\nsteps: 50\noptimizers:\n  - { name: adam, grid: { lr: [0.01, 0.1] } }\n  - { name: adam, lr: 0.1 }');
    const r = await runSweep(twice, { workers: 2 });
    expect(r.total).toBe(3);
    expect(r.computed).toBe(2);
    expect(r.results!.ranking.filter((c) => c.tied).map((c) => c.label)).toEqual(['Adam lr=0.1', 'Adam lr=0.1 #2']);
  });

  it('reports a combination of options that no single value shows wrong as the user’s error', async () => {
    const bad = parseSweepText('function: rosenbrock\nsteps: 10\noptimizers:\n  - { name: sgd, momentum: 0.9, grid: { nesterov: [true], dampening: [0, 0.5] } }');
    const error = await runSweep(bad, { workers: 1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DescentError);
    expect((error as Error).message).toBe('SGD: nesterov needs momentum > 0 and dampening 0, got momentum 0.9 and dampening 0.5 (in SGD momentum=0.9 nesterov dampening=0.5)');
  });

  it('refuses a bad number of workers', async () => {
    await expect(runSweep(sweep, { workers: 0 })).rejects.toThrow('pool: workers must be an integer >= 1, got 0');
    await expect(runSweep(sweep, { workers: 1.5 })).rejects.toThrow('pool: workers must be an integer >= 1, got 1.5');
  });
});
