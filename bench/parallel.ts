/**
 * When does a second thread pay? One Adam step and one SGD-with-momentum step of a float32 parameter, timed on
 * one thread and split over two threads (src/wasm/parallel-team.ts), for sizes 1e4 … 1e7, and the break-even
 * size: the smallest measured size from which two threads win at every larger size.
 *
 * Three ways per size, all the same WebAssembly kernel over a shared memory:
 *   1 thread     the main thread alone (a team of 1: no worker, no handshake)
 *   2 atomics    main thread + 1 worker; job counter bumped with Atomics.notify, the main thread steps its half
 *                and sleeps in Atomics.wait until the worker counts down (the optimizers' synchronous path)
 *   2 message    main thread + 1 worker; a 'run' message out and a 'done' message back (asynchronous)
 * The three are interleaved run by run so that a neighbour's burst on this shared 2-core machine hits all of
 * them; each figure is the median over the runs of the mean ms per step. Results: bench/results/parallel.json.
 */
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import Table from 'cli-table3';
import { adamScalars } from '../src/optim/adam.js';
import { adamSchema } from '../src/optim/adam.js';
import { StepTeam } from '../src/wasm/parallel.js';
import { SHARED_NOTE, machineInfo } from './machine.js';
import { fillUniform } from './seeded.js';
import { median } from './timing.js';

const SIZES = [1e4, 3e4, 1e5, 3e5, 1e6, 3e6, 1e7];
const WAYS = ['1 thread', '2 atomics', '2 message'] as const;
type Way = (typeof WAYS)[number];
const OPTIMIZERS = ['Adam', 'SGD momentum 0.9'] as const;
type OptimizerName = (typeof OPTIMIZERS)[number];
const SEED = 20241124;
const RESULTS = new URL('results/parallel.json', import.meta.url);

const adamDefaults = Object.fromEntries(Object.entries(adamSchema).map(([k, v]) => [k, v.default])) as unknown as Parameters<typeof adamScalars>[0];
const ADAM = adamScalars({ ...adamDefaults, lr: 1e-3 }, 1, false);
const SGD = { lr: 1e-3, momentum: 0.9, dampening: 0, weightDecay: 0, nesterov: false, maximize: false };

/** One way of stepping one optimizer on a fresh parameter of `n` elements: returns a function doing `steps` steps. */
function stepper(team: StepTeam, optimizer: OptimizerName, n: number): (steps: number) => Promise<void> | void {
  const p = team.parameter(fillUniform(new Float32Array(n), SEED), { stateBuffers: 2 });
  p.grad!.set(fillUniform(new Float32Array(n), SEED + 1));
  const m = team.adopt(p.data, new Float32Array(n))!;
  const v = team.adopt(p.data, new Float32Array(n))!;
  const g = p.grad!;
  if (team.sync === 'message') {
    return optimizer === 'Adam'
      ? async (steps) => { for (let i = 0; i < steps; i++) await team.adamAsync(p.data, g, m, v, null, ADAM); }
      : async (steps) => { for (let i = 0; i < steps; i++) await team.sgdAsync(p.data, g, m, false, SGD); };
  }
  return optimizer === 'Adam'
    ? (steps) => { for (let i = 0; i < steps; i++) team.adam(p.data, g, m, v, null, ADAM); }
    : (steps) => { for (let i = 0; i < steps; i++) team.sgd(p.data, g, m, false, SGD); };
}

interface Row {
  optimizer: OptimizerName;
  n: number;
  steps: number;
  ms: Record<Way, number>;
  runsMs: Record<Way, number[]>;
  speedupAtomics: number;
  speedupMessage: number;
}

