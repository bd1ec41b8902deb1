/**
 * Golden snapshots of SVG pictures, as d3-contour and Observable Plot test theirs: the output is compared as text
 * with test/snapshots/NAME.svg. On a mismatch the new output is written beside it as NAME-changed.svg (open both
 * to see what moved) and the test fails. A golden is written only when UPDATE_SNAPSHOTS=1 is set, and never when
 * CI is set: a missing golden fails rather than being created silently.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

export const SNAPSHOTS = join(dirname(fileURLToPath(import.meta.url)), '..', 'snapshots');

export function expectSnapshot(name: string, svg: string): void {
  const golden = join(SNAPSHOTS, `${name}.svg`);
  const changed = join(SNAPSHOTS, `${name}-changed.svg`);
  const update = process.env.UPDATE_SNAPSHOTS === '1';
  if (update && process.env.CI) throw new Error('snapshots: UPDATE_SNAPSHOTS is refused under CI; goldens are made by hand');
  if (update) {
    mkdirSync(SNAPSHOTS, { recursive: true });
    writeFileSync(golden, svg);
    rmSync(changed, { force: true });
    return;
  }
  if (!existsSync(golden)) {
    expect.fail(`snapshots: ${golden} is missing; run UPDATE_SNAPSHOTS=1 npx vitest run test/viz to create it, then look at it`);
  }
  if (readFileSync(golden, 'utf8') === svg) {
    rmSync(changed, { force: true });
    return;
  }
  writeFileSync(changed, svg);
  expect.fail(`snapshots: ${name}.svg differs from the golden; the new output is in ${changed}`);
}
