#!/usr/bin/env node
/**
 * Serves ChainLab to the room: builds the app and serves it on every network interface of this
 * machine, then prints the addresses participants open in their browsers.
 *
 *   npm run serve:lan                      # build, then serve on port 4173
 *   npm run serve:lan -- --port 8080       # another port
 *   node scripts/serve-lan.mjs --no-build --out-dir dist   # serve an existing build
 *
 * Every participant's browser keeps its own workspaces (nothing is shared or uploaded): the
 * machine only hands out the app's files. Stop with Ctrl+C.
 */
import { networkInterfaces } from 'node:os';
import { parseArgs } from 'node:util';
import { build, preview } from 'vite';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '4173' },
    'out-dir': { type: 'string', default: 'dist' },
    'no-build': { type: 'boolean', default: false },
  },
});
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65_535) {
  console.error(`serve-lan: error: --port must be a port number, not "${values.port}"`);
  process.exit(2);
}
const outDir = values['out-dir'];

/** The IPv4 addresses other machines can reach this one at (not the loopback). */
function lanAddresses() {
  return Object.values(networkInterfaces())
    .flat()
    .filter((entry) => entry && entry.family === 'IPv4' && !entry.internal)
    .map((entry) => entry.address);
}

if (!values['no-build']) await build({ logLevel: 'warn', build: { outDir, emptyOutDir: true } });
const server = await preview({ logLevel: 'warn', build: { outDir }, preview: { host: '0.0.0.0', port, strictPort: port !== 0 } });
const address = server.httpServer.address();
const actualPort = typeof address === 'object' && address ? address.port : port;
const addresses = lanAddresses();

console.log('');
console.log('ChainLab is served to this network.');
if (addresses.length === 0) {
  console.log(`  This machine has no network address other than this computer's own: http://127.0.0.1:${actualPort}/`);
} else {
  console.log('  Participants open (any one that their network reaches):');
  for (const ip of addresses) console.log(`    http://${ip}:${actualPort}/`);
}
console.log(`  On this computer: http://127.0.0.1:${actualPort}/`);
console.log('  Each browser keeps its own workspaces; nothing is shared between participants.');
console.log(`  If others cannot connect, allow incoming connections to port ${actualPort} in this computer's firewall.`);
console.log('  Stop with Ctrl+C.');
