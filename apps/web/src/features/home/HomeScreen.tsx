import { useTranslation } from 'react-i18next';
import { ScreenTitle } from '../../app/ScreenTitle.js';
import { useVaultView } from '../vault/VaultProvider.js';

/** The first screen of an open space. */
export function HomeScreen() {
  const { t } = useTranslation();
  const view = useVaultView();
  const account = view.status === 'unlocked' ? view.account : undefined;
  return (
    <>
      <ScreenTitle>{t('home.title')}</ScreenTitle>
      {account === undefined ? null : <p className="lead">{t('home.greeting', { name: account.pseudonym })}</p>}
      <p>{t('home.quiet')}</p>
    </>
  );
}
