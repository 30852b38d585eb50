import { useTranslation } from 'react-i18next';
import { ScreenTitle } from '../../app/ScreenTitle.js';
import { PrivacySummary } from './PrivacySummary.js';

/** The data inventory, shown to members. */
export function PrivacyScreen() {
  const { t } = useTranslation();
  return (
    <>
      <ScreenTitle>{t('privacy.title')}</ScreenTitle>
      <PrivacySummary />
    </>
  );
}
