/**
 * A step team: the main thread and `threads − 1` worker threads that split one optimizer step of a large
 * parameter into slices and run the same WebAssembly kernel on each, over one shared WebAssembly.Memory.
 *
 * - Memory: each parameter made by `team.parameter(...)` gets a shared memory of its own (fixed size, never
 *   grows) holding θ, g and room for the optimizer's state; each thread has its own instance of the kernels over
 *   it. The memory is posted to the workers once, when the parameter is made.
 * - A job is written into a small shared control block (below): kernel, byte offsets of the buffers, flags, the
 *   step's scalars and each thread's slice [from, to). Slices are whole 16-byte vectors, so no two threads touch
 *   the same vector and every slice starts aligned; the padding lanes at the end compute on zeros as ever.
 * - Synchronisation, two ways (`sync`): 'atomics' (default) bumps a job counter and wakes the workers with
 *   Atomics.notify; the main thread steps slice 0, then sleeps in Atomics.wait until the last worker counts
 *   PENDING down to zero — a synchronous step, as the optimizers need. 'message' posts 'run' to each worker and
 *   awaits their 'done' (one message round trip; asynchronous: `adamAsync` / `sgdAsync` only).
 * - Below `minLength` elements a step runs on the main thread alone (still in shared memory): waking threads
 *   costs more than it saves on small buffers. bench/parallel.ts measures the break-even (src/wasm/README.md).
 * Node-only (node:worker_threads, Atomics.wait on the main thread); opt-in, never imported by the default path.
 */
import { availableParallelism } from 'node:os';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import { fail, show } from '../core/errors.js';
import type { DType, FloatArray } from '../core/float-array.js';
import { Parameter } from '../core/parameter.js';
import { paddedBytes } from './memory.js';
import type { KernelExports } from './module.js';
import { instantiateShared, newSharedMemory, sharedKernelModule, type SharedMemory } from './parallel-module.js';
import { WORKER_SOURCE } from './parallel-worker.js';
import type { AdamScalars, SGDScalars } from './steps.js';

// Control block: Int32 words, then Float64 scalars from byte 512 (the worker program uses the same layout).
const SEQ = 0, PENDING = 1, KIND = 2, MEMORY = 3, FLAGS = 4, ERROR = 5, P = 6, G = 7, S0 = 8, S1 = 9, S2 = 10, SLICES = 16;
const SCALARS_AT = 512;
const QUIT = 5;
const MAX_THREADS = (SCALARS_AT / 4 - SLICES) / 2;
const WAIT_LIMIT_MS = 60_000;

/** Elements below which a step stays on the main thread: the break-even of bench/parallel.ts (src/wasm/README.md). */
export const DEFAULT_MIN_LENGTH = 2 ** 17;

export interface TeamOptions {
  /** Threads in all, the main thread included (default: os.availableParallelism()). */
  threads?: number;
  /** How the main thread hands out a job and learns it is done (default 'atomics'). */
  sync?: 'atomics' | 'message';
  /** Parameters shorter than this step on the main thread alone (default DEFAULT_MIN_LENGTH). */
  minLength?: number;
}

/** One parameter's shared memory: a bump allocator of 16-byte-aligned, padded buffers. */
class Block {
  private used = 0;
  readonly views = new WeakSet<FloatArray>();
  constructor(readonly id: number, readonly memory: SharedMemory, readonly kernels: KernelExports, readonly capacity: number) {}

  alloc(dtype: DType, n: number): FloatArray | null {
    const bytes = paddedBytes(n, dtype);
    if (bytes > this.capacity - this.used) return null;
    const view = dtype === 'float32' ? new Float32Array(this.memory.buffer, this.used, n) : new Float64Array(this.memory.buffer, this.used, n);
    this.used += bytes;
    this.views.add(view);
    return view;
  }
}

export class StepTeam {
  readonly threads: number;
  readonly sync: 'atomics' | 'message';
  readonly minLength: number;
  private readonly ctl: Int32Array;
  private readonly scalars: Float64Array;
  private readonly blocks = new WeakMap<ArrayBufferLike, Block>();
  private nextId = 1;
  /** The memory of the job loaded now (the main thread's kernels for slice 0). */
  private jobBlock: Block | undefined;
  private closed = false;

