/**
 * `npx tsx bench/references-run.ts [--quick] [--sizes 1e6,1e7]`: measures and prints the references of issue 8's
 * optimizer benchmark alone (PyTorch 1.13 CPU default and best setups, TensorFlow.js cpu and wasm), so they can
 * be checked without the rest of `npm run bench -- optim`. A full run writes bench/results/references.json.
 */
import { writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import Table from 'cli-table3';
import { SHARED_NOTE, machineInfo } from './machine.js';
import { referenceReport } from './references.js';

const RESULTS = new URL('results/references.json', import.meta.url);

function parseSizes(text: string | undefined): number[] | undefined {
  if (text === undefined) return undefined;
  const sizes = text.split(',').map(Number);
  for (const n of sizes) {
    if (!Number.isInteger(n) || n < 1) throw new Error(`references: --sizes must be positive integers such as 1e6,1e7, got ${JSON.stringify(text)}`);
  }
  return sizes;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { quick: { type: 'boolean', default: false }, sizes: { type: 'string' } } });
  const machine = machineInfo();
  const quick = values.quick ?? false;
  console.log(`optimizer-step references: node ${machine.node}, ${machine.cpu} (${machine.cores} cores)${quick ? ', --quick' : ''}`);
  console.log(`note: ${SHARED_NOTE}`);
  const started = performance.now();
  const report = await referenceReport({ quick, sizes: parseSizes(values.sizes) });
  const elapsedS = (performance.now() - started) / 1e3;

  const table = new Table({
    head: ['reference', 'params', 'ms/step', 'GB/s', 'runs (ms)', 'note'],
    colAligns: ['left', 'right', 'right', 'right', 'left', 'left'],
    style: { head: [], border: [] },
  });
  for (const r of report.rows) {
    table.push([r.name, r.size.toExponential(), r.msMedian.toFixed(1), r.gbPerS.toFixed(1), r.runsMs.map((ms) => ms.toPrecision(3)).join(' '), r.note]);
  }
  console.log(table.toString());
  console.log('float32; GB/s = bytes a step must move (Adam, AdamW: 28 per parameter; SGD momentum: 20) / ms per step; medians of the runs');
  console.log(`measured in ${elapsedS.toFixed(0)} s`);
  for (const reason of report.skipped) console.log(`skipped ${reason}`);

  if (quick || values.sizes !== undefined) {
    console.log(`--quick or --sizes: ${RESULTS.pathname} not written`);
    return;
  }
  writeFileSync(RESULTS, `${JSON.stringify({ benchmark: 'references', machine, ...report }, null, 2)}\n`);
  console.log(`wrote ${RESULTS.pathname}`);
}

try {
  await main();
} catch (error) {
  // Usage errors (an unknown flag, bad --sizes) as one line and exit code 2, as `npm run bench` does; the rest rethrown.
  const usage = error instanceof Error && (error.message.startsWith('references:') || ('code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')));
  if (!usage) throw error;
  console.error(error.message);
  process.exitCode = 2;
}
