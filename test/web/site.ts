/**
 * The site under test: serving a folder on a free localhost port (sirv on node:http), and building the playground
 * once per test run. `npm run build:web` writes dist-web/; the first caller of a run builds it under a lock shared by
 * every vitest worker and every concurrent run in this tree, then copies it to test/web/.artifacts/site/<run>/ so a
 * later build by someone else cannot change the files while this run's pages load them.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import sirv from 'sirv';
import { acquireLock } from './lock.js';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const ARTIFACTS = join(ROOT, 'test/web/.artifacts');
export const FIXTURES = join(ROOT, 'test/web/fixtures');

/** Serves `dir` on a free port of 127.0.0.1; answers 404 for anything missing. */
export async function serve(dir: string): Promise<{ server: Server; baseUrl: string }> {
  if (!existsSync(dir)) throw new Error(`harness: nothing to serve, ${dir} does not exist`);
  const files = sirv(dir, { dev: true, etag: false, dotfiles: false });
  const server = createServer((req, res) =>
    files(req, res, () => {
      res.statusCode = 404;
      res.end('not found');
    }),
  );
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return { server, baseUrl: `http://127.0.0.1:${port}/` };
}

/**
 * The playground built for this test run: the first caller builds it with `npm run build:web` under a lock and copies
 * dist-web/ to test/web/.artifacts/site/<run>/; later callers (other files, other workers) reuse the copy.
 */
export function builtSite(run: string): string {
  const snapshot = join(ARTIFACTS, 'site', run);
  const done = join(snapshot, '.complete');
  if (existsSync(done)) return snapshot;
  const release = acquireLock(join(ARTIFACTS, 'build.lock'), 170_000);
  try {
    if (existsSync(done)) return snapshot;
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts?: Record<string, string> };
    if (!pkg.scripts?.['build:web']) throw new Error('harness: package.json has no "build:web" script, so the playground (web/) cannot be built');
    const started = Date.now();
    const build = spawnSync('npm', ['run', 'build:web'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 << 20 });
    if (build.status !== 0) {
      throw new Error(`harness: \`npm run build:web\` failed (exit ${build.status}):\n${`${build.stdout}\n${build.stderr}`.slice(-4000)}`);
    }
    const dist = join(ROOT, 'dist-web');
    if (!existsSync(join(dist, 'index.html'))) throw new Error('harness: `npm run build:web` wrote no dist-web/index.html');
    rmSync(snapshot, { recursive: true, force: true });
    cpSync(dist, snapshot, { recursive: true });
    writeFileSync(done, `built in ${Date.now() - started} ms\n`);
    process.stderr.write(`[descent] built the playground for the browser tests (npm run build:web) in ${Date.now() - started} ms\n`);
    return snapshot;
  } finally {
    release();
  }
}

/** Removes this run's site snapshot and snapshots left over from runs older than an hour. */
export function cleanSnapshots(run?: string): void {
  const dir = join(ARTIFACTS, 'site');
  if (!existsSync(dir)) return;
  if (run) rmSync(join(dir, run), { recursive: true, force: true });
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (Date.now() - statSync(path).mtimeMs > 3_600_000) rmSync(path, { recursive: true, force: true });
  }
}