  private constructor(options: Required<TeamOptions>, private readonly workers: Worker[], private readonly ports: MessagePort[], control: SharedArrayBuffer) {
    this.threads = options.threads;
    this.sync = options.sync;
    this.minLength = options.minLength;
    this.ctl = new Int32Array(control);
    this.scalars = new Float64Array(control, SCALARS_AT);
  }

  /** Starts the worker threads and resolves when all run. */
  static async create(options: TeamOptions = {}): Promise<StepTeam> {
    const threads = options.threads ?? availableParallelism();
    if (!(Number.isInteger(threads) && threads >= 1 && threads <= MAX_THREADS)) fail('StepTeam', `threads must be an integer from 1 to ${MAX_THREADS}, got ${show(threads)}`);
    const sync = options.sync ?? 'atomics';
    if (sync !== 'atomics' && sync !== 'message') fail('StepTeam', `sync must be "atomics" or "message", got ${show(sync)}`);
    const minLength = options.minLength ?? DEFAULT_MIN_LENGTH;
    if (!(Number.isInteger(minLength) && minLength >= 0)) fail('StepTeam', `minLength must be a non-negative integer, got ${show(minLength)}`);
    const module = sharedKernelModule();
    const control = new SharedArrayBuffer(SCALARS_AT + 16 * 8);
    const workers: Worker[] = [];
    const ports: MessagePort[] = [];
    for (let index = 1; index < threads; index++) {
      const { port1, port2 } = new MessageChannel();
      const worker = new Worker(WORKER_SOURCE, { eval: true, execArgv: [], workerData: { module, control, port: port2, index, mode: sync }, transferList: [port2] });
      workers.push(worker);
      ports.push(port1);
    }
    await Promise.all(workers.map((w) => new Promise<void>((resolve, reject) => { w.once('online', resolve); w.once('error', reject); })));
    // A forgotten team does not keep the process alive; a message step refs its ports while it waits.
    for (const w of workers) w.unref();
    for (const port of ports) port.unref();
    return new StepTeam({ threads, sync, minLength }, workers, ports, control);
  }

  /**
   * A Parameter of `init.length` elements (copied) or `init` zeros whose data and grad live in a new shared
   * memory with room for `stateBuffers` optimizer buffers (default 3: Adam with amsgrad). The rule: write into
   * `p.data` and `p.grad`, never replace them; a replaced array steps on one thread, through the wasm path.
   */
  parameter(init: number | FloatArray, options: { dtype?: DType; stateBuffers?: number; name?: string } = {}): Parameter {
    if (this.closed) fail('StepTeam', 'the team is closed');
    const dtype: DType = typeof init === 'number' ? (options.dtype ?? 'float32') : init instanceof Float32Array ? 'float32' : 'float64';
    const n = typeof init === 'number' ? init : init.length;
    if (!(Number.isInteger(n) && n >= 0)) fail('StepTeam.parameter', `length must be a non-negative integer, got ${show(n)}`);
    const stateBuffers = options.stateBuffers ?? 3;
    if (!(Number.isInteger(stateBuffers) && stateBuffers >= 0)) fail('StepTeam.parameter', `stateBuffers must be a non-negative integer, got ${show(stateBuffers)}`);
    const capacity = (2 + stateBuffers) * paddedBytes(n, dtype);
    const memory = newSharedMemory(capacity);
    const block = new Block(this.nextId++, memory, instantiateShared(memory) as KernelExports, capacity);
    this.blocks.set(memory.buffer, block);
    // FIFO per port: each worker adopts the memory before any job that names it.
    for (const port of this.ports) port.postMessage({ id: block.id, memory });
    const data = block.alloc(dtype, n)!;
    const grad = block.alloc(dtype, n)!;
    if (typeof init !== 'number') data.set(init);
    return new Parameter<FloatArray>(data, { grad, ...(options.name === undefined ? {} : { name: options.name }) });
  }

  /** The block that allocated `array` as a whole buffer, if any. */
  private blockOf(array: FloatArray | null | undefined): Block | undefined {
    if (array == null) return undefined;
    const block = this.blocks.get(array.buffer);
    return block !== undefined && block.views.has(array) ? block : undefined;
  }

  /** Whether θ and g were made by this team's `parameter` (so a step can run here). */
  holds(theta: FloatArray, grad: FloatArray): boolean {
    const block = this.blockOf(theta);
    return block !== undefined && this.blockOf(grad) === block;
  }

