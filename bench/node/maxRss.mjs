// Loaded with `node --import` before a command the benchmark measures: prints the process's
// peak resident set size (kB) on stderr as it exits, whatever way it exits.
import { writeSync } from 'node:fs';

process.on('exit', () => {
  writeSync(2, `\nchainlab-bench-max-rss-kb ${process.resourceUsage().maxRSS}\n`);
});
