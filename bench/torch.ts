/**
 * Runs a bench/*.py script under the system Python that has PyTorch 1.13 (/usr/bin/python3, not whatever
 * `python3` is first on the PATH), sends it a JSON request on stdin and parses the JSON it prints.
 * When Python or torch is missing the answer is `{ skipped: reason }`, and the benchmark prints its other
 * columns alone.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const PYTHON = process.env.DESCENT_BENCH_PYTHON ?? '/usr/bin/python3';

export type TorchAnswer<T> = { ok: T } | { skipped: string };

export function runTorchScript<T>(script: string, request: unknown): TorchAnswer<T> {
  const path = fileURLToPath(new URL(script, import.meta.url));
  const child = spawnSync(PYTHON, [path], { input: JSON.stringify(request), encoding: 'utf8', maxBuffer: 1 << 24 });
  if (child.error !== undefined) return { skipped: `${PYTHON} could not be started: ${child.error.message}` };
  if (child.status !== 0) throw new Error(`${script} exited with ${child.status}:\n${child.stderr}`);
  const answer = JSON.parse(child.stdout) as T | { skipped: string };
  return typeof answer === 'object' && answer !== null && 'skipped' in answer ? answer : { ok: answer };
}
