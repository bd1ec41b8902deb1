/**
 * The harness tested on its own fixture page (test/web/fixtures/): pages load in real Chromium, clicks work, canvas
 * and on-screen pixels are read and a drawn line is found along its path (and not along another), screenshots are
 * written, and the page cannot reach the internet: the request is blocked and recorded.
 */
import { existsSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { colourAlong, countColour, matches, readCanvas, readElement, useBrowser } from './harness.js';

const web = useBrowser({ site: 'fixtures' });

describe('the browser harness (fixture page)', () => {
  it('loads a page with no errors and no failed requests, and saves a screenshot', async () => {
    const { page, errors, failedRequests, blocked, screenshot } = await web.open('index.html', { waitFor: '[data-testid="map"]' });
    expect(await page.title()).toBe('harness fixture');
    await page.getByTestId('go').click();
    await expect.poll(() => page.getByTestId('status').textContent()).toBe('clicked');
    const file = await screenshot('harness-fixture');
    expect(existsSync(file) && statSync(file).size).toBeGreaterThan(1000);
    expect(errors).toEqual([]);
    expect(failedRequests).toEqual([]);
    expect(blocked).toEqual([]);
  });

  it('reads canvas pixels and finds the drawn line along its path only', async () => {
    const { page } = await web.open('index.html');
    const map = await readCanvas(page, '[data-testid="map"]');
    expect([map.width, map.height, map.scale]).toEqual([200, 100, 1]);
    expect(matches(map, 100, 50, '#d55e00')).toBe(true);
    expect(matches(map, 100, 10, '#ffffff')).toBe(true);
    expect(colourAlong(map, [[10, 10], [190, 90]], '#d55e00')).toBeGreaterThan(0.95);
    expect(colourAlong(map, [[10, 90], [190, 10]], '#d55e00')).toBeLessThan(0.1);
    expect(countColour(map, '#d55e00')).toBeGreaterThan(500);
  });

  it('reads an SVG as drawn on screen', async () => {
    const { page } = await web.open('index.html');
    const chart = await readElement(page, '[data-testid="chart"]');
    expect([chart.width, chart.height]).toEqual([200, 100]);
    expect(colourAlong(chart, [[10, 90], [190, 10]], '#0072b2')).toBeGreaterThan(0.95);
    expect(colourAlong(chart, [[10, 10], [190, 90]], '#0072b2')).toBeLessThan(0.1);
  });

  it('blocks the internet and records the attempt', async () => {
    const { page, errors, blocked } = await web.open('index.html?online');
    await page.getByTestId('go').click();
    await expect.poll(() => page.getByTestId('status').textContent()).toBe('offline');
    expect(blocked).toEqual(['https://example.com/data.json']);
    // Chromium itself logs the blocked resource as a console error, so a smoke test's `errors` catches it too.
    expect(errors).toContain('console.error: offline: the request was blocked');
    expect(errors.some((e) => e.includes('ERR_BLOCKED_BY_CLIENT'))).toBe(true);
  });

  it('reports a missing file as a failed request', async () => {
    const { failedRequests } = await web.open('no-such-page.html');
    expect(failedRequests.some((r) => r.includes('no-such-page.html') && r.includes('404'))).toBe(true);
  });
});
