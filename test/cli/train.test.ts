/**
 * `descent train`, spawned as a user runs it (the built bin in dist/; `npm run build` first): the four named data
 * sets, an experiment file, the files written, and bad input — each one line on stderr, exit code 2, and no
 * output folder.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { parseTrainText } from '../../src/cli/train-config.js';
import { bin, descentIn, freshFolderEachTest } from './spawn.js';

const folder = freshFolderEachTest('descent-train-');
const descent = (...args: string[]) => descentIn(folder.path, ...args);
const at = (...parts: string[]) => join(folder.path, ...parts);
const json = (path: string) => JSON.parse(readFileSync(at(path), 'utf8'));
const example = new URL('../../examples/train/cars.yaml', import.meta.url).pathname;

/** The command line run without waiting, so that several run at once. */
function descentAsync(...args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd: folder.path });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('close', (code) => resolve({ code, out, err }));
  });
}

function file(name: string, text: string): string {
  writeFileSync(at(name), text);
  return name;
}

describe('descent train on the named data sets', () => {
  it('cars: the command of the issue writes history.json, history.csv, the loss curve and the report', () => {
    const r = descent('train', '--data', 'cars', '--target', 'Miles_per_Gallon', '--model', 'linear', '--optimizer', 'sgd lr=0.01', '--batch-size', '32', '--epochs', '50', '--out', 'dir');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^cars-linear: linear on cars \(Miles_per_Gallon, 314 train \/ 78 validation \/ 0 test rows\), SGD, batch size 32\n/);
    expect(r.out).toContain('stopped: epochs after 50 of 50 epochs');
    expect(r.out).toContain('report: dir/index.html');
    const h = json('dir/history.json');
    expect(h.epochs).toHaveLength(50);
    expect(h.epochs.map((e: { steps: number }) => e.steps)).toEqual(Array(50).fill(10)); // ⌈314 / 32⌉
    expect(h.steps.lr).toHaveLength(500);
    expect(h.config.optimizer).toEqual({ name: 'SGD', lr: 0.01 });
    expect(h.data.rows).toEqual({ read: 406, used: 392, dropped: 14 });
    expect(h.final.validation.metrics.r2).toBeGreaterThan(0.5);
    expect(h.epochs[49].trainLossFull).toBeLessThan(h.initial.trainLoss / 10);
    const csv = readFileSync(at('dir/history.csv'), 'utf8').trimEnd().split('\n');
    expect(csv).toHaveLength(52);
    expect(csv[0]).toBe('epoch,train_loss,train_loss_full,validation_loss,train_mse,train_rmse,train_mae,train_r2,validation_mse,validation_rmse,validation_mae,validation_r2,lr,steps,samples,time_ms');
    expect(readFileSync(at('dir/loss.png')).subarray(1, 4).toString()).toBe('PNG');
    expect(existsSync(at('dir/lr.png'))).toBe(false); // a constant lr has no curve
    const html = readFileSync(at('dir/index.html'), 'utf8');
    for (const heading of ['Final metrics', 'Training curves', 'Data', 'Model']) expect(html).toContain(`<h2>${heading}</h2>`);
    expect(html).toContain('src="loss.png"');
  });

  it('penguins: an MLP with early stopping stops early and restores the best weights; same seed, same history', () => {
    const args = ['train', '--data', 'penguins', '--model', 'mlp hidden=8', '--optimizer', 'adam lr=0.05', '--early-stopping', 'patience=3 restoreBest', '--epochs', '200', '--no-report'];
    const r = descent(...args, '--out', 'a');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const h = json('a/history.json');
    expect(h.stopReason).toBe('early-stopping');
    expect(h.restoredBest).toBe(true);
    expect(h.epochs.length).toBe(h.bestEpoch + 3);
    expect(h.final.validation.loss).toBe(h.epochs[h.bestEpoch - 1].validationLoss);
    expect(h.final.validation.metrics.accuracy).toBeGreaterThan(0.9);
    expect(existsSync(at('a/index.html'))).toBe(false);
    descent(...args, '--out', 'b');
    const strip = (x: { epochs: Array<Record<string, unknown>> }) => x.epochs.map(({ timeMs: _t, ...e }) => e);
    expect(strip(json('b/history.json'))).toEqual(strip(h));
    expect(json('b/history.json').steps).toEqual(h.steps);
  });

  it('iris: the default model of a 3-class target is softmax regression; --json prints the history; a test split', () => {
    const r = descent('train', '--data', 'iris', '--optimizer', 'adam lr=0.05', '--epochs', '30', '--test', '0.2', '--json', '--no-report', '--out', 'o');
    expect(r.code).toBe(0);
    const h = JSON.parse(r.out);
    expect(h.model).toMatchObject({ name: 'softmax', task: 'multiclass', inputs: 4, outputs: 3, parameters: 15 });
    expect(h.data.splits).toEqual({ train: 90, validation: 30, test: 30 });
    expect(h.final.test.metrics.accuracy).toBeGreaterThan(0.8);
    expect(r.err).toContain('iris: softmax on iris');
  });

  it('flights: 200,000 rows in large batches, with a schedule and its lr curve', () => {
    const r = descent('train', '--data', 'flights', '--optimizer', 'adam lr=0.01', '--epochs', '2', '--batch-size', '4096', '--schedule', 'StepLR stepSize=1 gamma=0.5', '--out', 'f');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const h = json('f/history.json');
    expect(h.data.splits).toEqual({ train: 160000, validation: 40000, test: 0 });
    expect(h.epochs.map((e: { lr: number; steps: number }) => [e.lr, e.steps])).toEqual([[0.01, 40], [0.005, 40]]);
    expect(readFileSync(at('f/lr.png')).subarray(1, 4).toString()).toBe('PNG');
  });

  it('an experiment file (examples/train/cars.yaml) trains as its flags would', () => {
    const r = descent('train', example, '--out', 'ex', '--no-report');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const h = json('ex/history.json');
    expect(h.name).toBe('cars-mpg');
    expect(h.config).toMatchObject({ optimizer: { name: 'SGD', lr: 0.05, momentum: 0.9 }, schedule: { name: 'StepLR', stepSize: 10, gamma: 0.5 }, earlyStopping: { patience: 8, restoreBest: true } });
    expect(h.final.test).toBeDefined();
  });

  it("the README's training file is valid and says what examples/train/cars.yaml says", () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const block = /```yaml train\n([\s\S]*?)```/.exec(readme)![1];
    const { description: _d, ...fromExample } = parseTrainText(readFileSync(example, 'utf8'), { source: example });
    expect(parseTrainText(block, { source: 'README.md' })).toEqual(fromExample);
  });

  it('descent datasets lists the named sets', () => {
    const r = descent('datasets');
    expect(r.code).toBe(0);
    for (const name of ['cars', 'penguins', 'iris', 'flights']) expect(r.out).toContain(`│ ${name} `);
  });
});

