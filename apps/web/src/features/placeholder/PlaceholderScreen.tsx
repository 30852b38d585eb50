import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { AppLink } from '../../app/router.js';
import { ScreenTitle } from '../../app/ScreenTitle.js';

/** A slot for a screen that a later feature fills in. */
export function PlaceholderScreen({ title, children }: { readonly title: string; readonly children?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <>
      <ScreenTitle>{title}</ScreenTitle>
      {children ?? <p>{t('placeholder.comingSoon')}</p>}
      <AppLink to="welcome" className="button button-quiet">
        {t('placeholder.backHome')}
      </AppLink>
    </>
  );
}
