import { z } from 'zod';

/**
 * The page runs under a Content-Security-Policy without 'unsafe-eval' (vite.config.ts). zod compiles fast parsers with `new Function` when it may, and probes whether it
 * may by trying: under the policy that probe is a reported violation (a console error) even
 * though zod catches it. Interpreted parsing is what we get anyway, so say so up front. Imported
 * first by the page's entry and by every worker (workers/rpc.ts).
 */
z.config({ jitless: true });