describe('descent train: bad input is one line, exit code 2, nothing written', () => {
  const cases: Array<[string, () => string[], RegExp]> = [
    ['a missing file', () => ['--data', 'nope.csv', '--target', 'y'], /^descent: nope\.csv: no such file$/],
    ['an unknown column', () => ['--data', file('ok.csv', 'a,b,y\n1,2,3\n2,3,5\n3,1,4\n4,4,8\n5,2,7\n'), '--target', 'nope'], /no column "nope"; the columns are "a", "b", "y"/],
    ['a text column used as a number', () => ['--data', file('text.csv', 'a,b,y\n1,2,3\n2,x,5\n3,1,4\n'), '--target', 'y'], /column "b" holds numbers but row 2 has "x"/],
    ['a target with NaN', () => ['--data', file('nan.csv', 'a,y\n1,3\n2,NaN\n3,4\n4,8\n'), '--target', 'y', '--missing', 'mean'], /target "y" is missing in 1 rows/],
    ['batchSize 0', () => ['--data', 'cars', '--batch-size', '0'], /^descent: train: --batch-size: must be an integer >= 1, got 0$/],
    ['batchSize larger than the data', () => ['--data', 'iris', '--batch-size', '500'], /batchSize 500 is larger than the 120 training rows of iris/],
    ['an empty data set', () => ['--data', file('empty.csv', 'a,y\n'), '--target', 'y'], /empty\.csv: has a header but no rows/],
    ['an unknown optimizer option', () => ['--data', 'cars', '--optimizer', 'sgd learningRate=1'], /--optimizer\.learningRate: unknown option "learningRate"/],
    ['an unknown model option', () => ['--data', 'cars', '--model', 'mlp hiden=3'], /--model\.hiden: unknown option "hiden"/],
    ['a model for another task', () => ['--data', 'penguins', '--model', 'linear'], /linear fits regression targets, but the target is multiclass/],
    ['a file and flags together', () => [example, '--epochs', '3'], /give a training file or the flags \(--epochs\), not both/],
  ];
  // Spawned side by side (each start-up is most of a case's time), each in its own output folder.
  it('each case', async () => {
    const results = await Promise.all(cases.map(([, args], i) => descentAsync('train', ...args(), '--out', `out${i}`)));
    cases.forEach(([what, , message], i) => {
      const r = results[i];
      expect({ what, code: r.code }).toEqual({ what, code: 2 });
      expect(r.err.trimEnd().split('\n'), what).toHaveLength(1);
      expect(r.err.trimEnd(), what).toMatch(message);
      expect(r.out, what).toBe('');
      expect(existsSync(at(`out${i}`)), what).toBe(false);
    });
  });

  it('a training file with several problems names each field, one line each', () => {
    const yaml = file('bad.yaml', 'data: cars\nmodel: { name: mlp, hidden: [0] }\noptimizer: adam lr=-1\nepochs: 0\nbatchSize: 2.5\nshuffle: maybe\ncolour: red\n');
    const r = descent('train', yaml, '--out', 'out');
    expect(r.code).toBe(2);
    const lines = r.err.trimEnd().split('\n');
    expect(lines).toEqual(
      expect.arrayContaining([
        'descent: bad.yaml: epochs: must be an integer >= 1, got 0',
        'descent: bad.yaml: batchSize: must be an integer >= 1, got 2.5',
        expect.stringMatching(/^descent: bad\.yaml: shuffle: must be true or false, got "maybe"$/),
        expect.stringMatching(/^descent: bad\.yaml: colour: unknown key \(known: name, description, data, /),
        expect.stringMatching(/^descent: bad\.yaml: optimizer\.lr: must be >= 0, got -1$/),
        expect.stringMatching(/^descent: bad\.yaml: model\.hidden/),
      ]),
    );
    expect(existsSync(at('out'))).toBe(false);
  });
});
