import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';

// The API the dev server proxies to: the mock (npm run mock) or a real
// `gavel serve`, e.g. GAVEL_API=http://127.0.0.1:8080 npm run dev
const api = process.env.GAVEL_API || 'http://127.0.0.1:8787';

export default defineConfig({
  base: './',
  plugins: [react(), tailwindcss()],
  server: {
    host: '127.0.0.1',
    proxy: { '/api': { target: api, changeOrigin: false } },
  },
  build: {
    chunkSizeWarningLimit: 5000,
  },
  test: {
    environment: 'happy-dom',
    include: ['src/**/*.test.{js,jsx}'],
    setupFiles: ['src/test-setup.js'],
  },
});
