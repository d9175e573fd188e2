import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';

/**
 * ChainLab's Content-Security-Policy (issue 17: nothing leaves the page's origin, no inline
 * script, no eval). The built page carries it in a <meta> tag (the plugin below adds it to the
 * production build only: the dev server's hot reload needs inline script), and `npm start` /
 * `npm run serve:lan` (vite preview) also send it as a header, with what a meta tag cannot
 * carry (frame-ancestors).
 *
 * - script-src 'self': the bundle and its worker files only — no inline script, no eval (zod is
 *   told not to try: src/domain/strictCsp.ts).
 * - connect-src 'self': no fetch, XHR, WebSocket or beacon to another origin.
 * - style-src 'self' 'unsafe-inline': decided. MUI styles through emotion, which adds <style>
 *   elements at run time, and components set style attributes (DataGrid column widths, the
 *   canvas). Without it the interface renders unstyled; a per-response nonce would need a
 *   server, and the page must also work as static files. Styles cannot run code, and with
 *   connect-src, img-src and font-src kept to the origin an injected style cannot send data away.
 * - img-src and font-src allow data: and blob: (images made in the page: chart and canvas
 *   exports by html-to-image, icons); worker-src 'self' blob: for the use-case workers.
 */
const CONTENT_SECURITY_POLICY: Record<string, string[]> = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'worker-src': ["'self'", 'blob:'],
  'manifest-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'none'"],
};

/** Only a header can carry these (a browser ignores them in a meta tag, with a console message). */
const HEADER_ONLY: Record<string, string[]> = {
  'frame-ancestors': ["'none'"],
};

function policyText(directives: Record<string, string[]>): string {
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ');
}

const CSP_META_CONTENT = policyText(CONTENT_SECURITY_POLICY);
const CSP_HEADER = policyText({ ...CONTENT_SECURITY_POLICY, ...HEADER_ONLY });

/** The Content-Security-Policy as a meta tag of the built page (not in dev: hot reload needs inline script). */
function contentSecurityPolicyMeta(): Plugin {
  return {
    name: 'chainlab-content-security-policy',
    apply: 'build',
    transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CSP_META_CONTENT }, injectTo: 'head-prepend' }],
  };
}

/**
 * Offline and installable (issue 17). The service worker precaches the whole built app — page,
 * bundle, use-case workers, fonts, icons — so after the first visit everything, the demo too
 * (generated in the page, nothing downloaded), works with the network cut.
 *
 * - registerType 'prompt': a new version waits until the user chooses to reload
 *   (src/features/appUpdate/UpdatePrompt.tsx), after pending saves are written; never an
 *   automatic reload in the middle of an edit.
 * - injectRegister false: the page registers the worker from its own bundle (no inline script,
 *   no extra script tag); the worker, sw.js, is a same-origin file (script-src and worker-src 'self').
 * - Only woff2 fonts: Chromium, Firefox and Safari all read them; the .woff copies would double
 *   the download for no browser that runs the app.
 */
function offlineApp() {
  return VitePWA({
    registerType: 'prompt',
    injectRegister: false,
    includeAssets: ['favicon.svg'],
    manifest: {
      name: 'ChainLab',
      short_name: 'ChainLab',
      description: 'Design CRM communication chains and test them on your own customer history, in your browser.',
      start_url: '/',
      scope: '/',
      display: 'standalone',
      background_color: '#ffffff',
      theme_color: '#3949ab',
      icons: [
        { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png' },
        { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png' },
        { src: 'icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        { src: 'favicon.svg', sizes: 'any', type: 'image/svg+xml' },
      ],
    },
    workbox: {
      globPatterns: ['**/*.{js,css,html,svg,png,woff2,webmanifest}'],
      // the bench page is not part of the app
      globIgnores: ['**/bench/**', 'bench.html', '**/bench-*.js'],
      // the bundle's largest chunks are over workbox's 2 MB default
      maximumFileSizeToCacheInBytes: 16 * 1024 * 1024,
      navigateFallback: 'index.html',
      // nor are navigations to the bench page the app's to answer (after a visit to the app the
      // service worker served the app's page there, and the metrics bench waited for ever)
      navigateFallbackDenylist: [/^\/bench\//],
      cleanupOutdatedCaches: true,
      // the first version takes the open page at once (nothing older to wait for), so its later
      // screens load from the cache too; a new version still waits for the user (registerType)
      clientsClaim: true,
    },
  });
}

// `vite build --mode bench` also builds the benchmark page (bench/browser/index.html),
// which the production build leaves out.
export default defineConfig(({ mode }) => ({
  plugins: [react(), contentSecurityPolicyMeta(), offlineApp()],
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 2500,
    rollupOptions: mode === 'bench' ? { input: { main: 'index.html', bench: 'bench/browser/index.html' } } : undefined,
  },
  // `npm start` and `npm run serve:lan` serve the build with the policy as a header too
  preview: { port: 4173, strictPort: false, host: '127.0.0.1', headers: { 'Content-Security-Policy': CSP_HEADER } },
  server: { port: 5173, host: '127.0.0.1' },
}));
