/**
 * `descent run`, spawned as a user runs it (the built bin in dist/; `npm run build` first). Runs whose pictures are
 * not the point pass --no-report, to keep the file fast; run-report.test.ts checks the pictures and the report.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { descentIn, freshFolderEachTest } from './spawn.js';

const folder = freshFolderEachTest('descent-run-');
const descent = (...args: string[]) => descentIn(folder.path, ...args);

function file(name: string, text: string): string {
  const path = join(folder.path, name);
  writeFileSync(path, text);
  return path;
}

/** The table row of a run: the cells between │. */
function row(out: string, label: string): string[] | undefined {
  const line = out.split('\n').find((l) => l.startsWith(`│ ${label} `));
  return line?.split('│').slice(1, -1).map((c) => c.trim());
}

const banana = `
name: banana
function: rosenbrock
start: [-1.5, 2]
optimizers:
  - adam lr=0.05
  - { name: sgd, lr: 0.001, momentum: 0.9, label: heavy ball }
  - lbfgs
steps: 300
tol: 1e-12
`;

describe('descent run FILE', () => {
  it('runs a YAML experiment, prints the table and writes results.json and results.csv under descent-out/<name>', () => {
    const r = descent('run', file('banana.yaml', banana));
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^banana: f\(x, y\) = \(1 - x\)\^2 \+ 100\(y - x\^2\)\^2 \(rosenbrock\), from \(-1\.5, 2\), at most 300 steps/);
    expect(row(r.out, 'optimizer')).toEqual(['optimizer', 'status', 'steps', 'final value', 'final point', 'distance to minimum']);
    const lbfgs = row(r.out, 'LBFGS')!;
    expect(lbfgs[1]).toBe('converged');
    expect(Number(lbfgs[3])).toBeLessThan(1e-8);
    expect(row(r.out, 'heavy ball')?.slice(1, 3)).toEqual(['max-steps', '300']);
    expect(r.out).toContain('results written to descent-out/banana/ (results.json, results.csv)\nreport: descent-out/banana/index.html (3 pictures)\n');

    const results = JSON.parse(readFileSync(join(folder.path, 'descent-out/banana/results.json'), 'utf8'));
    expect(results.runs.map((run: { label: string }) => run.label)).toEqual(['Adam lr=0.05', 'heavy ball', 'LBFGS']);
    expect(results.runs[1].trace.points).toHaveLength(301);
    const csv = readFileSync(join(folder.path, 'descent-out/banana/results.csv'), 'utf8').trimEnd().split('\n');
    expect(csv).toHaveLength(4);
    expect(csv[0]).toMatch(/^label,optimizer,options,schedule,start,status,steps,final_value,/);
    expect(csv[3]).toMatch(/^LBFGS,LBFGS,\{\},,"\[-1\.5,2\]",converged,/);
  });

  it('a JSON file, --out, and the start column when there are several starts', () => {
    const json = JSON.stringify({ function: { expression: '(x-3)^2 + 8*(y-5)^4', minima: [[3, 5]] }, starts: [[0, 0], [4, 4]], optimizers: ['adam lr=0.1'], steps: 50 });
    const r = descent('run', file('valley.json', json), '--out', 'here');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^valley: f\(x, y\) = \(x - 3\)\^2 \+ 8\*\(y - 5\)\^4, at most 50 steps/);
    expect(row(r.out, 'Adam lr=0.1')?.slice(0, 2)).toEqual(['Adam lr=0.1', '(0, 0)']);
    expect(r.out).toContain('│ (4, 4) ');
    expect(existsSync(join(folder.path, 'here/results.json'))).toBe(true);
    expect(existsSync(join(folder.path, 'here/results.csv'))).toBe(true);
  });

  it('--verbose reports each run on stderr; --quiet prints nothing', () => {
    const path = file('banana.yaml', banana);
    const verbose = descent('run', path, '--verbose', '--no-report');
    expect(verbose.code).toBe(0);
    const lines = verbose.err.trim().split('\n');
    expect(lines[0]).toBe('banana: rosenbrock in 2 variables, 1 start(s) × 3 optimizer(s), at most 300 steps, seed 0');
    expect(lines[3]).toMatch(/^\[3\/3\] LBFGS from \(-1\.5, 2\): converged at step \d+, f = /);
    const quiet = descent('run', path, '--quiet', '--no-report');
    expect(quiet.code).toBe(0);
    expect(quiet.out + quiet.err).toBe('');
    expect(existsSync(join(folder.path, 'descent-out/banana/results.json'))).toBe(true);
  });
});

