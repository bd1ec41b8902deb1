/**
 * The worker threads' program for src/wasm/parallel-team.ts, as JavaScript text that the team starts with
 * `new Worker(WORKER_SOURCE, { eval: true })`.
 *
 * Why text and not a module file: a worker started from text needs no loader and no file beside the built code,
 * so the same team runs from dist/, from the TypeScript sources (vitest, tsx) and from a bundle. The program is
 * small and plain: it imports nothing of descent. Everything it needs arrives in workerData:
 *   module   the compiled shared-memory kernels (src/wasm/parallel-module.ts)
 *   control  a SharedArrayBuffer: the job (see the layout in parallel-team.ts) and the handshake words
 *   port     a MessagePort on which the team posts each new shared memory, { id, memory }, before its first job
 *   index    this thread's slice number (the main thread steps slice 0)
 *   mode     'atomics': block in Atomics.wait for the job counter to move, count down PENDING when done and wake
 *            the main thread with Atomics.notify; 'message': run a job on each 'run' message and answer 'done'.
 * A worker runs its slice of a job: the kernel on [from, to) bytes of every buffer (elementwise, so a slice's
 * result is the whole step's result on those elements, bit for bit). An error is posted as text on the port.
 */
export const WORKER_SOURCE = String.raw`
'use strict';
const { workerData, receiveMessageOnPort } = require('node:worker_threads');
const { module, control, port, index, mode } = workerData;
const ctl = new Int32Array(control);
const scalars = new Float64Array(control, ${512});
const SEQ = 0, PENDING = 1, KIND = 2, MEMORY = 3, FLAGS = 4, ERROR = 5, P = 6, G = 7, S0 = 8, S1 = 9, S2 = 10, SLICES = 16;
const QUIT = 5;
const instances = new Map();

function adopt(message) {
  instances.set(message.id, new WebAssembly.Instance(module, { env: { memory: message.memory } }).exports);
}

// The team posts a memory before the first job that uses it; in atomics mode it is read here, synchronously.
function kernelsFor(id) {
  while (!instances.has(id)) {
    const received = receiveMessageOnPort(port);
    if (received === undefined) throw new Error('no shared memory with id ' + id);
    adopt(received.message);
  }
  return instances.get(id);
}

function run() {
  const kind = ctl[KIND];
  const from = ctl[SLICES + 2 * index];
  const length = ctl[SLICES + 2 * index + 1] - from;
  if (length <= 0) return;
  const k = kernelsFor(ctl[MEMORY]);
  const flags = ctl[FLAGS];
  const s = scalars;
  if (kind === 0 || kind === 1) {
    (kind === 0 ? k.adam_f32 : k.adam_f64)(
      ctl[P] + from, ctl[G] + from, ctl[S0] + from, ctl[S1] + from, (flags & 2) !== 0 ? ctl[S2] + from : 0, length,
      s[0], s[1], s[2], s[3], s[4], s[5], s[6], s[7], s[8], s[9], s[10], flags);
  } else {
    (kind === 2 ? k.sgd_f32 : k.sgd_f64)(
      ctl[P] + from, ctl[G] + from, (flags & 2) !== 0 ? ctl[S0] + from : 0, length, s[0], s[1], s[2], s[3], flags);
  }
}

function runReporting() {
  try {
    run();
    return true;
  } catch (error) {
    Atomics.store(ctl, ERROR, 1);
    port.postMessage({ error: 'worker ' + index + ': ' + (error && error.message ? error.message : String(error)) });
    return false;
  }
}

if (mode === 'atomics') {
  let seen = 0;
  for (;;) {
    Atomics.wait(ctl, SEQ, seen);
    seen = Atomics.load(ctl, SEQ);
    if (ctl[KIND] === QUIT) break;
    runReporting();
    if (Atomics.sub(ctl, PENDING, 1) === 1) Atomics.notify(ctl, PENDING);
  }
  port.close();
} else {
  port.on('message', (message) => {
    if (message === 'run') {
      if (runReporting()) port.postMessage('done');
    } else if (message === 'quit') {
      port.close();
    } else {
      adopt(message);
    }
  });
}
`;
