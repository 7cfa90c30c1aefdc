import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The browser UI. `npm run dev` serves it through the playground server in middleware mode. */
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist/ui',
    emptyOutDir: true,
    sourcemap: true,
  },
});
