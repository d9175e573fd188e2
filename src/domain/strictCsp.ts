/**
 * The page runs under a Content-Security-Policy without 'unsafe-eval' (vite.config.ts). zod
 * compiles fast parsers with `new Function` when it may, and finds out whether it may by trying:
 * under the policy that probe is a reported violation, even though zod catches the error.
 *
 * zod reads its configuration from `globalThis.__zod_globalConfig` when it loads and probes as
 * its object schemas are built — at module load, in whatever bundle chunk runs first. So the
 * setting must be in place before zod's chunk runs: this module imports nothing, the page's
 * entry (main.tsx) loads the app only after it, and every worker entry imports it first.
 * (`z.config({ jitless: true })` after zod has loaded would come too late.)
 */
const zodHolder = globalThis as { __zod_globalConfig?: Record<string, unknown> };
zodHolder.__zod_globalConfig = { ...zodHolder.__zod_globalConfig, jitless: true };

export {};
