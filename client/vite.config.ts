import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// The client is always on :3000 (the gateway's CORS allow-list names it); strictPort makes a
// clash fail loudly instead of silently moving to 3001, where every API call would be refused.
// The mesh and the browser test pass --port to run on a free one.
const server = { port: 3000, strictPort: true, host: 'localhost' };

export default defineConfig({
  plugins: [react()],
  resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
  server,
  preview: server,
  test: {
    environment: 'jsdom',
    setupFiles: ['./src/test/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    // Two shared cores: one worker keeps the suite from starving the other engineers' tests.
    maxWorkers: 1,
  },
});
