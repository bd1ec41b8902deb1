/**
 * Checks every demo section's test makes of its result: the seed named, every claim holding with evidence, and
 * the figures present under the section's prefix with real image bytes.
 */
import { expect } from 'vitest';
import type { DemoSection, DemoSectionResult } from '../../../src/cli/demo/section.js';

const PNG = [0x89, 0x50, 0x4e, 0x47];
const GIF = [0x47, 0x49, 0x46, 0x38];

/** The bytes of a figure (or its twin), as a Uint8Array. */
export function bytes(data: string | Uint8Array | undefined): Uint8Array {
  expect(data, 'figure data').toBeDefined();
  return typeof data === 'string' ? new TextEncoder().encode(data) : (data as Uint8Array);
}

export function expectSeed(section: DemoSection, result: DemoSectionResult, seedFile: string): void {
  expect(section.seed).toContain(seedFile);
  expect(result.seed).toBe(section.seed);
  expect(result.title).toBe(section.title);
  expect(result.text?.split(/\.\s/).length).toBeGreaterThanOrEqual(2);
}

export function expectClaimsHold(result: DemoSectionResult, count: number): void {
  expect(result.claims).toHaveLength(count);
  for (const c of result.claims) {
    expect(c.holds, `${c.claim} — ${c.evidence}`).toBe(true);
    expect(c.evidence.length).toBeGreaterThan(10);
  }
}

/** The figure files are exactly `files` (in order), each starting with the id and carrying PNG/GIF bytes. */
export function expectFigures(result: DemoSectionResult, id: string, files: readonly string[]): void {
  const figures = result.figures ?? [];
  expect(figures.map((f) => f.file)).toEqual(files);
  for (const f of figures) {
    expect(f.file.startsWith(`${id}-`)).toBe(true);
    expect(f.alt.length).toBeGreaterThan(0);
    const b = bytes(f.data);
    expect(b.length).toBeGreaterThan(1000);
    const magic = Array.from(b.slice(0, 4));
    expect(magic).toEqual(f.file.endsWith('.gif') ? GIF : PNG);
  }
}
