import { registerSW } from 'virtual:pwa-register';

/**
 * Register the service worker that precaches the app shell and the neutral
 * page, so both open offline. Registered from a module, never an inline
 * script (the CSP forbids those). Updates apply on the next load.
 */
export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator)) return;
  registerSW({ immediate: true });
}
