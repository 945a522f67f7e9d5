// The embeddable agent widget: one self-contained script, dist/convai-widget-embed.js, that defines the
// <elevenlabs-convai> element (src/widget/). Built after the app (emptyOutDir false keeps the app's files).
import { defineConfig } from 'vite';

export default defineConfig({
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  build: {
    outDir: 'dist', emptyOutDir: false, target: 'es2022',
    lib: { entry: 'src/widget/embed.js', name: 'TimbreConvaiWidget', formats: ['iife'], fileName: () => 'convai-widget-embed.js' },
  },
});
