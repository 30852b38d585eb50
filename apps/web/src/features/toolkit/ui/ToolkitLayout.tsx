import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { AppLink } from '../../../app/router.js';
import { ScreenTitle } from '../../../app/ScreenTitle.js';
import '../toolkit.css';

/** Every toolkit screen: its title, the toolkit's own menu, then the screen. */
export function ToolkitLayout({ title, children }: { readonly title: string; readonly children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <>
      <ScreenTitle>{title}</ScreenTitle>
      <nav className="toolkit-nav" aria-label={t('toolkit.sectionsNav')}>
        <AppLink to="toolkitDiary">{t('toolkit.nav.diary')}</AppLink>
        <AppLink to="toolkitThoughts">{t('toolkit.nav.thoughts')}</AppLink>
        <AppLink to="toolkitBreathing">{t('toolkit.nav.breathing')}</AppLink>
        <AppLink to="toolkitGrounding">{t('toolkit.nav.grounding')}</AppLink>
        <AppLink to="toolkitChecks">{t('toolkit.nav.checks')}</AppLink>
        <AppLink to="toolkitData">{t('toolkit.nav.data')}</AppLink>
      </nav>
      {children}
    </>
  );
}
