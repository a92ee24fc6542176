import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The renderer is plain static files: Electron serves them on app://seller-desk/ (electron/main/app-protocol.ts), browser mode over HTTP.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2048,
  },
});
