import type { Locale } from '@lamplight/i18n';
import { useTranslation } from 'react-i18next';
import { HelpScreen } from '../features/hotlines/HelpScreen.js';
import { PlaceholderScreen } from '../features/placeholder/PlaceholderScreen.js';
import { SettingsScreen } from '../features/settings/SettingsScreen.js';
import { WelcomeScreen } from '../features/welcome/WelcomeScreen.js';
import type { Route } from './routes.js';

/** What a screen may need from the shell. */
export type ScreenProps = {
  readonly route: Route;
  readonly locale: Locale;
  readonly neutral: boolean;
  readonly onNeutralChange: (neutral: boolean) => void;
};

/**
 * The screen for a route. The slots (join, unlock, circles, toolkit,
 * invitations, safety plan) are placeholders until their features land:
 * replace the placeholder with the feature's screen component.
 */
export function Screen({ route, locale, neutral, onNeutralChange }: ScreenProps) {
  const { t } = useTranslation();
  switch (route.name) {
    case 'welcome':
      return <WelcomeScreen />;
    case 'help':
      return <HelpScreen locale={locale} />;
    case 'settings':
      return <SettingsScreen neutral={neutral} onNeutralChange={onNeutralChange} />;
    case 'join':
      return (
        <PlaceholderScreen title={t('join.title')}>
          <p>{route.invitation === undefined ? t('join.noInvitation') : t('join.hasInvitation')}</p>
        </PlaceholderScreen>
      );
    case 'unlock':
      return <PlaceholderScreen title={t('unlock.title')} />;
    case 'circles':
      return <PlaceholderScreen title={t('circles.title')} />;
    case 'toolkit':
      return <PlaceholderScreen title={t('toolkit.title')} />;
    case 'invitations':
      return <PlaceholderScreen title={t('invitations.title')} />;
    case 'safetyPlan':
      return <PlaceholderScreen title={t('safetyPlan.title')} />;
    case 'notFound':
      return <PlaceholderScreen title={t('notFound.title')}>{null}</PlaceholderScreen>;
  }
}
