import { spawn, type ChildProcess } from 'node:child_process';
import { networkInterfaces } from 'node:os';
import { expect, test } from '@playwright/test';
import { ChainLabApp } from './pages/chainLabApp';

/**
 * Sharing the app in a room: `npm run serve:lan` (scripts/serve-lan.mjs) serves the build on
 * the machine's network addresses. This serves the build the tests already made and opens it
 * from a non-loopback address of this machine, as a participant's browser would.
 */
function lanAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flat()
    .filter((entry) => entry !== undefined && entry.family === 'IPv4' && !entry.internal)
    .map((entry) => entry!.address);
}

/** Starts the server and resolves with the addresses it prints for participants. */
function serveLan(): Promise<{ server: ChildProcess; urls: string[] }> {
  const server = spawn(process.execPath, ['scripts/serve-lan.mjs', '--no-build', '--out-dir', process.env.E2E_OUT_DIR ?? 'dist', '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let output = '';
    server.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Stop with Ctrl+C')) resolve({ server, urls: [...output.matchAll(/http:\/\/[\d.]+:\d+\//g)].map((match) => match[0]) });
    });
    server.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    server.on('exit', (code) => reject(new Error(`serve-lan exited with ${code}: ${output}`)));
  });
}

test('npm run serve:lan serves the app on this machine’s network address', async ({ page }) => {
  test.skip(lanAddresses().length === 0, 'this machine has no network interface besides the loopback');
  const { server, urls } = await serveLan();
  try {
    const lanUrl = urls.find((url) => lanAddresses().includes(new URL(url).hostname));
    expect(lanUrl, `a printed address on one of ${lanAddresses().join(', ')}: ${urls.join(', ')}`).toBeDefined();
    const errors: string[] = [];
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(lanUrl!);
    const app = new ChainLabApp(page);
    await app.waitUntilReady();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Data');
    await expect(app.customersTable.locator('.MuiDataGrid-row').first()).toBeVisible({ timeout: 60_000 });
    expect(errors).toEqual([]);
  } finally {
    server.kill();
  }
});
