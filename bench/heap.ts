/**
 * Does a step allocate? Issue 8 asks for none, measured over 1,000 steps or more. Two tools, both run after a
 * warm-up of as many calls (the first calls compile the step, and lazily created state appears):
 *
 * - `heapGrowth`, the judge: a full collection, then the calls, watching the used JS heap, ArrayBuffer memory and
 *   the number of collections that ran meanwhile. With no collection in between, heap growth is what the calls
 *   allocated, garbage included; a collection can only have been triggered by allocation. Run many cheap steps
 *   (a small parameter): 100,000 steps of one 16-byte object make 1.6 MB, which shows either way, while compiled
 *   code and feedback read a few bytes a step at most (measured: up to 5.3 over 50,000 steps).
 * - `allocationSites`, the detective: V8's sampling heap profiler (inspector `HeapProfiler.startSampling` at an
 *   8-byte interval, keeping what a collection already freed) names the functions that allocated. It found the
 *   boxed numbers of issue 8 (a number argument or a literal NaN that V8 boxes, array destructuring's iterator).
 *   It also perturbs what it measures (V8 takes slow allocation paths while it samples) and can report bytes for
 *   code that `heapGrowth` shows allocating nothing: it says where to look, not whether.
 *
 * No node flag is needed: the inspector is built in, and `gc` is exposed at run time through V8's flag.
 */
import { Session } from 'node:inspector/promises';
import { PerformanceObserver } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

export interface Allocation {
  calls: number;
  /** Bytes allocated per call, on average, garbage included. */
  bytesPerCall: number;
  /** The functions that allocated most, as `function (file)` (transpiled sources carry no useful line) with their bytes per call, largest first. */
  sites: { site: string; bytesPerCall: number }[];
}

interface SamplingNode {
  callFrame: { functionName: string; url: string };
  selfSize: number;
  children: SamplingNode[];
}

/**
 * Where `call` allocates, sampled over `calls` calls after `warmup` calls. Only samples under the measured loop
 * count, so the inspector's own machinery (its promises, `post`) is left out.
 */
export async function allocationSites(call: () => void, calls = 1000, warmup = calls): Promise<Allocation> {
  for (let i = 0; i < warmup; i++) call();
  const session = new Session();
  session.connect();
  try {
    await session.post('HeapProfiler.enable');
    await session.post('HeapProfiler.startSampling', {
      samplingInterval: 8,
      includeObjectsCollectedByMajorGC: true,
      includeObjectsCollectedByMinorGC: true,
    });
    measured(call, calls);
    const { profile } = (await session.post('HeapProfiler.stopSampling')) as { profile: { head: SamplingNode } };
    const bySite = new Map<string, number>();
    const walk = (node: SamplingNode, inside: boolean): void => {
      const here = inside || node.callFrame.functionName === measured.name;
      if (here && node.selfSize > 0) {
        const { functionName, url } = node.callFrame;
        const site = `${functionName || '(anonymous)'} (${url.split('/').pop()})`;
        bySite.set(site, (bySite.get(site) ?? 0) + node.selfSize);
      }
      for (const child of node.children) walk(child, here);
    };
    walk(profile.head, false);
    const sites = [...bySite].map(([site, bytes]) => ({ site, bytesPerCall: bytes / calls })).sort((a, b) => b.bytesPerCall - a.bytesPerCall);
    const bytesPerCall = sites.reduce((sum, s) => sum + s.bytesPerCall, 0);
    return { calls, bytesPerCall, sites: sites.slice(0, 5) };
  } finally {
    await session.post('HeapProfiler.disable');
    session.disconnect();
  }
}

/** The measured loop, in a function of its own so that the profile's samples under it can be told apart. */
function measured(call: () => void, calls: number): void {
  for (let i = 0; i < calls; i++) call();
}

export interface HeapGrowth {
  steps: number;
  /** Growth of the used JS heap over the steps, in bytes per step (negative after a collection). */
  heapBytesPerStep: number;
  /** Growth of memory held by ArrayBuffers over the steps, in bytes per step. */
  arrayBufferBytesPerStep: number;
  /** Garbage collections (any kind) that ran during the measured steps; 0 for a step that allocates nothing. */
  collections: number;
  /** Whether a step allocates: a collection ran, ArrayBuffer memory grew (by a byte a step or more), or the heap grew by more than HEAP_NOISE_BYTES_PER_STEP. */
  allocates: boolean;
}

/** Above what compiling and re-optimizing leave on the heap (seen up to 5.3 bytes a step over 50,000), half the smallest object (16). */
export const HEAP_NOISE_BYTES_PER_STEP = 8;

function exposeGc(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

/**
 * Runs `call` `steps` times to warm up, then `rounds` times: a full collection and `steps` calls watching the heap.
 * The quietest round is kept: V8 may re-optimize the code during one round (a one-off of a few kilobytes), while
 * an allocation per step shows in every round.
 */
export async function heapGrowth(call: () => void, steps = 1000, rounds = 3): Promise<HeapGrowth> {
  const gc = exposeGc();
  for (let i = 0; i < steps; i++) call();
  let quietest: HeapGrowth | undefined;
  for (let round = 0; round < rounds; round++) {
    const growth = await measureRound(call, steps, gc);
    if (quietest === undefined || quietness(growth) < quietness(quietest)) quietest = growth;
  }
  return quietest!;
}

/** Orders rounds: fewer collections first, then less growth. */
const quietness = (g: HeapGrowth): number => g.collections * 1e9 + Math.max(g.heapBytesPerStep, 0) + Math.max(g.arrayBufferBytesPerStep, 0);

async function measureRound(call: () => void, steps: number, gc: () => void): Promise<HeapGrowth> {
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
  const allocates = collections > 0 || arrayBufferBytesPerStep >= 1 || heapBytesPerStep > HEAP_NOISE_BYTES_PER_STEP;
  return { steps, heapBytesPerStep, arrayBufferBytesPerStep, collections, allocates };
}
