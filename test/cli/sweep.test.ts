/**
 * `descent sweep`, spawned as a user runs it (the built bin in dist/; `npm test` builds first): the table and the
 * files, the same results with 1 and 2 workers, Ctrl-C and kill -9 midway then a rerun that completes the sweep
 * without recomputing the finished runs, and bad input as one line per problem with exit code 2.
 */
import { spawn } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

import { bin, descentIn } from './spawn.js';
const cwd = mkdtempSync(join(tmpdir(), 'descent-sweep-'));
afterAll(() => rmSync(cwd, { recursive: true, force: true }));

const descent = (...args: string[]) => descentIn(cwd, ...args);

function file(name: string, text: string): string {
  writeFileSync(join(cwd, name), text);
  return name;
}

const read = (path: string) => readFileSync(join(cwd, path), 'utf8');
const lines = (path: string) => (existsSync(join(cwd, path)) ? read(path).split('\n').filter((l) => l.endsWith('}')) : []);

/** results.json without the measured times. */
function results(dir: string): string {
  const { timing: _timing, ...rest } = JSON.parse(read(join(dir, 'results.json'))) as Record<string, unknown>;
  return JSON.stringify(rest);
}

const small = `
name: lr
function: rosenbrock
start: [-1.5, 2]
steps: 300
tol: 1e-12
optimizers:
  - name: sgd
    grid: { lr: { log: [1e-5, 1e-2], num: 7 }, momentum: [0, 0.9] }
  - name: adam
    grid: { lr: { log: [1e-3, 1], num: 4 } }
  - lbfgs
`;

describe('descent sweep', () => {
  it('prints the ranking and writes the results, the pictures and the report', () => {
    const r = descent('sweep', file('lr.yaml', small), '--workers', '2');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^lr: 19 configurations, 19 runs on rosenbrock \(at most 300 steps\), ranked by final value, lower is better\n/);
    const first = r.out.split('\n').find((l) => l.startsWith('│ 1 '));
    expect(first).toMatch(/│ 1 +│ LBFGS +│ [\d.e-]+ +│ \d+ +│ converged +│/);
    expect(r.out).toMatch(/configurations? diverged and rank/);
    expect(r.out).toContain('results written to descent-out/lr/ (results.json, results.csv, runs.csv, results.jsonl, sensitivity.png, heatmap-sgd.png, index.html)');
    for (const name of ['sensitivity.png', 'heatmap-sgd.png']) {
      expect(readFileSync(join(cwd, 'descent-out/lr', name)).subarray(1, 4).toString()).toBe('PNG');
    }
    const html = read('descent-out/lr/index.html');
    expect(html).toContain('<img src="sensitivity.png"');
    expect(html).toContain('<img src="heatmap-sgd.png"');
    expect(html).toContain('SGD lr=0.001 momentum=0.9');
    expect(read('descent-out/lr/results.csv').split('\n')[1]).toMatch(/^1,false,LBFGS,LBFGS,/);
    expect(lines('descent-out/lr/results.jsonl')).toHaveLength(19);
  });

  it('gives the same results with 1 and 2 workers; --json prints them', () => {
    const path = file('same.yaml', small);
    const one = descent('sweep', path, '--workers', '1', '--out', 'one', '--quiet');
    const two = descent('sweep', path, '--workers', '2', '--out', 'two', '--json');
    expect(one.code).toBe(0);
    expect(one.out + one.err).toBe('');
    expect(two.code).toBe(0);
    expect(results('one')).toBe(results('two'));
    expect(JSON.parse(two.out).ranking[0].label).toBe('LBFGS');
    // Run again: nothing left to compute, the same results.
    const again = descent('sweep', path, '--workers', '2', '--out', 'two', '--verbose');
    expect(again.err).toContain('resuming: 19 of 19 runs already done (two/results.jsonl)');
    expect(again.err).toContain('19 runs: 0 computed now, 19 resumed from two/results.jsonl');
    expect(results('two')).toBe(results('one'));
    const fresh = descent('sweep', path, '--out', 'two', '--fresh', '--verbose');
    expect(fresh.err).toContain('19 runs: 19 computed now');
  });
});

