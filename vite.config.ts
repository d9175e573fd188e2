import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  worker: { format: 'es' },
  build: { target: 'es2022', chunkSizeWarningLimit: 2500 },
  preview: { port: 4173, strictPort: false, host: '127.0.0.1' },
  server: { port: 5173, host: '127.0.0.1' },
});