async function measure(optimizer: OptimizerName, n: number, repeats: number): Promise<Row> {
  // Fresh teams per size: a team keeps its parameters' memories until closed.
  const teams: Record<Way, StepTeam> = {
    '1 thread': await StepTeam.create({ threads: 1 }),
    '2 atomics': await StepTeam.create({ threads: 2, minLength: 0 }),
    '2 message': await StepTeam.create({ threads: 2, minLength: 0, sync: 'message' }),
  };
  try {
    const run = Object.fromEntries(WAYS.map((w) => [w, stepper(teams[w], optimizer, n)])) as Record<Way, ReturnType<typeof stepper>>;
    const steps = Math.max(2, Math.round(1e7 / n)); // about 10-40 ms of work per timed run
    const runsMs = Object.fromEntries(WAYS.map((w) => [w, [] as number[]])) as Record<Way, number[]>;
    for (const w of WAYS) await run[w](steps); // warm-up: JIT, first touch of the pages, worker instances
    for (let r = 0; r < repeats; r++) {
      for (const w of WAYS) {
        const start = performance.now();
        await run[w](steps);
        runsMs[w].push((performance.now() - start) / steps);
      }
    }
    const ms = Object.fromEntries(WAYS.map((w) => [w, median(runsMs[w])])) as Record<Way, number>;
    return { optimizer, n, steps, ms, runsMs, speedupAtomics: ms['1 thread'] / ms['2 atomics'], speedupMessage: ms['1 thread'] / ms['2 message'] };
  } finally {
    await Promise.all(WAYS.map((w) => teams[w].close()));
  }
}

/** The smallest size from which `way` beats one thread at every larger measured size; null if it never does. */
function breakEven(rows: Row[], way: Way): number | null {
  let from: number | null = null;
  for (const r of [...rows].sort((a, b) => b.n - a.n)) {
    if (r.ms[way] < r.ms['1 thread']) from = r.n;
    else break;
  }
  return from;
}

export async function main(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { quick: { type: 'boolean', default: false } } });
  const repeats = values.quick ? 3 : 9;
  const machine = machineInfo();
  console.log(`parallel steps: node ${machine.node}, ${machine.cpu} (${machine.cores} cores)${values.quick ? ', --quick' : ''}`);
  console.log(`note: ${SHARED_NOTE}`);

  // Two threads can only win with a core free for the second one: the load average says whether there was one.
  const loadBefore = loadavg()[0];
  console.log(`load average (1 min) before: ${loadBefore.toFixed(2)} on ${machine.cores} cores`);
  const rows: Row[] = [];
  for (const optimizer of OPTIMIZERS) {
    for (const n of SIZES) {
      process.stderr.write(`  ${optimizer} ${n.toExponential()}\n`);
      rows.push(await measure(optimizer, n, repeats));
    }
  }

  const table = new Table({
    head: ['optimizer', 'params', '1 thread ms', '2 atomics ms', '2 message ms', '1/2 atomics', '1/2 message'],
    colAligns: ['left', 'right', 'right', 'right', 'right', 'right', 'right'],
    style: { head: [], border: [] },
  });
  const ms = (x: number) => (x < 0.1 ? x.toFixed(4) : x.toFixed(2));
  for (const r of rows) {
    table.push([r.optimizer, r.n.toExponential(), ms(r.ms['1 thread']), ms(r.ms['2 atomics']), ms(r.ms['2 message']),
      `${r.speedupAtomics.toFixed(2)}×`, `${r.speedupMessage.toFixed(2)}×`]);
  }
  console.log(table.toString());
  const loadAfter = loadavg()[0];
  console.log(`float32, median of ${repeats} interleaved runs; 1/2 = speed-up of two threads over one (> 1: two win); load average after: ${loadAfter.toFixed(2)}`);

  const breakEvens = OPTIMIZERS.map((optimizer) => {
    const mine = rows.filter((r) => r.optimizer === optimizer);
    return { optimizer, atomics: breakEven(mine, '2 atomics'), message: breakEven(mine, '2 message') };
  });
  const show = (n: number | null) => (n === null ? 'never (in 1e4 … 1e7)' : `from ${n.toExponential()} parameters`);
  for (const b of breakEvens) console.log(`break-even, ${b.optimizer}: 2 threads (atomics) win ${show(b.atomics)}; (message) ${show(b.message)}`);

  if (values.quick) {
    console.log(`--quick: ${RESULTS.pathname} not written`);
    return;
  }
  writeFileSync(RESULTS, `${JSON.stringify({ benchmark: 'parallel', machine, loadAverage: { before: loadBefore, after: loadAfter }, repeats, dtype: 'float32', seed: SEED, breakEvens, rows }, null, 2)}\n`);
  console.log(`wrote ${RESULTS.pathname}`);
}