describe('descent sweep, interrupted', () => {
  // 200 runs of about 5 ms each: a few seconds, time to interrupt it midway.
  const long = file(
    'long.yaml',
    `
name: long
function: { name: rosenbrock-nd, dim: 10 }
starts: { random: 4 }
seeds: [0, 1]
steps: 3000
optimizers:
  - name: adam
    grid: { lr: { log: [1e-3, 0.3], num: 25 } }
`,
  );
  let reference = '';

  /** Starts the sweep, sends `signal` once the journal holds a few runs; resolves with the exit code or signal. */
  function interrupt(out: string, signal: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null; err: string }> {
    return new Promise((resolve) => {
      const child = spawn(process.execPath, [bin, 'sweep', long, '--out', out, '--workers', '2'], { cwd });
      let err = '';
      child.stderr.on('data', (d: Buffer) => (err += d.toString()));
      const poll = setInterval(() => {
        if (lines(join(out, 'results.jsonl')).length >= 5) {
          clearInterval(poll);
          child.kill(signal);
        }
      }, 20);
      child.on('exit', (code, sig) => {
        clearInterval(poll);
        resolve({ code, signal: sig, err });
      });
    });
  }

  it('runs uninterrupted, for reference', () => {
    const r = descent('sweep', long, '--out', 'reference', '--workers', '1', '--quiet');
    expect(r.code).toBe(0);
    reference = results('reference');
    expect(JSON.parse(reference).runs).toHaveLength(200);
  });

  it('Ctrl-C stops cleanly with code 130 and says how to resume; the rerun computes only the rest', async () => {
    const stopped = await interrupt('int', 'SIGINT');
    expect(stopped.code).toBe(130);
    const kept = lines('int/results.jsonl');
    expect(kept.length).toBeGreaterThanOrEqual(5);
    expect(kept.length).toBeLessThan(200);
    // Nothing cut short: the runs in progress were finished and written.
    expect(read('int/results.jsonl').endsWith('}\n')).toBe(true);
    expect(stopped.err).toContain(`interrupted: ${kept.length} of 200 runs done, kept in int/results.jsonl; run the same command again to resume`);
    expect(existsSync(join(cwd, 'int/results.json'))).toBe(false);

    const rerun = descent('sweep', long, '--out', 'int', '--workers', '2', '--verbose');
    expect(rerun.code).toBe(0);
    expect(rerun.err).toContain(`resuming: ${kept.length} of 200 runs already done (int/results.jsonl)`);
    expect(rerun.err).toContain(`long: 200 runs, computing ${200 - kept.length} on 2 workers`);
    expect(rerun.err).toContain(`200 runs: ${200 - kept.length} computed now, ${kept.length} resumed from int/results.jsonl`);
    expect(rerun.err.split('\n').filter((l) => l.startsWith('['))).toHaveLength(200 - kept.length);
    const all = lines('int/results.jsonl');
    expect(all).toHaveLength(200);
    expect(all.slice(0, kept.length)).toEqual(kept);
    expect(results('int')).toBe(reference);
  });

  it('kill -9 midway, even with a last line cut short, then a rerun completes it', async () => {
    const killed = await interrupt('kill', 'SIGKILL');
    expect(killed.signal).toBe('SIGKILL');
    const kept = lines('kill/results.jsonl');
    expect(kept.length).toBeGreaterThanOrEqual(5);
    // As if the kill had come in the middle of a write.
    appendFileSync(join(cwd, 'kill/results.jsonl'), `${kept[0].slice(0, 40)}`);
    const rerun = descent('sweep', long, '--out', 'kill', '--workers', '2');
    expect(rerun.code).toBe(0);
    expect(rerun.err).toContain('kill/results.jsonl: its last line was cut short (by a kill?); that run is computed again');
    expect(rerun.err).toContain(`resuming: ${kept.length} of 200 runs already done`);
    expect(rerun.err).toContain(`200 runs: ${200 - kept.length} computed now`);
    expect(lines('kill/results.jsonl')).toHaveLength(200);
    expect(results('kill')).toBe(reference);
  });
});

describe('descent sweep, bad input', () => {
  it('reports every problem of a sweep file on its own line, with exit code 2', () => {
    const path = file('bad.yaml', 'function: rosenbrock\nmetric: loss\noptimizers:\n  - { name: adam, grid: { lr: { log: [0, 1], num: 0 } } }\n');
    const r = descent('sweep', path);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err.trimEnd().split('\n')).toEqual([
      'descent: bad.yaml: metric: must be one of "final-value", "steps", "distance", got "loss"',
      'descent: bad.yaml: optimizers[0].grid.lr.log: must be > 0 at both ends on a log scale, got [0,1]',
      'descent: bad.yaml: optimizers[0].grid.lr.num: must be an integer >= 1, got 0',
    ]);
  });

  it('refuses a bad --workers, a missing file and a sweep too big, with exit code 2', () => {
    const path = file('ok.yaml', small);
    expect(descent('sweep', path, '--workers', '0')).toMatchObject({ code: 2, err: 'descent: sweep: --workers needs an integer >= 1, got "0"\n' });
    expect(descent('sweep', path, '--workers', '1.5')).toMatchObject({ code: 2, err: 'descent: sweep: --workers needs an integer >= 1, got "1.5"\n' });
    expect(descent('sweep', path, '--workers', 'all')).toMatchObject({ code: 2, err: 'descent: sweep: --workers needs an integer >= 1, got "all"\n' });
    expect(descent('sweep', 'nothing.yaml')).toMatchObject({ code: 2, err: 'descent: sweep: cannot read "nothing.yaml": ENOENT\n' });
    const big = file('big.yaml', 'function: rosenbrock\nstarts: { random: 10 }\nseeds: 10\noptimizers: [{ name: adam, grid: { lr: { log: [1e-6, 1], num: 100 }, eps: { log: [1e-10, 1e-6], num: 101 } } }]');
    expect(descent('sweep', big)).toMatchObject({ code: 2, err: 'descent: big.yaml: has 1,010,000 runs (configurations × seeds × starts), more than the limit of 1,000,000: take fewer values, or random search\n' });
    expect(descent('sweep', path, '--quiet', '--verbose')).toMatchObject({ code: 2, err: 'descent: sweep: --quiet and --verbose exclude each other\n' });
  });
});
