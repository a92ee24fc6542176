import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The renderer is plain static files: Electron loads them with file://, browser mode serves them.
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
