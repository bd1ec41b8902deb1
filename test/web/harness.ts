/**
 * The browser test harness: real Chromium (Debian's /usr/bin/chromium, driven by playwright-core) against the built
 * playground, offline. `useBrowser()` in a test file builds the site once per test run (`npm run build:web`, under a
 * lock shared by every worker and every concurrent run, then copied to a snapshot of this run so another build
 * cannot change the files under our feet), serves it with sirv on a free localhost port, launches Chromium, and hands
 * out fresh pages (one browser context each: no shared storage) that record console errors and failed or blocked
 * requests. Pixel helpers live in ./pixels.ts.
 *
 * Offline twice over: Chromium resolves every host but 127.0.0.1 to nothing and sends the rest to a dead proxy, and
 * every request not for localhost is aborted by a route and recorded in `blocked`.
 *
 * If Chromium is missing the tests FAIL with a message saying how to install it; they are never skipped.
 */
import { existsSync, mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, inject } from 'vitest';
import { CHROMIUM, CHROMIUM_FLAGS, INSTALL_HINT } from './chromium.js';
import { ARTIFACTS, builtSite, FIXTURES, serve } from './site.js';

export { CHROMIUM, CHROMIUM_FLAGS, INSTALL_HINT } from './chromium.js';
export { ARTIFACTS, FIXTURES, ROOT, serve } from './site.js';
export { readCanvas, readElement, pixelAt, matches, countColour, colourAlong, parseColour, type Pixels, type RGB } from './pixels.js';

/** A page of the site with what it reported: console errors and uncaught exceptions, failed and blocked requests. */
export interface WebPage {
  page: Page;
  /** `console.error` messages and uncaught exceptions, in order. */
  errors: string[];
  /** Requests that failed or answered with status >= 400, as `URL (reason)`. */
  failedRequests: string[];
  /** Requests for anything but localhost, aborted. */
  blocked: string[];
  /** Saves a PNG of the viewport (or the whole page) under test/web/.artifacts/ and returns its path. */
  screenshot(name: string, options?: { fullPage?: boolean }): Promise<string>;
}

export interface OpenOptions {
  viewport?: { width: number; height: number };
  /** Wait for this selector before handing the page over. */
  waitFor?: string;
}

export interface BrowserSession {
  /** The site's base URL (ends with `/`); valid inside tests and hooks. */
  readonly baseUrl: string;
  /** A fresh page (own browser context, closed after the test) at `path`, relative to the site's root or absolute. */
  open(path?: string, options?: OpenOptions): Promise<WebPage>;
}

/** The site to serve: 'app' (the built playground), 'fixtures' (test/web/fixtures/) or a folder. */
export type SiteRoot = 'app' | 'fixtures' | { dir: string };

/**
 * Registers beforeAll/afterAll hooks for one test file: site, server, Chromium. Returns the session the tests use.
 */
export function useBrowser(options: { site?: SiteRoot; hookTimeoutMs?: number } = {}): BrowserSession {
  const site = options.site ?? 'app';
  let server: Server | undefined;
  let browser: Browser | undefined;
  let baseUrl = '';
  const pages: Page[] = [];

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(INSTALL_HINT);
    const dir = site === 'app' ? builtSite(runId()) : site === 'fixtures' ? FIXTURES : site.dir;
    ({ server, baseUrl } = await serve(dir));
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS, headless: true });
  }, options.hookTimeoutMs ?? 180_000);

  // A page lives for one test: closing its context after each keeps memory flat however many tests a file has.
  afterEach(async () => {
    await Promise.allSettled(pages.splice(0).map((p) => p.context().close()));
  });

  afterAll(async () => {
    await Promise.allSettled(pages.splice(0).map((p) => p.context().close()));
    await browser?.close();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  });

  return {
    get baseUrl() {
      return baseUrl;
    },
    async open(path = '', openOptions = {}) {
      if (!browser) throw new Error('useBrowser: the browser is not running (open pages inside tests, after beforeAll)');
      const context = await browser.newContext({ viewport: openOptions.viewport ?? { width: 1280, height: 720 }, acceptDownloads: true });
      const page = await context.newPage();
      pages.push(page);
      const web = watch(page, new URL(baseUrl).origin);
      await context.route('**/*', (route) => {
        const url = new URL(route.request().url());
        if (isLocal(url)) return route.continue();
        web.blocked.push(route.request().url());
        return route.abort('blockedbyclient');
      });
      await page.goto(new URL(path, baseUrl).href, { waitUntil: 'load' });
      if (openOptions.waitFor) await page.waitForSelector(openOptions.waitFor);
      return web;
    },
  };
}

/**
 * Evaluates a JavaScript expression in the page. A string, not a function: the test tsconfig has no DOM types on
 * purpose (src/ must not lean on the DOM), so `page.evaluate(() => document.title)` does not typecheck, while
 * `inPage<string>(page, 'document.title')` does.
 */
export async function inPage<T>(page: Page, expression: string): Promise<T> {
  return (await page.evaluate(expression)) as T;
}

/** How wide the document is against the window: no horizontal overflow when `scrollWidth <= innerWidth`. */
export function widths(page: Page): Promise<{ scrollWidth: number; innerWidth: number }> {
  return inPage(page, '({ scrollWidth: document.scrollingElement.scrollWidth, innerWidth: window.innerWidth })');
}

function isLocal(url: URL): boolean {
  return ['data:', 'blob:', 'about:'].includes(url.protocol) || url.hostname === '127.0.0.1' || url.hostname === 'localhost';
}

/** Wires the listeners that fill a WebPage's records. */
function watch(page: Page, origin: string): WebPage {
  const web: WebPage = {
    page,
    errors: [],
    failedRequests: [],
    blocked: [],
    async screenshot(name, options = {}) {
      mkdirSync(ARTIFACTS, { recursive: true });
      const file = join(ARTIFACTS, `${name.replace(/[^A-Za-z0-9._-]+/g, '-')}.png`);
      await page.screenshot({ path: file, fullPage: options.fullPage ?? false });
      return file;
    },
  };
  page.on('console', (message) => {
    if (message.type() === 'error') web.errors.push(`console.error: ${message.text()}`);
  });
  page.on('pageerror', (error) => web.errors.push(`uncaught: ${error.message}`));
  page.on('requestfailed', (request) => {
    // Blocked requests are listed in `blocked`; failures of local requests are bugs of the page.
    if (request.url().startsWith(origin)) web.failedRequests.push(`${request.url()} (${request.failure()?.errorText ?? 'failed'})`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) web.failedRequests.push(`${response.url()} (HTTP ${response.status()})`);
  });
  return web;
}

/** The id of this vitest run (provided by ./global-setup.ts); one per process when the setup is not loaded. */
function runId(): string {
  let id: string | undefined;
  try {
    id = inject('descentWebRun');
  } catch {
    id = undefined;
  }
  return id ?? `pid-${process.pid}`;
}

