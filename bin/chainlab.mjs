#!/usr/bin/env node
// The `chainlab` command. It runs the same TypeScript domain core as the browser app, bundled
// with esbuild into node_modules/.cache/chainlab/cli.mjs and rebuilt whenever a source file is
// newer than the bundle (a few ms to check, ~0.3 s to rebuild), so the command starts fast and
// is never stale. If bundling is impossible, it falls back to running the sources through tsx.
import { existsSync, mkdirSync, readdirSync, renameSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const entry = path.join(root, 'src/cli/main.ts');
const bundle = path.join(root, 'node_modules/.cache/chainlab/cli.mjs');

function newestSourceTime(dir) {
  let newest = 0;
  for (const item of readdirSync(dir, { withFileTypes: true })) {
    const itemPath = path.join(dir, item.name);
    if (item.isDirectory()) newest = Math.max(newest, newestSourceTime(itemPath));
    else if (/\.tsx?$/.test(item.name) && !/\.test\.tsx?$/.test(item.name)) newest = Math.max(newest, statSync(itemPath).mtimeMs);
  }
  return newest;
}

function isBundleFresh() {
  if (!existsSync(bundle)) return false;
  const bundleTime = statSync(bundle).mtimeMs;
  return bundleTime >= newestSourceTime(path.join(root, 'src')) && bundleTime >= statSync(path.join(root, 'package.json')).mtimeMs;
}

async function buildBundle() {
  const esbuild = await import('esbuild');
  mkdirSync(path.dirname(bundle), { recursive: true });
  // Written aside and renamed, so concurrent runs never read a half-written bundle.
  const partial = `${bundle}.${process.pid}.tmp`;
  await esbuild.build({
    entryPoints: [entry],
    outfile: partial,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    // The map in a file of its own, not inline: V8 compiles the whole bundle text at start-up,
    // and an inline map doubled it (~0.1 s CPU per run). Nothing reads the map unless asked to
    // (node --enable-source-maps, or a debugger given it).
    sourcemap: 'external',
    logLevel: 'silent',
  });
  renameSync(`${partial}.map`, `${bundle}.map`);
  renameSync(partial, bundle);
}

async function runFromSources() {
  const { register } = await import('tsx/esm/api');
  register();
  await import(pathToFileURL(entry).href);
}

let isBundled = isBundleFresh();
if (!isBundled) {
  try {
    await buildBundle();
    isBundled = true;
  } catch {
    isBundled = false;
  }
}
if (isBundled) await import(pathToFileURL(bundle).href);
else await runFromSources();
