/**
 * The README's TypeScript examples are run as written (importing the package from src/), and every
 * `console.log(...); // → text` line must print exactly `text`.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const blocks = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]);
const outDir = new URL('./.readme/', import.meta.url);
const index = new URL('../../src/index.js', import.meta.url).pathname;

describe('README examples', () => {
  it('has examples to run', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(3);
  });

  blocks.forEach((code, i) => {
    it(`example ${i + 1} runs and prints what it says`, async () => {
      const expected = [...code.matchAll(/console\.log\(.*\);\s*\/\/ → (.*)$/gm)].map((m) => m[1]);
      const source = [
        "import { format as __format } from 'node:util';",
        'export const __out: string[] = [];',
        'const __log = (...args: unknown[]) => { __out.push(__format(...args)); };',
        code.replaceAll("from 'descent'", `from '${index}'`).replaceAll('console.log(', '__log('),
      ].join('\n');
      mkdirSync(outDir, { recursive: true });
      const file = new URL(`example-${i + 1}.ts`, outDir);
      writeFileSync(file, source);
      const module = (await import(file.pathname)) as { __out: string[] };
      expect(module.__out).toEqual(expected);
    });
  });
});
