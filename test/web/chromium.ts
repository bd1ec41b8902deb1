/**
 * Which Chromium the browser tests run and how: Debian's package at /usr/bin/chromium (or $DESCENT_CHROMIUM), headless,
 * without sandbox or GPU (containers, CI), and cut off from the network. Kept apart from the harness so vitest's
 * global setup can print the install hint without loading playwright.
 */
export const CHROMIUM = process.env['DESCENT_CHROMIUM'] ?? '/usr/bin/chromium';

export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  // No network: every name but localhost resolves to nothing, and anything that still tries goes to a dead proxy.
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost',
  '--proxy-server=http://127.0.0.1:9',
  '--proxy-bypass-list=127.0.0.1;localhost',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-domain-reliability',
  '--disable-sync',
  '--no-pings',
  '--no-first-run',
  '--no-default-browser-check',
  '--font-render-hinting=none',
];

export const INSTALL_HINT =
  `Chromium is not installed at ${CHROMIUM}: the browser tests (test/web/) need Debian's chromium package. ` +
  'Install it with `sudo apt-get install -y chromium` (.ci/run does this), or point DESCENT_CHROMIUM at a Chromium binary.';

