import { useTranslation } from 'react-i18next';
import { AppLink } from '../../app/router.js';
import { ScreenTitle } from '../../app/ScreenTitle.js';

/** The first screen before joining or unlocking: what this is, and the ways in. */
export function WelcomeScreen() {
  const { t } = useTranslation();
  return (
    <>
      <ScreenTitle>{t('welcome.title')}</ScreenTitle>
      <p className="lead">{t('welcome.intro')}</p>
      <p className="statement">{t('disclaimer.statement')}</p>
      <section className="card" aria-labelledby="welcome-invitation">
        <h2 id="welcome-invitation">{t('welcome.invitationTitle')}</h2>
        <p>{t('welcome.invitationHint')}</p>
      </section>
      <section className="card" aria-labelledby="welcome-returning">
        <h2 id="welcome-returning">{t('welcome.returningTitle')}</h2>
        <AppLink to="unlock" className="button">
          {t('welcome.unlock')}
        </AppLink>
        <AppLink to="restore" className="button button-quiet">
          {t('nav.restore')}
        </AppLink>
      </section>
      <section className="card" aria-labelledby="welcome-help">
        <h2 id="welcome-help">{t('welcome.helpTitle')}</h2>
        <p>{t('welcome.helpHint')}</p>
        <AppLink to="help" className="button button-quiet">
          {t('nav.help')}
        </AppLink>
      </section>
      <p className="muted">{t('welcome.quickExitHint')}</p>
      <p className="muted">{t('quickExit.keysHint')}</p>
    </>
  );
}
