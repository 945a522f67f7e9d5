// The embeddable agent widget: one self-contained script, dist/convai-widget-embed.js, that defines the
// <elevenlabs-convai> element (src/widget/). Built after the app (emptyOutDir false keeps the app's files).
// @elevenlabs/client is bundled in; livekit-client (its WebRTC transport, unused here) is replaced by a stub.
import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

export default defineConfig({
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact', legalComments: 'none' },
  resolve: { alias: { 'livekit-client': fileURLToPath(new URL('src/widget/no-webrtc.js', import.meta.url)) } },
  build: {
    outDir: 'dist', emptyOutDir: false, target: 'es2022', sourcemap: false,
    lib: { entry: 'src/widget/embed.js', name: 'TimbreConvaiWidget', formats: ['iife'], fileName: () => 'convai-widget-embed.js' },
  },
});
