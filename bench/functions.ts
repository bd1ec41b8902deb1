/**
 * How fast a typed-in function's gradient is: `compile(expression).valueAndGrad` against the same function written
 * by hand in TypeScript (the reference, measured in the same run), and against the graph interpreter (each
 * operation a call through its rule, no generated code) to show what code generation buys.
 *
 * Each timed call sweeps 1,024 seeded points of the function's box; each implementation gets its own sweep loop
 * (built with `new Function`, so that no call site is shared and none turns polymorphic), and the implementations
 * take turns round by round. The target of issue 4:
 * compiled within 2× of hand-written on the notebook's (x-3)^2 + 8(y-5)^4 + sqrt(x) + sin(xy).
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import Table from 'cli-table3';
import { compile } from '../src/objective/expression/compile.js';
import { buildGraph } from '../src/objective/expression/graph.js';
import { interpret } from '../src/objective/expression/interpret.js';
import { parse } from '../src/objective/expression/parse.js';
import { seedFunctions, type SeedFunction } from '../test/objective/expression/seed-functions.js';
import { SHARED_NOTE, machineInfo } from './machine.js';
import { fillUniform } from './seeded.js';
import { median, timePerCall, type RepeatScheme } from './timing.js';

const POINTS = 1024;
const FULL: RepeatScheme = { warmup: 200, steps: 100, repeats: 31 };
const QUICK: RepeatScheme = { warmup: 20, steps: 20, repeats: 3 };
const SEED = 20241124;
const RESULTS = new URL('results/functions.json', import.meta.url);
const HEADLINE = 'seed-complex';

type ValueAndGrad = (x: ArrayLike<number>, grad: Float64Array) => number;
type Value = (x: ArrayLike<number>) => number;

/** Seeded points uniform in the box, one Float64Array each (as an optimizer's parameters would be). */
function points(box: Array<[number, number]>, seed: number): Float64Array[] {
  const u = fillUniform(new Float64Array(POINTS * box.length), seed);
  return Array.from({ length: POINTS }, (_, i) =>
    Float64Array.from(box, ([low, high], j) => low + ((u[i * box.length + j] + 1) / 2) * (high - low)));
}

type Sweep = () => number;

let sweeps = 0;

/**
 * A loop of `f` over the points: a fresh function per implementation, so that the call to f stays monomorphic and
 * inlinable. Its source differs by a comment: V8 caches `new Function` by source text, and identical loops would
 * share one call site, which turns polymorphic and slows every implementation but the first.
 */
function sweep(f: ValueAndGrad | Value, xs: Float64Array[], dim: number): Sweep {
  const loop = new Function('f', 'xs', 'grad', `// sweep ${sweeps++}\nlet s = 0;\nfor (let i = 0; i < xs.length; i++) s += f(xs[i], grad);\nreturn s;`) as
    (f: ValueAndGrad | Value, xs: Float64Array[], grad: Float64Array) => number;
  const grad = new Float64Array(dim);
  return () => loop(f, xs, grad);
}

/**
 * ns per call of each sweep. The implementations take turns within each round (in a rotating order), so that a
 * neighbour's burst on the shared machine hits them alike; the ratio reported is the median of the per-round ratios.
 */
function race(sweeps: Sweep[], points: number, scheme: RepeatScheme): { ns: number[]; runsNs: number[][] } {
  let sink = 0;
  const runsNs: number[][] = sweeps.map(() => []);
  for (const s of sweeps) for (let w = 0; w < scheme.warmup; w++) sink += s();
  for (let r = 0; r < scheme.repeats; r++) {
    for (let k = 0; k < sweeps.length; k++) {
      const i = (k + r) % sweeps.length;
      const timing = timePerCall(() => { sink += sweeps[i](); }, { warmup: 0, steps: scheme.steps, repeats: 1 });
      runsNs[i].push((timing.medianMs * 1e6) / points);
    }
  }
  if (Number.isNaN(sink)) throw new Error('a value was NaN: the points left the domain');
  return { ns: runsNs.map(median), runsNs };
}

const medianRatio = (a: number[], b: number[]) => median(a.map((ai, r) => ai / b[r]));

function measure(seed: SeedFunction, scheme: RepeatScheme, seedOffset: number) {
  const compiled = compile(seed.expression);
  const ast = parse(seed.expression);
  const interpreted = interpret(buildGraph(ast, new Map(compiled.meta.variables.map((name, i) => [name, i]))));
  const xs = points(seed.box, SEED + seedOffset);
  const dim = compiled.dim;
  const gradients = race([seed.handWritten.valueAndGrad, compiled.valueAndGrad, interpreted.valueAndGrad].map((f) => sweep(f, xs, dim)), POINTS, scheme);
  const values = race([seed.handWritten.value, compiled.value].map((f) => sweep(f, xs, dim)), POINTS, scheme);
  const [hand, ours, tree] = gradients.runsNs;
  return {
    name: seed.name, expression: seed.expression,
    compiledNs: gradients.ns[1], handWrittenNs: gradients.ns[0], ratio: medianRatio(ours, hand),
    interpreterNs: gradients.ns[2], interpreterRatio: medianRatio(tree, hand),
    valueCompiledNs: values.ns[1], valueHandWrittenNs: values.ns[0], valueRatio: medianRatio(values.runsNs[1], values.runsNs[0]),
    runsNs: { compiled: ours, handWritten: hand, interpreter: tree },
  };
}

type Row = ReturnType<typeof measure>;

function print(rows: Row[]): void {
  const table = new Table({
    head: ['function', 'compiled ns', 'hand-written ns', 'compiled/hand', 'interpreter ns', 'interp./hand', 'value only: compiled/hand'],
    colAligns: ['left', 'right', 'right', 'right', 'right', 'right', 'right'],
    style: { head: [], border: [] },
  });
  for (const r of rows) {
    table.push([r.name, r.compiledNs.toFixed(1), r.handWrittenNs.toFixed(1), `${r.ratio.toFixed(2)}×`, r.interpreterNs.toFixed(0),
      `${r.interpreterRatio.toFixed(1)}×`, `${r.valueRatio.toFixed(2)}×`]);
  }
  console.log(table.toString());
}

export async function main(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { quick: { type: 'boolean', default: false } } });
  const scheme = values.quick ? QUICK : FULL;
  const machine = machineInfo();
  console.log(`typed-in functions, ns per valueAndGrad: node ${machine.node}, ${machine.cpu}${values.quick ? ', --quick' : ''}`);
  console.log(`note: ${SHARED_NOTE}`);
  const rows = seedFunctions.map((seed, i) => {
    process.stderr.write(`  ${seed.name}: ${seed.expression}\n`);
    return measure(seed, scheme, i);
  });
  print(rows);
  const headline = rows.find((r) => r.name === HEADLINE)!;
  console.log(`median of ${scheme.repeats} rounds of ${scheme.steps} sweeps over ${POINTS} points each, after ${scheme.warmup} warm-up sweeps; ratios: median of the per-round ratios`);
  console.log(`${HEADLINE} ${headline.expression}: compiled / hand-written = ${headline.ratio.toFixed(2)}× (target: within 2×)`);
  if (values.quick) {
    console.log(`--quick: ${RESULTS.pathname} not written`);
    return;
  }
  writeFileSync(RESULTS, `${JSON.stringify({ benchmark: 'functions', machine, scheme, points: POINTS, seed: SEED, rows }, null, 2)}\n`);
  console.log(`wrote ${RESULTS.pathname}`);
}
