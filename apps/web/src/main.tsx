import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { App } from './app/App.js';
import { createLocationStore } from './app/location-store.js';
import { browserPreferences, PREFERENCE_KEYS } from './app/preferences.js';
import { RouterProvider } from './app/router.js';
import { registerServiceWorker } from './app/service-worker.js';
import { startCircles } from './features/circles/index.js';
import { DirectoryProvider } from './features/hotlines/DirectoryProvider.js';
import { DirectoryStore } from './features/hotlines/directory-store.js';
import { forgetInvitation } from './features/join/pending-invitation.js';
import { installQuickExitKeys, onQuickExit, quickExit } from './features/quick-exit/index.js';
import { browserDerive, createVaultModel, IndexedDbVaultStore, VaultProvider } from './features/vault/index.js';
import { createI18n, initialLocale } from './i18n/setup.js';
import './styles/app.css';

const prefs = browserPreferences(() => window.localStorage);
const locale = initialLocale(window.location.search, prefs, navigator.languages);
const i18n = createI18n(locale, document);
const store = createLocationStore(window);

// `?lang=` is remembered, then removed so a later switch in the app is not overridden on reload.
if (new URLSearchParams(window.location.search).has('lang')) {
  prefs.set(PREFERENCE_KEYS.locale, locale);
  store.dropQuery();
}

const vault = createVaultModel({
  store: new IndexedDbVaultStore(window.indexedDB),
  fetch: (input, init) => window.fetch(input, init),
  audience: window.location.origin,
  derive: browserDerive(),
});

// The hotline directory shows from this device's cache (or the built-in one) at once, then follows the server.
const lines = new DirectoryStore({ fetch: (input, init) => window.fetch(input, init), storage: () => window.localStorage });
void lines.refresh();
window.addEventListener('online', () => void lines.refresh());

const container = document.getElementById('root');
if (container === null) throw new Error('missing #root');
const root = createRoot(container);

const stopCircles = startCircles(vault);

// Keys leave memory first, then the screen clears: the replacement page takes a moment to load.
onQuickExit(() => vault.lock());
onQuickExit(stopCircles);
onQuickExit(forgetInvitation);
onQuickExit(() => root.unmount());
onQuickExit(() => {
  document.title = '';
});
installQuickExitKeys(window, quickExit);

root.render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <RouterProvider store={store}>
        <VaultProvider model={vault}>
          <DirectoryProvider store={lines}>
            <App prefs={prefs} onQuickExit={quickExit} />
          </DirectoryProvider>
        </VaultProvider>
      </RouterProvider>
    </I18nextProvider>
  </StrictMode>,
);

registerServiceWorker();
