/**
 * Debian's Chromium, as the end-to-end tests and the browser benchmarks launch it: Playwright
 * cannot download its own browser on these machines (scripts/ensure-chromium.mjs installs it).
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