  /** `state` in θ's memory: itself if already there, else a copy in a fresh buffer; null if there is no room. */
  adopt(theta: FloatArray, state: FloatArray): FloatArray | null {
    const block = this.blockOf(theta);
    if (block === undefined) return null;
    if (this.blockOf(state) === block) return state;
    const view = block.alloc(theta instanceof Float32Array ? 'float32' : 'float64', state.length);
    view?.set(state);
    return view;
  }

  /** Writes an Adam job (flags and scalars as src/wasm/steps.ts computes them). */
  private loadAdam(theta: FloatArray, grad: FloatArray, m: FloatArray, v: FloatArray, vMax: FloatArray | null, s: AdamScalars): void {
    const flags = (s.maximize ? 1 : 0) | (vMax !== null ? 2 : 0) | (s.l2 !== 0 ? 4 : 0) | (s.shrink !== 1 ? 8 : 0) | (s.epsRoot !== 0 ? 16 : 0);
    this.load(theta instanceof Float32Array ? 0 : 1, theta, grad, m, v, vMax, flags);
    const c = this.scalars;
    c[0] = s.beta1; c[1] = 1 - s.beta1; c[2] = s.beta2; c[3] = 1 - s.beta2; c[4] = s.eps; c[5] = s.epsRoot;
    c[6] = s.l2; c[7] = s.shrink; c[8] = -s.stepSize; c[9] = s.bc2; c[10] = s.bc2Sqrt;
  }

  private loadSGD(theta: FloatArray, grad: FloatArray, buf: FloatArray | null, first: boolean, o: SGDScalars): void {
    const hasBuffer = o.momentum !== 0 && buf !== null;
    const flags = (o.maximize ? 1 : 0) | (hasBuffer ? 2 : 0) | (first ? 4 : 0) | (o.nesterov ? 8 : 0) | (o.weightDecay !== 0 ? 16 : 0);
    this.load(theta instanceof Float32Array ? 2 : 3, theta, grad, buf, null, null, flags);
    const c = this.scalars;
    c[0] = -o.lr; c[1] = o.momentum; c[2] = 1 - o.dampening; c[3] = o.weightDecay;
  }

  /** The job's kernel, buffers and slices: whole 16-byte vectors, split evenly over the threads that take part. */
  private load(kind: number, theta: FloatArray, grad: FloatArray, s0: FloatArray | null, s1: FloatArray | null, s2: FloatArray | null, flags: number): void {
    if (this.closed) fail('StepTeam', 'the team is closed');
    const block = this.blockOf(theta);
    for (const b of [grad, s0, s1, s2]) {
      if (b !== null && (block === undefined || this.blockOf(b) !== block)) fail('StepTeam', 'every buffer of a step must live in the memory of one team.parameter(...)');
    }
    const ctl = this.ctl;
    this.jobBlock = block;
    ctl[KIND] = kind; ctl[MEMORY] = block!.id; ctl[FLAGS] = flags;
    ctl[P] = theta.byteOffset; ctl[G] = grad.byteOffset; ctl[S0] = s0?.byteOffset ?? 0; ctl[S1] = s1?.byteOffset ?? 0; ctl[S2] = s2?.byteOffset ?? 0;
    const vectors = paddedBytes(theta.length, kind % 2 === 0 ? 'float32' : 'float64') / 16;
    const used = theta.length < this.minLength ? 1 : this.threads;
    const per = Math.ceil(vectors / used);
    for (let k = 0; k < this.threads; k++) {
      ctl[SLICES + 2 * k] = Math.min(k * per, vectors) * 16;
      ctl[SLICES + 2 * k + 1] = k < used ? Math.min((k + 1) * per, vectors) * 16 : 0;
    }
  }

  /** Slice 0, on the main thread: the same call the worker program makes. */
  private runMain(): void {
    const ctl = this.ctl, s = this.scalars, kind = ctl[KIND], flags = ctl[FLAGS];
    const from = ctl[SLICES], length = ctl[SLICES + 1] - from;
    if (length <= 0) return;
    const k = this.jobBlock!.kernels;
    if (kind < 2) {
      (kind === 0 ? k.adam_f32 : k.adam_f64)(ctl[P] + from, ctl[G] + from, ctl[S0] + from, ctl[S1] + from, (flags & 2) !== 0 ? ctl[S2] + from : 0, length,
        s[0], s[1], s[2], s[3], s[4], s[5], s[6], s[7], s[8], s[9], s[10], flags);
    } else {
      (kind === 2 ? k.sgd_f32 : k.sgd_f64)(ctl[P] + from, ctl[G] + from, (flags & 2) !== 0 ? ctl[S0] + from : 0, length, s[0], s[1], s[2], s[3], flags);
    }
  }

