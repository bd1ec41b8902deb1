/** The command line, spawned as a user runs it (the built bin in dist/). */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

import { bin, descentIn } from './spawn.js';
const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

const descent = (...args: string[]) => descentIn(undefined, ...args);

describe('descent', () => {
  it('--version prints the package version', () => {
    const r = descent('--version');
    expect(r.code).toBe(0);
    expect(r.out.trim()).toBe(pkg.version);
  });

  it('--help lists the commands', () => {
    const r = descent('--help');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/demo/);
    expect(r.out).toMatch(/optimizers/);
  });

  it('optimizers lists every optimizer and shows one optimizer’s options', () => {
    const list = descent('optimizers');
    expect(list.code).toBe(0);
    for (const name of ['SGD', 'Adam', 'AdamW', 'Adagrad', 'RMSprop', 'Lion']) expect(list.out).toContain(name);
    const adam = descent('optimizers', 'adam');
    expect(adam.out).toMatch(/betas\s*│\s*\[0.9,0.999\]/);
  });

  it('an unknown optimizer is one line on stderr and exit code 2, no stack trace', () => {
    const r = descent('optimizers', 'adamm');
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(/unknown optimizer "adamm"/);
    expect(r.err).not.toMatch(/at .*\.js/);
  });

  it('a reader that closes the pipe early (descent run … --json | head -1) ends it quietly with code 0', async () => {
    // Far more than a pipe's buffer (64 KiB) of JSON, so writes go on after the reader has gone.
    const out = mkdtempSync(join(tmpdir(), 'descent-pipe-'));
    const args = ['run', '--function', 'rosenbrock', '--optimizer', 'adam lr=0.01', '--steps', '20000', '--json', '--no-report', '--quiet', '--out', out];
    const child = spawn(process.execPath, [bin, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.on('data', (chunk) => (err += chunk));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(err).toBe('');
    expect(code).toBe(0);
  });

  it('an unknown command exits with code 2', () => {
    expect(descent('bogus').code).toBe(2);
  });
});

describe('descent schedule / schedules', () => {
  it("schedule StepLR prints the lecture's curve", () => {
    const r = descent('schedule', 'StepLR', '--step-size', '5', '--gamma', '0.5', '--lr', '0.1', '--steps', '30', '--json');
    expect(r.code).toBe(0);
    const curve = JSON.parse(r.out) as { lrs: number[] };
    expect(curve.lrs).toHaveLength(30);
    curve.lrs.forEach((lr, t) => expect(lr).toBeCloseTo(0.1 * 0.5 ** Math.floor(t / 5), 15));
    const table = descent('schedule', 'StepLR', '--step-size', '5', '--gamma', '0.5', '--lr', '0.1', '--steps', '30');
    expect(table.out).toMatch(/│ 29\s+│ 0.003125\s+│/);
  });

  it('a bad or unknown scheduler option is one line and exit code 2', () => {
    const bad = descent('schedule', 'StepLR', '--step-size', '0');
    expect(bad.code).toBe(2);
    expect(bad.err.trim()).toBe('descent: StepLR: stepSize must be an integer >= 1, got 0');
    const unknown = descent('schedule', 'StepLR', '--stepsize', '3');
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/unknown option --stepsize \(known: --step-size, --gamma\)/);
    expect(descent('schedule', 'StepLR', '--lr', 'abc').code).toBe(2);
  });

  it('schedules lists the schedulers', () => {
    const r = descent('schedules');
    expect(r.code).toBe(0);
    for (const name of ['StepLR', 'ExponentialLR', 'CosineAnnealingLR', 'LinearLR']) expect(r.out).toContain(name);
  });
});

describe('descent functions', () => {
  it('lists every function of the zoo with its formula, domain and global minimum', async () => {
    const { functions } = await import('../../src/objective/zoo/registry.js');
    const r = descent('functions');
    expect(r.code).toBe(0);
    for (const entry of functions) expect(r.out, entry.name).toContain(entry.name);
    const rosenbrock = r.out.split('\n').find((l) => l.includes('│ rosenbrock '));
    expect(rosenbrock).toMatch(/│ \(1 - x\)\^2 \+ 100\(y - x\^2\)\^2\s+│ \[-5, 10\]²\s+│ 0 at \(1, 1\)\s+│/);
    expect(r.out).toMatch(/│ saddle\s+│ x\^2 - y\^2\s+│ \[-2, 2\]²\s+│ none: unbounded below/);
  });

  it('shows one function in full: TeX, every minimum with its published figures and source, starts', () => {
    const r = descent('functions', 'Himmelblau');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^himmelblau: /);
    expect(r.out).toContain('TeX       (x^2 + y - 11)^2 + (x + y^2 - 7)^2');
    expect(r.out).toContain('domain    [-5, 5]²');
    expect(r.out).toContain('starts    (0, 0)');
    expect(r.out).toMatch(/source\s+Himmelblau \(1972\)/);
    expect(r.out).toMatch(/│ global\s+│ \(3, 2\)\s+│ 0\s+│ exact/);
    expect(r.out).toContain('published: 0 at (-2.805118, 3.131312)');
    expect(r.out.match(/│ global /g)).toHaveLength(4);
  });

  it("shows a family's options, and its flags shape the instance shown", () => {
    const r = descent('functions', 'rosenbrock-nd', '--dim', '3');
    expect(r.code).toBe(0);
    expect(r.out).toContain('domain    [-5, 10]³');
    expect(r.out).toMatch(/│ dim\s+│ --dim\s+│ 10\s+│ an integer in \[2, 1000000\]/);
    const eggholder = descent('functions', 'eggholder');
    expect(eggholder.out).toContain('published: -959.6407 at (512, 404.2319)');
  });

  it('an unknown function or a bad option is one line on stderr and exit code 2', () => {
    const unknown = descent('functions', 'rosenbrok');
    expect(unknown.code).toBe(2);
    expect(unknown.err.trim().split('\n')).toHaveLength(1);
    expect(unknown.err).toMatch(/^descent: function: unknown function "rosenbrok" \(known: seed-quadratic, /);
    const bad = descent('functions', 'rosenbrock-nd', '--dim', '0');
    expect(bad.code).toBe(2);
    expect(bad.err.trim()).toBe('descent: rosenbrock-nd: dim must be an integer in [2, 1000000], got 0');
    const none = descent('functions', 'beale', '--dim', '3');
    expect(none.code).toBe(2);
    expect(none.err.trim()).toBe('descent: beale: takes no options, got "--dim 3"');
  });
});
