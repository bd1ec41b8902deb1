/**
 * Does a step allocate? Issue 8 asks for none, measured as heap growth over 1,000 steps. V8 does not count the
 * bytes a call allocates, so two witnesses are taken over the steps, after a full collection before them:
 * the growth of the used JS heap and of ArrayBuffer memory (a Float32Array made per step shows in the second),
 * and the number of garbage collections that ran meanwhile (a scavenge frees young garbage, so growth alone can
 * read ~0 while a step allocates; a step that allocates nothing triggers no collection at all).
 * The steps run twice and the second round is measured: the first compiles the loop and the call (V8's code and
 * feedback live on the heap: ~600 bytes per step over the first 1,000 calls even for a loop that allocates
 * nothing) and lets lazily created state appear. After that a non-allocating call reads ~4 bytes per step (the
 * harness's own few kilobytes), a `new Float32Array(1000)` per step ~190 heap + 4,000 ArrayBuffer bytes, and
 * a small object with an array ~96 bytes. `allocates` draws the line at 64 bytes per step.
 * A full collection needs `gc`: exposed here at run time through V8's flag, so no node flag is required.
 */
import { PerformanceObserver } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

export interface HeapGrowth {
  steps: number;
  /** Growth of the used JS heap over the steps, in bytes per step (negative after a collection). */
  heapBytesPerStep: number;
  /** Growth of memory held by ArrayBuffers over the steps, in bytes per step. */
  arrayBufferBytesPerStep: number;
  /** Garbage collections (any kind) that ran during the measured steps; 0 for a step that allocates nothing. */
  collections: number;
  /** Whether the step allocates: more than 64 heap bytes per step, any ArrayBuffer growth, or a collection. */
  allocates: boolean;
}

/** Above the harness's own noise (~4 bytes per step over 1,000 steps), below the smallest real allocation (~16 bytes). */
const HEAP_NOISE_BYTES_PER_STEP = 64;

function exposeGc(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

/** Runs `call` `steps` times to warm up (lazily created state may allocate), then `steps` times watching the heap. */
export async function heapGrowth(call: () => void, steps = 1000): Promise<HeapGrowth> {
  const gc = exposeGc();
  for (let i = 0; i < steps; i++) call();
  gc();
  let collections = 0;
  const observer = new PerformanceObserver((list) => { collections += list.getEntries().length; });
  observer.observe({ entryTypes: ['gc'] });
  // Entries are delivered asynchronously: let the forced collection's entry arrive before counting from zero.
  await new Promise((resolve) => setTimeout(resolve, 0));
  collections = 0;
  const before = process.memoryUsage();
  for (let i = 0; i < steps; i++) call();
  const after = process.memoryUsage();
  await new Promise((resolve) => setTimeout(resolve, 0));
  observer.disconnect();
  const heapBytesPerStep = (after.heapUsed - before.heapUsed) / steps;
  const arrayBufferBytesPerStep = (after.arrayBuffers - before.arrayBuffers) / steps;
  const allocates = heapBytesPerStep > HEAP_NOISE_BYTES_PER_STEP || arrayBufferBytesPerStep > 0 || collections > 0;
  return { steps, heapBytesPerStep, arrayBufferBytesPerStep, collections, allocates };
}
