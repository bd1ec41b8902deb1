/**
 * The playground end to end, in real Chromium on the built site (test/web/harness.ts): the page loads offline with
 * no errors; typing a function redraws the map (and the redraw is timed); a broken one shows the error's column
 * with a caret; a click sets the start; Adam and SGD race and their trajectories and loss curves are drawn in their
 * colours; a diverging setting says `diverged`; a link restores the view and a bad one falls back with a message;
 * PNG, GIF and JSON exports download; the notebook's complex function races six settings from (5, −2); the layout
 * holds at 1280×720 and 1920×1080. Screenshots of each step go to test/web/.artifacts/.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { countColour, readCanvas, useBrowser } from './harness.js';

const web = useBrowser();
const COLOURS = ['#D55E00', '#0072B2', '#009E73', '#CC79A7', '#E69F00', '#56B4E9'];
const COMPLEX = '(x - 3)^2 + 8*(y - 5)^4 + sqrt(x) + sin(x*y)';

const ready = '[data-testid="map-svg"] svg';
const mapSvg = (page: Page) => page.locator('[data-testid="map-svg"]').innerHTML();
const statusOf = (page: Page, i: number) => page.getByTestId(`readout-${i}-status`).textContent();
const dataOf = async (page: Page, key: 'start' | 'view') => JSON.parse((await page.getByTestId('map').getAttribute(`data-${key}`)) ?? 'null') as unknown;

/** Runs the race to its end at the fastest speed. */
async function race(page: Page, runners: number): Promise<void> {
  await page.getByTestId('speed').fill('1000');
  await page.getByTestId('run').click();
  for (let i = 0; i < runners; i++) await expect.poll(() => statusOf(page, i), { timeout: 20_000 }).toMatch(/converged|diverged|finished/);
}

/** Keeps only the racers given (by registry name) with their defaults, through the panel's own controls. */
async function racers(page: Page, names: string[]): Promise<void> {
  const cards = page.locator('fieldset.racer');
  for (let n = await cards.count(); n > 0; n--) {
    await page.getByTestId('racer-0-remove').click();
    await expect.poll(() => cards.count()).toBe(n - 1);
  }
  for (const [i, name] of names.entries()) {
    await page.getByTestId('add-optimizer-select').selectOption(name);
    await page.getByTestId('add-optimizer').click();
    await expect.poll(() => cards.count()).toBe(i + 1);
  }
}

