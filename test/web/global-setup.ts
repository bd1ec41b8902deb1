/**
 * vitest's global setup for the browser tests: gives the run an id (the harness builds the site once per id), prints
 * how to install Chromium when it is missing (the browser tests then fail with the same words), and removes this run's
 * copy of the site at the end. It does no browser work itself, so runs without browser tests cost nothing.
 */
import { existsSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { CHROMIUM, INSTALL_HINT } from './chromium.js';
import { cleanSnapshots } from './site.js';

declare module 'vitest' {
  export interface ProvidedContext {
    descentWebRun: string;
  }
}

export default function setup(project: TestProject): () => void {
  const run = `run-${process.pid}-${Date.now()}`;
  project.provide('descentWebRun', run);
  const hint = (): void => {
    if (!existsSync(CHROMIUM)) process.stderr.write(`\n[descent] ${INSTALL_HINT}\n\n`);
  };
  hint();
  return () => {
    cleanSnapshots(run);
    hint();
  };
}
