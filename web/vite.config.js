// The web app: index.html → dist/ (hashed files under dist/assets/), served by the server at / (WebAppRoutes).
// livekit-client (@elevenlabs/client's WebRTC transport; the Agents page calls over the WebSocket) is a stub.
import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

export default defineConfig({
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  resolve: { alias: { 'livekit-client': fileURLToPath(new URL('src/no-webrtc.js', import.meta.url)) } },
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022', assetsInlineLimit: 0, chunkSizeWarningLimit: 800 },
});
