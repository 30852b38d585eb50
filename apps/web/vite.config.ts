import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defaultClientConditions, defineConfig, type Plugin } from 'vite';
import { VitePWA, type ManifestOptions } from 'vite-plugin-pwa';

/** Where the app lives; the build also works when started from the repo root. */
const root = fileURLToPath(new URL('.', import.meta.url));

/** The neutral manifest's file name; the settings screen swaps to it at runtime. */
const NEUTRAL_MANIFEST = 'manifest-notes.webmanifest';

const common = {
  id: '/',
  start_url: '/',
  scope: '/',
  display: 'standalone',
  lang: 'zh-Hant-TW',
} satisfies Partial<ManifestOptions>;

const manifest: Partial<ManifestOptions> = {
  ...common,
  name: '微光 Lamplight',
  short_name: '微光',
  description: '匿名的同儕支持空間',
  background_color: '#2a221e',
  theme_color: '#2a221e',
  icons: [
    { src: '/icons/lamp-192.png', sizes: '192x192', type: 'image/png' },
    { src: '/icons/lamp-512.png', sizes: '512x512', type: 'image/png' },
    { src: '/icons/lamp-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    { src: '/icons/lamp.svg', sizes: 'any', type: 'image/svg+xml' },
  ],
};

/** Nothing in it says what the app is: the name and icon of a plain notebook. */
const neutralManifest: Partial<ManifestOptions> = {
  ...common,
  name: '筆記',
  short_name: '筆記',
  background_color: '#ece8e0',
  theme_color: '#ece8e0',
  icons: [
    { src: '/icons/notes-192.png', sizes: '192x192', type: 'image/png' },
    { src: '/icons/notes-512.png', sizes: '512x512', type: 'image/png' },
    { src: '/icons/notes-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    { src: '/icons/notes.svg', sizes: 'any', type: 'image/svg+xml' },
  ],
};

/** Emits the neutral manifest next to the one vite-plugin-pwa writes. */
function neutralManifestPlugin(): Plugin {
  return {
    name: 'lamplight-neutral-manifest',
    apply: 'build',
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: NEUTRAL_MANIFEST, source: JSON.stringify(neutralManifest) });
    },
  };
}

export default defineConfig({
  root,
  base: '/',
  resolve: { conditions: ['source', ...defaultClientConditions] },
  // Module workers (Argon2id in derive.worker.ts) may share chunks with the app.
  worker: { format: 'es' },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // A data: URL font or script would break the CSP; keep every asset a file.
    assetsInlineLimit: 0,
    sourcemap: false,
  },
  plugins: [
    react(),
    neutralManifestPlugin(),
    VitePWA({
      // Registered from src/app/service-worker.ts: the CSP forbids inline scripts.
      injectRegister: false,
      registerType: 'autoUpdate',
      manifest,
      manifestFilename: 'manifest.webmanifest',
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'],
        navigateFallback: '/index.html',
        // The quick-exit page must stay itself offline, and server routes are never the app shell.
        navigateFallbackDenylist: [/^\/recipes(?:\/|$)/u, /^\/api\//u, /^\/ws/u],
        cleanupOutdatedCaches: true,
        clientsClaim: true,
        skipWaiting: true,
        sourcemap: false,
      },
    }),
  ],
});