describe('descent run (quick form)', () => {
  it('runs the optimizers of the flags', () => {
    const r = descent('run', '--function', 'rosenbrock', '--start', '-1.5,2', '--optimizer', 'adam lr=0.05', '--optimizer', 'sgd lr=0.001 momentum=0.9', '--steps', '500', '--no-report');
    expect(r.code).toBe(0);
    expect(row(r.out, 'Adam lr=0.05')?.slice(1, 3)).toEqual(['max-steps', '500']);
    expect(row(r.out, 'SGD lr=0.001 momentum=0.9')?.slice(1, 3)).toEqual(['max-steps', '500']);
    expect(r.out).toContain('results written to descent-out/rosenbrock/');
    // The same numbers as the file form.
    const fromFile = descent('run', file('same.yaml', 'function: rosenbrock\nstart: [-1.5, 2]\noptimizers: ["adam lr=0.05"]\nsteps: 500'), '--quiet', '--json', '--no-report');
    expect(row(r.out, 'Adam lr=0.05')?.[3]).toBe(String(Number(JSON.parse(fromFile.out).runs[0].finalValue.toPrecision(6))));
  });

  it('takes an expression, a schedule, a family with options, and the function’s own start', () => {
    const expression = descent('run', '--function', '(x-3)^2 + 8*(y-5)^4', '--start', '0,0', '--optimizer', 'adam lr=0.1', '--schedule', 'StepLR stepSize=50 gamma=0.5', '--steps', '200', '--no-report');
    expect(expression.code).toBe(0);
    expect(row(expression.out, 'Adam lr=0.1 + StepLR stepSize=50 gamma=0.5')?.[1]).toBe('max-steps');
    const family = descent('run', '--function', 'rosenbrock-nd dim=5', '--optimizer', 'lbfgs', '--json', '--quiet', '--no-report');
    expect(family.code).toBe(0);
    const results = JSON.parse(family.out);
    expect(results.function.dim).toBe(5);
    expect(results.runs[0].start).toHaveLength(5);
  });

  it('--json prints the results as JSON on stdout, the file locations on stderr', () => {
    const r = descent('run', '--function', 'booth', '--optimizer', 'sgd lr=0.05', '--steps', '20', '--json');
    expect(r.code).toBe(0);
    const results = JSON.parse(r.out);
    expect(results.name).toBe('booth');
    expect(results.runs[0].trace.values).toHaveLength(21);
    expect(results.runs[0]).toMatchObject({ label: 'SGD lr=0.05', status: 'max-steps', stoppedAt: 20 });
    expect(r.err).toContain('results written to descent-out/booth/');
  });

  it('bad flags are one line per problem and exit code 2', () => {
    const r = descent('run', '--function', 'rosenbrock', '--start', '1,2,3', '--optimizer', 'adam lr=-1', '--optimizer', 'adamm', '--steps', '0');
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err.trim().split('\n')).toEqual([
      'descent: start: has 3 coordinates, the function has 2 variables (x, y)',
      'descent: optimizers[0].lr: must be >= 0, got -1',
      expect.stringMatching(/^descent: optimizers\[1\]: unknown optimizer "adamm" \(known: SGD, /),
      'descent: steps: must be an integer >= 1, got 0',
    ]);
    const typo = descent('run', '--function', 'rosenbrok', '--optimizer', 'adam');
    expect(typo.code).toBe(2);
    expect(typo.err).toMatch(/^descent: function: unknown function "rosenbrok" \(known: .*rosenbrock/);
    const expression = descent('run', '--function', '(x - 3', '--start', '0', '--optimizer', 'adam');
    expect(expression.err.trim()).toMatch(/^descent: function\.expression: missing "\)" at column \d+/);
  });

  it('refuses no input, and a file with quick-form flags', () => {
    expect(descent('run').err.trim()).toBe('descent: run: give an experiment file, or --function and --optimizer (see descent run --help)');
    const both = descent('run', file('banana.yaml', banana), '--steps', '5');
    expect(both.code).toBe(2);
    expect(both.err.trim()).toMatch(/^descent: run: give an experiment file or the quick-form flags \(--function, .*\), not both$/);
  });

  it('--help explains how --function is read', () => {
    const r = descent('run', '--help');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/A known zoo name given to --function is that function/);
  });
});

describe('descent run BAD-FILE', () => {
  it('one line per problem on stderr, each naming the file and the field; exit code 2; no stack trace; nothing written', () => {
    const path = file(
      'bad.yaml',
      `function: { expression: "(x-3)^2 + * 8" }
optimizers:
  - adam
  - sgd
  - { name: adam, lr: -1 }
  - { name: adamm }
  - { name: sgd, schedule: { name: StepLR, stepSize: 0 } }
steps: 0
iterations: 100
`,
    );
    const r = descent('run', path);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err.trim().split('\n')).toEqual([
      `descent: ${path}: function.expression: expected a number, a name or "(" after "+" at column 11, found "*" in "(x-3)^2 + * 8"`,
      `descent: ${path}: optimizers[2].lr: must be >= 0, got -1`,
      expect.stringMatching(new RegExp(`^descent: ${path}: optimizers\\[3\\]\\.name: unknown optimizer "adamm" \\(known: SGD, .*\\)$`)),
      `descent: ${path}: optimizers[4].schedule.stepSize: must be an integer >= 1, got 0`,
      `descent: ${path}: steps: must be an integer >= 1, got 0`,
      expect.stringMatching(new RegExp(`^descent: ${path}: iterations: unknown key \\(known: name, description, function, .*\\)$`)),
    ]);
    expect(r.err).not.toMatch(/\bat .*\.js/);
    expect(existsSync(join(folder.path, 'descent-out'))).toBe(false);
  });

  it('a YAML syntax error, a JSON syntax error and a missing file are one line each', () => {
    const yaml = descent('run', file('broken.yaml', 'function: rosenbrock\noptimizers: [adam\n'));
    expect(yaml.code).toBe(2);
    expect(yaml.err.trim()).toMatch(/^descent: .*broken\.yaml: invalid YAML at line 3, column 1: /);
    const json = descent('run', file('broken.json', '{ "function": "rosenbrock" '));
    expect(json.code).toBe(2);
    expect(json.err.trim().split('\n')).toHaveLength(1);
    expect(json.err).toMatch(/broken\.json: invalid JSON: /);
    const missing = descent('run', 'nowhere.yaml');
    expect(missing.code).toBe(2);
    expect(missing.err.trim()).toBe('descent: run: cannot read "nowhere.yaml": ENOENT');
  });
});
