import { useTranslation } from 'react-i18next';

/** docs/PRIVACY.md in plain words: what the server keeps, and what it never keeps. */
export function PrivacySummary() {
  const { t } = useTranslation();
  return (
    <>
      <p>{t('privacy.intro')}</p>
      <ul>
        <li>{t('privacy.account')}</li>
        <li>{t('privacy.devices')}</li>
        <li>{t('privacy.sessions')}</li>
        <li>{t('privacy.invitations')}</li>
        <li>{t('privacy.links')}</li>
      </ul>
      <p>{t('privacy.never')}</p>
    </>
  );
}
