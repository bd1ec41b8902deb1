/** The build lock between processes: exclusive while held, free once released, broken when its owner has died. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { acquireLock } from './lock.js';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
const scratch = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'descent-lock-'));
  dirs.push(dir);
  return join(dir, 'build.lock');
};

describe('acquireLock', () => {
  it('is exclusive while held and free once released', () => {
    const path = scratch();
    const release = acquireLock(path, 60_000);
    expect(() => acquireLock(path, 60_000, 300)).toThrow(/still held after 300 ms/);
    release();
    acquireLock(path, 60_000, 300)();
  });

  it('breaks a lock whose owner process is gone', () => {
    const path = scratch();
    mkdirSync(path);
    writeFileSync(join(path, 'owner'), '2147483646'); // no such pid
    acquireLock(path, 60_000, 300)();
  });
});
