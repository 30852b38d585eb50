import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { AppLink } from '../../app/router.js';
import { ScreenTitle } from '../../app/ScreenTitle.js';
import { AccountSettings } from '../account/AccountSettings.js';

/** Device settings (the neutral name) and, while the space is open, its settings. Language is switched from the header. */
export function SettingsScreen({
  neutral,
  onNeutralChange,
  locale,
}: {
  readonly neutral: boolean;
  readonly locale: string;
  readonly onNeutralChange: (neutral: boolean) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <>
      <ScreenTitle>{t('settings.title')}</ScreenTitle>
      <section className="card" aria-labelledby={`${id}-title`}>
        <h2 id={`${id}-title`}>{t('settings.neutralTitle')}</h2>
        <label className="toggle" htmlFor={`${id}-neutral`}>
          <input
            id={`${id}-neutral`}
            type="checkbox"
            checked={neutral}
            aria-describedby={`${id}-hint`}
            onChange={(e) => onNeutralChange(e.currentTarget.checked)}
          />
          <span>{t('settings.neutralLabel')}</span>
        </label>
        <p id={`${id}-hint`} className="muted">
          {t('settings.neutralHint')}
        </p>
      </section>
      <AccountSettings locale={locale} />
      <p>
        <AppLink to="privacy">{t('nav.privacy')}</AppLink>
      </p>
    </>
  );
}