  /** Whether this job wakes the workers (they sit out jobs below minLength). */
  private get spread(): boolean {
    return this.threads > 1 && this.ctl[SLICES + 3] > this.ctl[SLICES + 2];
  }

  private runAtomics(): void {
    if (this.sync !== 'atomics') fail('StepTeam', 'a team with sync "message" steps through adamAsync / sgdAsync');
    if (!this.spread) return this.runMain();
    const ctl = this.ctl;
    Atomics.store(ctl, PENDING, this.threads - 1);
    Atomics.add(ctl, SEQ, 1);
    Atomics.notify(ctl, SEQ);
    this.runMain();
    for (let left = Atomics.load(ctl, PENDING); left !== 0; left = Atomics.load(ctl, PENDING)) {
      // A dead worker would leave the main thread asleep for ever: fail loudly instead.
      if (Atomics.wait(ctl, PENDING, left, WAIT_LIMIT_MS) === 'timed-out') throw new Error(`StepTeam: a worker did not finish its slice within ${WAIT_LIMIT_MS / 1000} s`);
    }
    if (ctl[ERROR] !== 0) this.raise();
  }

  private async runMessages(): Promise<void> {
    if (this.sync !== 'message') fail('StepTeam', 'a team with sync "atomics" steps through adam / sgd');
    if (!this.spread) return this.runMain();
    const done = this.ports.map((port) => new Promise<unknown>((resolve) => port.once('message', resolve)));
    for (const port of this.ports) {
      port.ref();
      port.postMessage('run');
    }
    this.runMain();
    const answers = await Promise.all(done);
    for (const port of this.ports) port.unref();
    const error = answers.find((a): a is { error: string } => typeof a === 'object' && a !== null && 'error' in a);
    if (error !== undefined) throw new Error(`StepTeam: ${error.error}`);
  }

  private raise(): never {
    const messages = this.ports.map((port) => receiveMessageOnPort(port)?.message as { error?: string } | undefined).filter((m) => m?.error !== undefined);
    this.ctl[ERROR] = 0;
    throw new Error(`StepTeam: ${messages.map((m) => m!.error).join('; ') || 'a worker failed'}`);
  }

  /** One Adam / AdamW step over θ, g, m, v (and v̂max) of one team parameter, on all threads; synchronous. */
  adam(theta: FloatArray, grad: FloatArray, m: FloatArray, v: FloatArray, vMax: FloatArray | null, s: AdamScalars): void {
    this.loadAdam(theta, grad, m, v, vMax, s);
    this.runAtomics();
  }

  adamAsync(theta: FloatArray, grad: FloatArray, m: FloatArray, v: FloatArray, vMax: FloatArray | null, s: AdamScalars): Promise<void> {
    this.loadAdam(theta, grad, m, v, vMax, s);
    return this.runMessages();
  }

  /** One SGD step (`buf` null without momentum; `first`: the buffer starts at g), on all threads; synchronous. */
  sgd(theta: FloatArray, grad: FloatArray, buf: FloatArray | null, first: boolean, o: SGDScalars): void {
    this.loadSGD(theta, grad, buf, first, o);
    this.runAtomics();
  }

  sgdAsync(theta: FloatArray, grad: FloatArray, buf: FloatArray | null, first: boolean, o: SGDScalars): Promise<void> {
    this.loadSGD(theta, grad, buf, first, o);
    return this.runMessages();
  }

  /** Stops the workers. The team's parameters stay valid arrays; they can no longer step here. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.sync === 'atomics') {
      this.ctl[KIND] = QUIT;
      Atomics.add(this.ctl, SEQ, 1);
      Atomics.notify(this.ctl, SEQ);
    } else {
      for (const port of this.ports) port.postMessage('quit');
    }
    await Promise.all(this.workers.map((w) => w.terminate()));
    for (const port of this.ports) port.close();
  }
}
