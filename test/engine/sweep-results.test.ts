/** The journal (results.jsonl: append, read back, a cut-short last line, damage) and the final JSON and CSV. */
import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DescentError } from '../../src/core/errors.js';
import { parseSweepText } from '../../src/engine/sweep-schema.js';
import { planSweep, runTask, type RunOutcome } from '../../src/engine/sweep.js';
import { SweepJournal, sweepResults, sweepResultsToCsv, sweepResultsToJson, sweepRunsToCsv } from '../../src/engine/sweep-results.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'descent-journal-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const outcome = (finalValue: number, status: RunOutcome['status'] = 'max-steps'): RunOutcome => ({
  status,
  stoppedAt: 10,
  finalValue,
  finalPoint: [1, NaN],
  distanceToMinimum: null,
  evaluations: 11,
  timeMs: 0.5,
});

describe('SweepJournal', () => {
  it('appends one line per run and reads them back, non-finite numbers included', () => {
    const path = join(dir, 'results.jsonl');
    const journal = new SweepJournal(path);
    journal.append('a', outcome(1));
    journal.append('b', outcome(Infinity, 'diverged'));
    journal.close();
    expect(readFileSync(path, 'utf8').split('\n')).toHaveLength(3);
    const again = new SweepJournal(path);
    expect([...again.done.keys()]).toEqual(['a', 'b']);
    expect(again.done.get('b')).toEqual(outcome(Infinity, 'diverged'));
    expect(again.truncated).toBe(false);
    again.close();
  });

  it('drops a last line cut short by a kill, cuts it from the file, and appends after the last whole line', () => {
    const path = join(dir, 'results.jsonl');
    const journal = new SweepJournal(path);
    journal.append('a', outcome(1));
    journal.close();
    appendFileSync(path, '{"key":"b","status":"max-st');
    const again = new SweepJournal(path);
    expect(again.truncated).toBe(true);
    expect([...again.done.keys()]).toEqual(['a']);
    again.append('b', outcome(2));
    again.close();
    const lines = readFileSync(path, 'utf8').trimEnd().split('\n');
    expect(lines.map((l) => JSON.parse(l).key)).toEqual(['a', 'b']);
  });

  it('refuses a damaged line in the middle, naming the file and line', () => {
    const path = join(dir, 'results.jsonl');
    const good = (key: string) => JSON.stringify({ key, ...outcome(1), finalPoint: [1, 2] });
    writeFileSync(path, `${good('a')}\nnot json\n${good('b')}\n`);
    expect(() => new SweepJournal(path)).toThrow(DescentError);
    expect(() => new SweepJournal(path)).toThrow(`sweep: ${path}:2: not a line of JSON; the journal is damaged (start over with --fresh)`);
    writeFileSync(path, `${good('a')}\n${JSON.stringify({ ...outcome(1), finalPoint: [1, 2] })}\n`);
    expect(() => new SweepJournal(path)).toThrow(`${path}:2: the line has no key`);
  });

  it('fresh: starts over', () => {
    const path = join(dir, 'results.jsonl');
    const journal = new SweepJournal(path);
    journal.append('a', outcome(1));
    journal.close();
    const fresh = new SweepJournal(path, { fresh: true });
    expect(fresh.done.size).toBe(0);
    fresh.close();
    expect(readFileSync(path, 'utf8')).toBe('');
  });
});

describe('sweep results', () => {
  it('JSON: ranking, runs in plan order, times apart; CSV: one row per configuration, best first, and per run', () => {
    const plan = planSweep(parseSweepText('name: t\nfunction: rosenbrock\nstart: [-1.5, 2]\nsteps: 200\noptimizers:\n  - { name: sgd, grid: { lr: [0.0001, 0.001, 0.1] } }'));
    const outcomes = new Map(plan.runs.map((r) => [r.key, runTask(r.task)]));
    const results = sweepResults(plan, outcomes);
    expect(results.ranking.map((r) => r.label)).toEqual(['SGD lr=0.001', 'SGD lr=0.0001', 'SGD lr=0.1']);
    expect(results.ranking[2].standing).toBe('diverged');
    expect(results.runs.map((r) => r.label)).toEqual(['SGD lr=0.0001', 'SGD lr=0.001', 'SGD lr=0.1']);
    expect(results.runs[0]).not.toHaveProperty('timeMs');
    expect(results.timing.runMs).toHaveLength(3);
    const json = JSON.parse(sweepResultsToJson(results));
    expect(json.ranking[0].label).toBe('SGD lr=0.001');
    expect(json.config).toMatchObject({ name: 't', seeds: [0], metric: 'final-value' });
    const csv = sweepResultsToCsv(results).trimEnd().split('\n');
    expect(csv[0]).toBe('rank,tied,label,optimizer,options,params,standing,runs,converged,diverged,metric,metric_median,metric_min,metric_max,final_value_median,steps_median');
    expect(csv[1]).toMatch(/^1,false,SGD lr=0\.001,SGD,"\{""lr"":0\.001\}","\{""lr"":0\.001\}",ok,1,0,0,final-value,/);
    expect(csv[3]).toMatch(/^3,false,SGD lr=0\.1,SGD,.*,diverged,1,0,1,final-value,,,,,\d+$/);
    const runs = sweepRunsToCsv(results).trimEnd().split('\n');
    expect(runs).toHaveLength(4);
    expect(runs[0]).toBe('run,key,configuration,label,seed,start,status,steps,final_value,final_point,distance_to_minimum,evaluations');
  });
});
