/**
 * A pool of worker threads (tinypool) that runs tasks of one worker module. `workers` defaults to the machine's
 * available parallelism. The worker module is named next to the caller's own file (`new URL('./sweep-worker.js',
 * import.meta.url)`), so the pool works from the built dist/ and from the TypeScript sources alike: when the
 * module is a .ts file (under vitest or tsx), the threads start in ts-worker.mjs, which registers tsx's loader and
 * then imports it — Node 20 ignores `--import` in a worker's execArgv, so the loader cannot be passed that way.
 *
 * Node-only (node:os, worker threads).
 */
import { availableParallelism } from 'node:os';
import Tinypool from 'tinypool';
import { fail, show } from '../core/errors.js';

export interface PoolOptions {
  /** Threads; default: os.availableParallelism(). */
  workers?: number;
}

export interface Pool<T, R> {
  readonly workers: number;
  run(task: T): Promise<R>;
  destroy(): Promise<void>;
}

/** The number of workers asked for, checked; the default when none is given. */
export function workerCount(workers: number | undefined): number {
  if (workers === undefined) return availableParallelism();
  if (!(Number.isInteger(workers) && workers >= 1)) fail('pool', `workers must be an integer >= 1, got ${show(workers)}`);
  return workers;
}

/** The URL of the worker module named `name` (without extension) beside `base`, in the same language as `base`. */
export function workerUrl(name: string, base: string): URL {
  return new URL(`./${name}${base.endsWith('.ts') ? '.ts' : '.js'}`, base);
}

export function createPool<T, R>(worker: URL, options: PoolOptions = {}): Pool<T, R> {
  const workers = workerCount(options.workers);
  const fromSource = worker.pathname.endsWith('.ts');
  const pool = new Tinypool({
    filename: fromSource ? new URL('./ts-worker.mjs', import.meta.url).href : worker.href,
    ...(fromSource ? { workerData: { file: worker.href } } : {}),
    minThreads: workers,
    maxThreads: workers,
    // Each thread keeps its state (compiled objectives) from task to task.
    isolateWorkers: false,
  });
  return {
    workers,
    run: (task: T) => pool.run(task) as Promise<R>,
    destroy: () => pool.destroy(),
  };
}
