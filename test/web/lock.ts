/**
 * A lock between processes (vitest workers, and other people's test runs in the same tree): a directory made with
 * mkdir, which is atomic, holding the owner's pid. A lock whose owner has died, or older than `staleMs`, is broken.
 */
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const pause = new Int32Array(new SharedArrayBuffer(4));

/** Whether the process that wrote the lock is gone (a killed test run leaves its lock behind). */
function ownerDead(path: string): boolean {
  let pid: number;
  try {
    pid = Number(readFileSync(join(path, 'owner'), 'utf8'));
  } catch {
    return false; // not written yet: the owner is between mkdir and writeFile
  }
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/** Blocks until the lock at `path` is ours; returns the function that releases it. */
export function acquireLock(path: string, staleMs: number, timeoutMs = staleMs + 30_000): () => void {
  mkdirSync(dirname(path), { recursive: true });
  const started = Date.now();
  for (;;) {
    try {
      mkdirSync(path);
      writeFileSync(join(path, 'owner'), String(process.pid));
      return () => rmSync(path, { recursive: true, force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    let age = 0;
    try {
      age = Date.now() - statSync(path).mtimeMs;
    } catch {
      continue; // released between our mkdir and stat: try again at once
    }
    if (age > staleMs || ownerDead(path)) rmSync(path, { recursive: true, force: true });
    else if (Date.now() - started > timeoutMs) throw new Error(`lock: ${path} still held after ${timeoutMs} ms`);
    else Atomics.wait(pause, 0, 0, 100); // sleep 100 ms without spinning
  }
}
