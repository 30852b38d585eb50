import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { AppLink } from '../../app/router.js';

/** The community guidelines a member accepts when joining. */
export function Guidelines() {
  const { t } = useTranslation();
  const id = useId();
  return (
    <section className="card" aria-labelledby={id}>
      <h2 id={id}>{t('join.guidelinesTitle')}</h2>
      <p>{t('join.guidelinesIntro')}</p>
      <ul>
        <li>
          {t('join.guidelinePeer')} {t('disclaimer.statement')}
        </li>
        <li>{t('join.guidelineNoJudging')}</li>
        <li>{t('join.guidelineNoMarket')}</li>
        <li>{t('join.guidelineCrisis')}</li>
        <li>
          {t('join.guidelineServer')} <AppLink to="privacy">{t('nav.privacy')}</AppLink>
        </li>
        <li>{t('join.guidelineProfessionals')}</li>
      </ul>
    </section>
  );
}
