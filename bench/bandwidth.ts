/**
 * The memory-bandwidth floor: no step that streams its buffers through memory once can beat the time a
 * native copy needs to move the same number of bytes. A copy of arrays far larger than the last-level cache
 * (`dst.set(src)` is a memmove in V8) measures what this machine's memory delivers to one thread, and
 * `floorMs` turns that into the least time a step that moves `bytes` can take.
 */
import { timePerCall, type Timing } from './timing.js';

export interface Bandwidth {
  /** Size of each of the two arrays, in bytes. */
  arrayBytes: number;
  /** Bytes counted per copy: each byte read once and written once. */
  bytesPerCopy: number;
  /** Median bandwidth, in GB/s (1 GB = 1e9 bytes). */
  gbPerS: number;
  timing: Timing;
}

/**
 * Bandwidth of `dst.set(src)` on two Float64Arrays of `arrayBytes` bytes each, counting read + write bytes.
 * Convention: the write-allocate read of `dst` that plain stores would add is not counted; large copies use
 * streaming stores that skip it, and the optimizer steps read every buffer they write, so they pay none either.
 */
export function copyBandwidth(arrayBytes = 2 ** 27, repeats = 9): Bandwidth {
  const n = arrayBytes / Float64Array.BYTES_PER_ELEMENT;
  const src = new Float64Array(n).fill(1); // fill both so that page faults happen here, not in the timed copies
  const dst = new Float64Array(n).fill(2);
  const timing = timePerCall(() => dst.set(src), { warmup: 2, steps: 1, repeats });
  const bytesPerCopy = 2 * arrayBytes;
  return { arrayBytes, bytesPerCopy, gbPerS: gbPerS(bytesPerCopy, timing.medianMs), timing };
}

/** Throughput in GB/s of moving `bytes` in `ms` milliseconds. */
export function gbPerS(bytes: number, ms: number): number {
  return bytes / (ms * 1e6);
}

/** The least time, in milliseconds, that moving `bytes` takes at `bandwidth` GB/s. */
export function floorMs(bytes: number, bandwidth: number): number {
  return bytes / (bandwidth * 1e6);
}
