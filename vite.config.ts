import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// `vite build --mode bench` also builds the benchmark page (bench/browser/index.html),
// which the production build leaves out.
export default defineConfig(({ mode }) => ({
  plugins: [react()],
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 2500,
    rollupOptions: mode === 'bench' ? { input: { main: 'index.html', bench: 'bench/browser/index.html' } } : undefined,
  },
  preview: { port: 4173, strictPort: false, host: '127.0.0.1' },
  server: { port: 5173, host: '127.0.0.1' },
}));
