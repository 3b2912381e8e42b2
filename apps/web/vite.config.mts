import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  root: here('.'),
  plugins: [react()],
  resolve: {
    alias: {
      '@postplan/contracts': here('../../libs/contracts/src/index.ts'),
      '@postplan/domain': here('../../libs/domain/src/index.ts'),
      // twitter-text's ESM build has only a default export, while libs/domain imports named
      // ones (as Node's CommonJS interop allows); its CommonJS build gives both.
      'twitter-text': here('../../node_modules/twitter-text/dist/index.js'),
    },
  },
  build: {
    outDir: here('../../dist/web'),
    emptyOutDir: true,
    sourcemap: true,
    // date-holidays carries the rules of every country; it is loaded lazily in its own chunk.
    chunkSizeWarningLimit: 1500,
  },
  server: {
    host: '127.0.0.1',
    port: 4200,
    proxy: { '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false } },
  },
  preview: { host: '127.0.0.1', port: 4300 },
});
