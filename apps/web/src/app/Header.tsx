import { HTML_LANG, type Locale } from '@lamplight/i18n';
import { useTranslation } from 'react-i18next';
import { QuickExitButton } from '../features/quick-exit/QuickExitButton.js';
import { CheckInBanner } from '../features/safety/index.js';
import { ReminderBanner } from '../features/toolkit/reminders/ReminderBanner.js';
import { AppLink } from './router.js';

/** The header on every screen: home, help now, language, quick exit; the space's menu and lock while open. */
export function Header({
  neutral,
  locale,
  unlocked,
  onLock,
  onSwitchLocale,
  onQuickExit,
}: {
  readonly neutral: boolean;
  readonly locale: Locale;
  readonly unlocked: boolean;
  readonly onLock: () => void;
  readonly onSwitchLocale: (next: Locale) => void;
  readonly onQuickExit: () => void;
}) {
  const { t } = useTranslation();
  const other: Locale = locale === 'en' ? 'zh-TW' : 'en';
  return (
    <header className="app-header">
      <div className="app-header-row">
        <AppLink to="welcome" className="brand">
          <span className="brand-dot" aria-hidden="true" />
          <span className="brand-name">{neutral ? t('app.neutralName') : t('app.name')}</span>
        </AppLink>
        <button type="button" className="link-button" lang={HTML_LANG[other]} onClick={() => onSwitchLocale(other)}>
          {t('header.switchLanguage')}
        </button>
        <QuickExitButton onExit={onQuickExit} />
      </div>
      <AppLink to="help" className="help-now">
        {t('header.helpNow')}
      </AppLink>
      {unlocked ? (
        <nav className="space-nav" aria-label={t('header.primaryNav')}>
          <AppLink to="circles">{t('nav.circles')}</AppLink>
          <AppLink to="toolkit">{t('nav.toolkit')}</AppLink>
          <AppLink to="invitations">{t('nav.invitations')}</AppLink>
          <AppLink to="nightWatch">{t('safety.nightWatch.navLink')}</AppLink>
          <AppLink to="watch">{t('watch.navLink')}</AppLink>
          <button type="button" className="link-button" onClick={onLock}>
            {t('nav.lock')}
          </button>
        </nav>
      ) : null}
      {unlocked ? <CheckInBanner /> : null}
      {unlocked ? <ReminderBanner /> : null}
    </header>
  );
}
