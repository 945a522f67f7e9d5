// The embeddable agent widget: one self-contained script, dist/convai-widget-embed.js, that defines the
// <elevenlabs-convai> element (src/widget/). Built after the app (emptyOutDir false keeps the app's files).
// @elevenlabs/client is bundled in; livekit-client (its WebRTC transport, unused here) is replaced by a stub.
import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

const BANNER = '/*! <elevenlabs-convai> for Timbre. Bundles @elevenlabs/client 1.25.0: MIT License, Copyright (c) 2025 ElevenLabs. */\n';

export default defineConfig({
  // the licence line, after minification (which drops comments)
  plugins: [{ name: 'licence-banner', enforce: 'post', generateBundle(_, bundle) {
    for (const chunk of Object.values(bundle)) if (chunk.type === 'chunk') chunk.code = BANNER + chunk.code;
  } }],
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  resolve: { alias: { 'livekit-client': fileURLToPath(new URL('src/widget/no-webrtc.js', import.meta.url)) } },
  build: {
    outDir: 'dist', emptyOutDir: false, target: 'es2022', sourcemap: false,
    lib: { entry: 'src/widget/embed.js', name: 'TimbreConvaiWidget', formats: ['iife'], fileName: () => 'convai-widget-embed.js' },
  },
});
