/** Running the built command line (dist/cli/main.js; `npm test` builds first) as a user does, in a chosen folder. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';

export const bin = new URL('../../dist/cli/main.js', import.meta.url).pathname;

export interface Spawned {
  code: number | null;
  out: string;
  err: string;
  /** Wall time of the whole process, start-up included. */
  ms: number;
}

export function descentIn(cwd: string | undefined, ...args: string[]): Spawned {
  const started = performance.now();
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', ...(cwd ? { cwd } : {}) });
  return { code: r.status, out: r.stdout, err: r.stderr, ms: performance.now() - started };
}

/** A fresh temporary folder for each test of the file, removed after it; read `.path` inside a test. */
export function freshFolderEachTest(prefix: string): { path: string } {
  const folder = { path: '' };
  beforeEach(() => {
    folder.path = mkdtempSync(join(tmpdir(), prefix));
  });
  afterEach(() => {
    rmSync(folder.path, { recursive: true, force: true });
  });
  return folder;
}
