/**
 * Smoke test of the playground as built (`npm run build:web` → dist-web/), in real Chromium, offline: the page loads
 * with no console error, no uncaught exception, no failed request and no attempt to reach the internet, draws its
 * map, and fits a laptop (1280×720) and a projector (1920×1080) with no horizontal overflow. Screenshots of both are
 * saved under test/web/.artifacts/. The feature tests (typing a function, racing optimizers…) live beside it.
 */
import { describe, expect, it } from 'vitest';
import { useBrowser, widths } from './harness.js';

const web = useBrowser({ site: 'app' });

describe('the playground page (smoke)', () => {
  it.each([
    { width: 1280, height: 720 },
    { width: 1920, height: 1080 },
  ])('loads offline and cleanly at $width×$height', async (viewport) => {
    const { page, errors, failedRequests, blocked, screenshot } = await web.open('', { viewport, waitFor: '[data-testid="map"]' });
    await page.waitForLoadState('networkidle');
    // The map is drawn: something visible inside it, with a size.
    const map = page.getByTestId('map');
    await expect.poll(() => map.locator('canvas, svg').count()).toBeGreaterThan(0);
    const box = await map.boundingBox();
    expect(box && box.width * box.height).toBeGreaterThan(200 * 200);

    await screenshot(`smoke-${viewport.width}x${viewport.height}`);
    const { scrollWidth, innerWidth } = await widths(page);
    expect(scrollWidth, 'horizontal overflow').toBeLessThanOrEqual(innerWidth);

    expect(errors).toEqual([]);
    expect(failedRequests).toEqual([]);
    expect(blocked).toEqual([]);
  });
});
