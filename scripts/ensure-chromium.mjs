#!/usr/bin/env node
// Installs Debian's Chromium for the end-to-end tests when it is missing: Playwright cannot
// download its own browser on these machines. Needs root (CI and sessions run as root).
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

if (existsSync(CHROMIUM)) process.exit(0);
console.error(`Chromium not found at ${CHROMIUM}; installing Debian's chromium package…`);
const asRoot = typeof process.getuid === 'function' && process.getuid() === 0 ? '' : 'sudo ';
try {
  execSync(`${asRoot}apt-get update -qq`, { stdio: 'inherit' });
  execSync(`${asRoot}env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium`, { stdio: 'inherit' });
} catch {
  console.error('Could not install Chromium with apt-get. Install it (apt-get install chromium) or set CHROMIUM_PATH.');
  process.exit(1);
}
if (!existsSync(CHROMIUM)) {
  console.error(`apt-get finished but ${CHROMIUM} is still missing.`);
  process.exit(1);
}
