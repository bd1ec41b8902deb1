/**
 * `descent demo`, spawned as the README's first line runs it: the whole report on its defaults, then the flags.
 * The sections' own numbers and claims are tested in test/cli/demo/; here: the command, the folder it writes, and
 * that the report holds every section, every picture it references, and the notebook's numbers.
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { surprisingClaims } from '../../src/cli/demo.js';
import { claim } from '../../src/cli/demo/claim.js';
import { demoSections } from '../../src/cli/demo/sections.js';
import { decodeGif, decodePng } from '../viz/decode.js';

import { descentIn } from './spawn.js';

const descent = descentIn;

describe('descent demo', () => {
  let cwd: string;
  let run: ReturnType<typeof descent>;
  let html: string;
  beforeAll(() => {
    cwd = mkdtempSync(join(tmpdir(), 'descent-demo-'));
    run = descent(cwd, 'demo');
    html = existsSync(join(cwd, 'descent-out/demo/index.html')) ? readFileSync(join(cwd, 'descent-out/demo/index.html'), 'utf8') : '';
  }, 120_000);

  it('runs on its defaults, exits 0, and says where the report is', () => {
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    expect(run.out).toMatch(new RegExp(`^report: descent-out/demo/index\\.html \\(open it in a browser; ${demoSections.length} sections, [\\d.]+ s\\)$`, 'm'));
  });

  it('prints one row per section and every claim with its mark; a claim the numbers refute says why', () => {
    for (const s of demoSections) expect(run.out).toContain(`✓ ${s.id}: `);
    const held = run.out.split('\n').filter((l) => l.startsWith('✓ '));
    const refuted = run.out.split('\n').filter((l) => l.startsWith('✗ '));
    expect(held.length).toBeGreaterThanOrEqual(demoSections.length * 2);
    // Exit code 0 (above) means every refuted claim was expected to be; each shows its evidence.
    for (const line of refuted) expect(line).toMatch(/ — does not hold: .{20,}/);
  });

  it('the report has every section with its seed, and lists every claim as holding', () => {
    const titles = [...html.matchAll(/<h2>(.*?)<\/h2>/g)].map((m) => m[1]);
    expect(titles.length).toBe(demoSections.length + 2); // the overview, the sections, the configuration
    for (const file of ['000_1765f82dc8c352f6.txt', '001_25e225063cee466c.txt', '002_e420e36ddf3d36e0.txt', '003_673ddad77e31dcee.txt', '004_7f63b3a9c51eadea.txt']) {
      expect(html, `a section from ${file}`).toContain(file);
    }
    expect((html.match(/class="holds"/g) ?? []).length).toBe(run.out.split('\n').filter((l) => l.startsWith('✓ ')).length);
    expect((html.match(/class="fails"/g) ?? []).length).toBe(run.out.split('\n').filter((l) => l.startsWith('✗ ')).length);
  });

  it('every picture the report references is in the folder and decodes; the GIFs animate', () => {
    const dir = join(cwd, 'descent-out/demo');
    const sources = [...html.matchAll(/<img src="([^"]+)"/g)].map((m) => decodeURI(m[1]));
    expect(sources.length).toBeGreaterThanOrEqual(30);
    for (const file of sources) {
      const bytes = new Uint8Array(readFileSync(join(dir, file)));
      if (file.endsWith('.png')) {
        const png = decodePng(bytes);
        expect(png.width * png.height, file).toBeGreaterThan(100_000);
      } else if (file.endsWith('.gif')) {
        const { frames } = decodeGif(bytes);
        expect(frames.length, file).toBeGreaterThan(10);
        expect(bytes.length, file).toBeLessThan(2_000_000);
      } else {
        throw new Error(`unexpected picture ${file}`);
      }
    }
    const gifs = readdirSync(dir).filter((f) => f.endsWith('.gif'));
    expect(gifs).toContain('notebook-complex-race.gif');
  });

  it("the notebook's table holds the final points of the notebook's own numpy code", () => {
    const fixture = JSON.parse(readFileSync(new URL('../fixtures/seeds/notebook.json', import.meta.url), 'utf8'));
    for (const run of fixture.square_sum.runs as { label: string; points: number[][] }[]) {
      const [x, y] = run.points[run.points.length - 1];
      // The report prints 6 significant digits (d3-format .6~g); compare with numpy's point at that precision.
      const cells = [...html.matchAll(/<td class="num">([^<]*)<\/td>/g)].map((m) => Number(m[1].replace('−', '-')));
      const near = (v: number) => cells.some((c) => Math.abs(c - v) <= 5e-6 * Math.max(Math.abs(v), 1e-300));
      expect(near(x), `${run.label}: x = ${x}`).toBe(true);
      expect(near(y), `${run.label}: y = ${y}`).toBe(true);
    }
  });

  it('--only runs the named sections; --quick keeps the numbers', () => {
    const quick = descent(cwd, 'demo', '--only', 'parabola,amsgrad', '--quick', '--out', 'q');
    expect(quick.code).toBe(0);
    const page = readFileSync(join(cwd, 'q/index.html'), 'utf8');
    expect([...page.matchAll(/<h2>(.*?)<\/h2>/g)].length).toBe(4);
    const lines = (text: string) => text.split('\n').filter((l) => /^✓ (parabola|amsgrad):/.test(l));
    expect(lines(quick.out)).toEqual(lines(run.out));
  });

  it('an unknown section is one line on stderr, exit code 2, and nothing written', () => {
    const r = descent(cwd, 'demo', '--only', 'parabola,bogus', '--out', 'bad');
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toEqual([expect.stringMatching(/^descent: demo: unknown section "bogus"; the sections are: notebook, parabola, /)]);
    expect(existsSync(join(cwd, 'bad'))).toBe(false);
  });

  it('only a claim that comes out otherwise than expected fails the demo, not a refutation it expects', () => {
    const claims = [claim('x', true, 'e'), claim('y', false, 'e', false), claim('z', false, 'e'), claim('w', true, 'e', false)];
    const summary = { index: '', ms: 0, sections: [{ id: 'a', title: 'A', seed: 's', figures: [], ms: 0, claims }] };
    expect(surprisingClaims(summary)).toEqual(['a: z (no longer holds)', 'a: w (now holds)']);
  });
});
