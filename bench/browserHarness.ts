import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../scripts/chromium';

const ROOT = new URL('..', import.meta.url).pathname;
const OUT_DIR = 'bench/tmp/dist';

let built = false;

/** Builds the app and the benchmark page once per bench run. */
export function buildBenchApp(): void {
  if (built) return;
  execFileSync('node', ['scripts/ensure-chromium.mjs'], { cwd: ROOT, stdio: 'inherit' });
  execFileSync('npx', ['vite', 'build', '--mode', 'bench', '--outDir', OUT_DIR, '--emptyOutDir', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
  built = true;
}

export interface BenchServer {
  url: string;
  stop(): void;
}

/** Serves the bench build with `vite preview` on a free port. */
export async function startBenchServer(port = 4480 + Math.floor(Math.random() * 400)): Promise<BenchServer> {
  buildBenchApp();
  // Its own process group, so stopping it also stops the vite process npx starts.
  const child: ChildProcess = spawn('npx', ['vite', 'preview', '--outDir', OUT_DIR, '--port', String(port), '--strictPort'], { cwd: ROOT, stdio: 'ignore', detached: true });
  const stop = () => {
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      // already gone
    }
  };
  const url = `http://127.0.0.1:${port}`;
  for (let attempt = 0; attempt < 100; attempt++) {
    try {
      if ((await fetch(url)).ok) return { url, stop };
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  stop();
  throw new Error(`vite preview did not start on ${url}`);
}

export async function launchChromium(): Promise<Browser> {
  const executablePath = CHROMIUM_PATH;
  if (!existsSync(executablePath)) throw new Error(`Chromium not found at ${executablePath}`);
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS });
}

/** A fresh context (empty storage) on the benchmark page, with its functions loaded. */
export async function openBenchPage(browser: Browser, server: BenchServer): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${server.url}/bench/browser/index.html`);
  await page.waitForFunction(() => 'chainlabBench' in window);
  return page;
}
