import type { Locale } from '@lamplight/i18n';
import { useTranslation } from 'react-i18next';
import { AppLink } from '../../app/router.js';
import { useDirectory } from './DirectoryProvider.js';
import { footerHotlines } from './hotlines.js';

/** The footer on every screen: the hotlines, the statement of what this is, and settings. */
export function HotlineFooter({ locale }: { readonly locale: Locale }) {
  const { t } = useTranslation();
  const directory = useDirectory();
  const lines = footerHotlines(directory, locale);
  return (
    <footer className="app-footer">
      <h2 className="footer-title">{t('footer.title')}</h2>
      <ul className="hotline-list">
        {lines.map((line) => (
          <li key={line.id}>
            <a className="hotline" href={line.href}>
              <span className="hotline-number">{line.number}</span>
              <span className="hotline-name">{line.name}</span>
              {line.allDay ? <span className="hotline-hours">{t('footer.allDay')}</span> : null}
            </a>
          </li>
        ))}
      </ul>
      <p className="footer-statement">{t('disclaimer.statement')}</p>
      <nav className="footer-nav" aria-label={t('header.primaryNav')}>
        <AppLink to="welcome">{t('nav.welcome')}</AppLink>
        <AppLink to="safetyPlan">{t('nav.safetyPlan')}</AppLink>
        <AppLink to="settings">{t('nav.settings')}</AppLink>
      </nav>
    </footer>
  );
}
