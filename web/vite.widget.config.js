// The embeddable agent widget: one self-contained script, dist/convai-widget-embed.js, that defines the
// <elevenlabs-convai> element (src/widget/). Built after the app (emptyOutDir false keeps the app's files).
// @elevenlabs/client is bundled in; livekit-client (its WebRTC transport, unused here) is replaced by a stub.
// Beside it, dist/convai-widget-libsamplerate.worklet.js: the resampler worklet the client loads (from a CDN unless
// given a path) on browsers whose AudioContext cannot run at the call's sample rate (Firefox); served by this server.
import { defineConfig } from 'vite';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const BANNER = '/*! <elevenlabs-convai> for Timbre. Bundles @elevenlabs/client 1.25.0: MIT License, Copyright (c) 2025 ElevenLabs. */\n';

export default defineConfig({
  // the licence line, after minification (which drops comments)
  plugins: [{ name: 'licence-banner', enforce: 'post', generateBundle(_, bundle) {
    for (const chunk of Object.values(bundle)) if (chunk.type === 'chunk') chunk.code = BANNER + chunk.code;
    this.emitFile({ type: 'asset', fileName: 'convai-widget-libsamplerate.worklet.js', source: readFileSync(fileURLToPath(
      new URL('node_modules/@alexanderolsen/libsamplerate-js/dist/libsamplerate.worklet.js', import.meta.url))) });
  } }],
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  resolve: { alias: { 'livekit-client': fileURLToPath(new URL('src/no-webrtc.js', import.meta.url)) } },
  build: {
    outDir: 'dist', emptyOutDir: false, target: 'es2022', sourcemap: false,
    lib: { entry: 'src/widget/embed.js', name: 'TimbreConvaiWidget', formats: ['iife'], fileName: () => 'convai-widget-embed.js' },
  },
});
