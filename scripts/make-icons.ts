/**
 * Draws the app's PNG icons (the install manifest needs 192 and 512 px PNGs, and a "maskable"
 * one whose mark stays inside the middle 80 % that every launcher shape keeps) from
 * public/favicon.svg, in Chromium. Run after changing the favicon: `npx tsx scripts/make-icons.ts`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium';

const favicon = readFileSync('public/favicon.svg', 'utf8');
const MARK_BACKGROUND = '#3949ab';

/** The favicon as it is (rounded corners) at `size` px. */
function plainIcon(size: number): string {
  return `<body style="margin:0">${favicon.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body>`;
}

/** The favicon's mark at 70 % on a full square of its background colour (maskable icons are cut by the launcher). */
function maskableIcon(size: number): string {
  const mark = Math.round(size * 0.7);
  const svg = favicon.replace('<svg ', `<svg width="${mark}" height="${mark}" `);
  return `<body style="margin:0;width:${size}px;height:${size}px;background:${MARK_BACKGROUND};display:flex;align-items:center;justify-content:center">${svg}</body>`;
}

async function main(): Promise<void> {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  const icons: Array<[string, number, string]> = [
    ['public/icons/icon-192.png', 192, plainIcon(192)],
    ['public/icons/icon-512.png', 512, plainIcon(512)],
    ['public/icons/icon-maskable-512.png', 512, maskableIcon(512)],
  ];
  for (const [path, size, html] of icons) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    await page.setContent(html);
    writeFileSync(path, await page.screenshot({ omitBackground: true }));
    await page.close();
  }
  await browser.close();
}

void main();
