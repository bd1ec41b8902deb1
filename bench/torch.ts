/**
 * Runs a bench/*.py script under the system Python that has PyTorch 1.13 (/usr/bin/python3, not whatever
 * `python3` is first on the PATH), sends it a JSON request on stdin and parses the JSON it prints.
 * When Python or torch is missing the answer is `{ skipped: reason }`, and the benchmark prints its other
 * columns alone. Each call is a fresh process, so one case's allocator state never leaks into the next.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const PYTHON = process.env.DESCENT_BENCH_PYTHON ?? '/usr/bin/python3';

export type TorchAnswer<T> = { ok: T } | { skipped: string };

/**
 * `env` adds to (or overrides) this process's environment for the child only; variables that a library reads
 * once at start-up, such as glibc's MALLOC_MMAP_THRESHOLD_, can be set no other way.
 */
export function runTorchScript<T>(script: string, request: unknown, env: Record<string, string> = {}): TorchAnswer<T> {
  const path = fileURLToPath(new URL(script, import.meta.url));
  const child = spawnSync(PYTHON, [path], {
    input: JSON.stringify(request), encoding: 'utf8', maxBuffer: 1 << 24, env: { ...process.env, ...env },
  });
  if (child.error !== undefined) return { skipped: `${PYTHON} could not be started: ${child.error.message}` };
  if (child.status !== 0) throw new Error(`${script} exited with ${child.status}:\n${child.stderr}`);
  const answer = JSON.parse(child.stdout) as T | { skipped: string };
  return typeof answer === 'object' && answer !== null && 'skipped' in answer ? answer : { ok: answer };
}
