import { isLocale, type Locale } from '@lamplight/i18n';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyIdentity, documentIdentity } from '../features/settings/identity.js';
import { HotlineFooter } from '../features/hotlines/HotlineFooter.js';
import { useVaultModel, useVaultView } from '../features/vault/VaultProvider.js';
import { Header } from './Header.js';
import { PREFERENCE_KEYS, type PreferenceStore } from './preferences.js';
import { useRoute } from './router.js';
import { Screen } from './screens.js';

/** The app shell: header (help now, language, quick exit), the screen, the hotline footer. */
export function App({ prefs, onQuickExit }: { readonly prefs: PreferenceStore; readonly onQuickExit: () => void }) {
  const { t, i18n } = useTranslation();
  const route = useRoute();
  const vault = useVaultView();
  const model = useVaultModel();
  const locale: Locale = isLocale(i18n.language) ? i18n.language : 'zh-TW';
  const [neutral, setNeutral] = useState(() => prefs.get(PREFERENCE_KEYS.neutralName) === '1');

  useEffect(() => {
    const identity = documentIdentity(neutral);
    applyIdentity(document, identity, t(identity.titleKey));
  }, [neutral, t]);

  const switchLocale = useCallback(
    (next: Locale) => {
      prefs.set(PREFERENCE_KEYS.locale, next);
      void i18n.changeLanguage(next);
    },
    [i18n, prefs],
  );

  const changeNeutral = useCallback(
    (next: boolean) => {
      prefs.set(PREFERENCE_KEYS.neutralName, next ? '1' : '0');
      setNeutral(next);
    },
    [prefs],
  );

  return (
    <div className="app">
      <Header
        neutral={neutral}
        locale={locale}
        unlocked={vault.status === 'unlocked'}
        onLock={model.lock}
        onSwitchLocale={switchLocale}
        onQuickExit={onQuickExit}
      />
      <main className="app-main">
        <Screen key={route.name} route={route} vault={vault} locale={locale} neutral={neutral} onNeutralChange={changeNeutral} />
      </main>
      <HotlineFooter locale={locale} />
    </div>
  );
}