describe('the playground', () => {
  it('loads offline, redraws the map for a typed function, and shows a broken one’s column', async () => {
    const { page, errors, failedRequests, blocked, screenshot } = await web.open('', { waitFor: ready });
    await screenshot('playground-1-loaded');
    expect(await page.getByTestId('readout').locator('tr').count()).toBe(6);
    await page.getByTestId('function-select').selectOption('rosenbrock');
    const before = await mapSvg(page);
    await page.getByTestId('function-input').fill(COMPLEX);
    await expect.poll(() => mapSvg(page)).not.toBe(before);
    expect(await page.getByTestId('function-error').textContent()).toBe('');
    expect(await page.getByTestId('function-formula').textContent()).toContain('sin');
    // The map of the notebook's complex function, timed in the page (sampling, contours, SVG, DOM).
    const ms = Number(await page.getByTestId('status-line').getAttribute('data-contour-ms'));
    console.log(`[playground] complex function map redrawn in ${ms.toFixed(1)} ms`);
    expect(ms).toBeGreaterThan(0);
    await screenshot('playground-2-typed');

    const drawn = await mapSvg(page);
    await page.getByTestId('function-input').fill('(x - 3)^2 + sin(x*y');
    await expect.poll(() => page.getByTestId('function-error').textContent()).toMatch(/column \d+/);
    const error = (await page.getByTestId('function-error').textContent()) ?? '';
    const column = Number(await page.getByTestId('function-error').getAttribute('data-column'));
    expect(error).toContain(`column ${column}`);
    // The caret line puts ^ under that column of the excerpt above it.
    const [excerpt, caret] = error.split('\n').slice(-2);
    expect(caret.trimEnd().endsWith('^')).toBe(true);
    expect(excerpt.length).toBeGreaterThanOrEqual(caret.trimEnd().length - 1);
    expect(await page.getByTestId('function-input').getAttribute('aria-invalid')).toBe('true');
    expect(await mapSvg(page)).toBe(drawn); // the map keeps the last function that compiled
    await screenshot('playground-3-broken');
    expect(errors).toEqual([]);
    expect(failedRequests).toEqual([]);
    expect(blocked).toEqual([]);
  });

  it('sets the start by a click, races Adam and SGD, and draws their paths and loss curves', async () => {
    const { page, errors, screenshot } = await web.open('', { waitFor: ready });
    await page.getByTestId('function-select').selectOption('seed-quadratic');
    await racers(page, ['Adam', 'SGD']);
    const box = (await page.getByTestId('map-overlay').boundingBox())!;
    // The plot area's centre column, a quarter down: x ≈ the box's middle, y well above 0.
    const before = JSON.stringify(await dataOf(page, 'start'));
    await page.mouse.click(box.x + box.width * 0.45, box.y + box.height * 0.3);
    // The click is handled asynchronously: wait for the page to take the new start, then read it.
    await expect.poll(async () => JSON.stringify(await dataOf(page, 'start'))).not.toBe(before);
    const start = (await dataOf(page, 'start')) as number[];
    expect(start).toHaveLength(2);
    expect(start[1]).toBeGreaterThan(1);
    await expect.poll(() => page.getByTestId('start-readout').textContent()).toContain(start[0].toPrecision(4));
    await race(page, 2);
    await screenshot('playground-4-raced');
    const overlay = await readCanvas(page, '[data-testid="map-overlay"]');
    expect(countColour(overlay, COLOURS[0], 30)).toBeGreaterThan(100);
    expect(countColour(overlay, COLOURS[1], 30)).toBeGreaterThan(100);
    expect(countColour(overlay, COLOURS[2], 30)).toBe(0);
    // The loss chart draws one path per run in its colour, with points (a non-trivial d).
    for (const colour of COLOURS.slice(0, 2)) {
      const d = await page.locator(`[data-testid="loss-chart"] path[stroke="${colour}"]`).first().getAttribute('d');
      expect((d ?? '').split('L').length).toBeGreaterThan(10);
    }
    expect(await page.locator('[data-testid="lr-chart"] svg').count()).toBe(1);
    expect(errors).toEqual([]);
  });

  it('says diverged for the divergent parabola preset, and a link restores the view', async () => {
    const { page, errors, screenshot } = await web.open('', { waitFor: ready });
    await page.getByTestId('preset-select').selectOption('parabola-diverges');
    await race(page, 2);
    expect(await statusOf(page, 0)).toMatch(/^diverged at step \d+$/);
    expect(await statusOf(page, 1)).not.toMatch(/diverged/);
    await screenshot('playground-5-diverged');

    // Change the view, the start, a hyperparameter; the URL then reproduces all of it.
    await page.getByTestId('function-select').selectOption('himmelblau');
    await page.getByTestId('zoom-in').click();
    await page.getByTestId('map').focus();
    await page.keyboard.press('ArrowRight');
    await page.getByTestId('racer-1-lr').fill('0.02');
    await expect.poll(() => page.evaluate('location.hash')).toMatch(/^#s=/);
    // The URL follows edits within an animation frame; a loaded machine may take longer: wait until it holds the
    // new lr (the state is base64url JSON after #s=).
    const hashState = () => page.evaluate("JSON.stringify(JSON.parse(new TextDecoder().decode(Uint8Array.from(atob(location.hash.slice(3).replaceAll('-', '+').replaceAll('_', '/')), (c) => c.charCodeAt(0)))))");
    await expect.poll(hashState, { timeout: 10_000 }).toContain('0.02');
    const url = page.url();
    const view = await dataOf(page, 'view');
    const start = await dataOf(page, 'start');
    const svg = await mapSvg(page);
    // A fresh page at the link, then reloaded: both rebuild the same view from the URL alone.
    const restored = await web.open(url.slice(url.indexOf('#')), { waitFor: ready });
    await restored.page.reload();
    await restored.page.waitForSelector(ready);
    expect(await dataOf(restored.page, 'view')).toEqual(view);
    expect(await dataOf(restored.page, 'start')).toEqual(start);
    expect(await restored.page.getByTestId('racer-1-lr').inputValue()).toBe('0.02');
    expect(await mapSvg(restored.page)).toBe(svg);
    expect(await restored.page.getByTestId('message').isHidden()).toBe(true);
    expect(errors).toEqual([]);
    expect(restored.errors).toEqual([]);
  });

  it('loads every preset with each racer accepted by the library', async () => {
    const { page, errors } = await web.open('', { waitFor: ready });
    const ids = await page.locator('[data-testid="preset-select"] option').evaluateAll((os) => os.map((o) => (o as unknown as { value: string }).value).filter(Boolean));
    expect(ids.length).toBeGreaterThanOrEqual(8);
    for (const id of ids) {
      await page.getByTestId('preset-select').selectOption(id);
      await expect.poll(() => page.getByTestId('preset-look').textContent()).not.toBe('');
      const statuses = await page.locator('[data-testid$="-status"]').allTextContents();
      expect(statuses.length, id).toBeGreaterThanOrEqual(2);
      expect(statuses.filter((t) => t.startsWith('error')), id).toEqual([]);
    }
    expect(errors).toEqual([]);
  });

  it('falls back to the defaults with a message on a bad link', async () => {
    const { page, errors } = await web.open('#s=eyJmbiI6eyJ6b28iOiJub3BlIn19', { waitFor: ready });
    expect(await page.getByTestId('message').isVisible()).toBe(true);
    expect(await page.getByTestId('message').textContent()).toMatch(/could not be restored/);
    expect(await page.getByTestId('readout').locator('tr').count()).toBe(6);
    expect(errors).toEqual([]);
  });

  it('exports the view as PNG, the race as GIF and the traces as JSON', async () => {
    const { page, errors } = await web.open('', { waitFor: ready });
    await page.getByTestId('step').click();
    const magic = async (testid: string) => {
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testid).click()]);
      return { name: download.suggestedFilename(), bytes: readFileSync((await download.path())!) };
    };
    const png = await magic('export-png');
    expect(png.name).toBe('descent-playground.png');
    expect([...png.bytes.subarray(1, 4)].map((b) => String.fromCharCode(b)).join('')).toBe('PNG');
    expect(png.bytes.length).toBeGreaterThan(10_000);
    const gif = await magic('export-gif');
    expect(gif.bytes.subarray(0, 6).toString('latin1')).toBe('GIF89a');
    const json = JSON.parse((await magic('export-json')).bytes.toString('utf8')) as { runs: Array<{ trace: { points: number[][] } }> };
    expect(json.runs).toHaveLength(6);
    expect(json.runs[3].trace.points[0]).toEqual([5, -2]);
    expect(errors).toEqual([]);
  });

  it('races the notebook’s complex-function preset: six settings from (5, −2), every path drawn', async () => {
    for (const viewport of [{ width: 1280, height: 720 }, { width: 1920, height: 1080 }]) {
      const { page, errors, screenshot } = await web.open('', { waitFor: ready, viewport });
      await page.getByTestId('preset-select').selectOption('notebook-complex');
      expect(await dataOf(page, 'start')).toEqual([5, -2]);
      await race(page, 6);
      const overlay = await readCanvas(page, '[data-testid="map-overlay"]');
      for (const colour of COLOURS) expect(countColour(overlay, colour, 30)).toBeGreaterThan(20);
      // No layout breakage: nothing wider than the window, the whole map on screen.
      const { scrollWidth, innerWidth } = (await page.evaluate('({ scrollWidth: document.documentElement.scrollWidth, innerWidth })')) as { scrollWidth: number; innerWidth: number };
      expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
      const map = (await page.getByTestId('map').boundingBox())!;
      expect(map.x + map.width).toBeLessThanOrEqual(viewport.width);
      expect(map.width).toBeGreaterThan(350);
      await screenshot(`playground-6-complex-${viewport.width}x${viewport.height}`);
      expect(errors).toEqual([]);
    }
  });

  it('works from the keyboard: arrows nudge the start, Enter runs, Space steps', async () => {
    const { page, errors } = await web.open('', { waitFor: ready });
    await page.getByTestId('preset-select').selectOption('notebook-quadratic');
    await page.getByTestId('map').focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowUp');
    // One percent of the 14-wide view per press, from (5, 5).
    await expect.poll(() => dataOf(page, 'start')).toEqual([5.14, 5.14]);
    await page.getByTestId('reset').click();
    await page.getByTestId('step').focus();
    await page.keyboard.press('Space');
    await expect.poll(() => page.getByTestId('readout-0').locator('td').nth(1).textContent()).toBe('1');
    await page.getByTestId('speed').fill('1000');
    await page.getByTestId('run').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => statusOf(page, 0), { timeout: 20_000 }).toMatch(/finished|converged/);
    expect(errors).toEqual([]);
  });

  it('measures: the complex function’s map redraw per edit, and frames with six racers on the 600×600 map', async () => {
    const { page, errors } = await web.open('', { waitFor: ready });
    const times: number[] = [];
    for (const text of [COMPLEX, COMPLEX.replace('8*', '7*'), COMPLEX.replace('sin', 'cos'), COMPLEX.replace('3)', '2)'), COMPLEX]) {
      const before = await mapSvg(page);
      await page.getByTestId('function-input').fill(text);
      await expect.poll(() => mapSvg(page)).not.toBe(before);
      times.push(Number(await page.getByTestId('status-line').getAttribute('data-contour-ms')));
    }
    times.sort((a, b) => a - b);
    await page.getByTestId('preset-select').selectOption('notebook-complex');
    await page.getByTestId('steps').fill('1000');
    await page.getByTestId('steps').press('Enter');
    await page.getByTestId('speed').fill('593'); // 60 steps a second: a new step every frame
    await page.getByTestId('run').click();
    await page.waitForTimeout(2500); // a measurement window, not an assertion on time
    const fps = Number(await page.getByTestId('status-line').getAttribute('data-fps'));
    const frameMs = Number(await page.getByTestId('status-line').getAttribute('data-frame-ms'));
    console.log(`[playground] complex map redraw: median ${times[2].toFixed(1)} ms (min ${times[0].toFixed(1)}, max ${times[4].toFixed(1)}); six racers: ${fps.toFixed(1)} fps, ${frameMs.toFixed(2)} ms of work a frame`);
    expect(fps).toBeGreaterThan(0);
    expect(times.every((t) => t > 0)).toBe(true);
    expect(errors).toEqual([]);
  });
});
