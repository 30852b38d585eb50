import type { Locale } from '@lamplight/i18n';
import { lazy, Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { HomeScreen } from '../features/home/HomeScreen.js';
import { HelpScreen } from '../features/hotlines/HelpScreen.js';
import { NightWatchScreen, SafetyPlanScreen } from '../features/safety/index.js';
import { InvitationsScreen } from '../features/invitations/InvitationsScreen.js';
import { JoinScreen } from '../features/join/JoinScreen.js';
import { PlaceholderScreen } from '../features/placeholder/PlaceholderScreen.js';
import { PrivacyScreen } from '../features/privacy/PrivacyScreen.js';
import { SettingsScreen } from '../features/settings/SettingsScreen.js';
import { RestoreScreen } from '../features/unlock/RestoreScreen.js';
import { UnlockScreen } from '../features/unlock/UnlockScreen.js';
import type { VaultView } from '../features/vault/vault-model.js';
import { WelcomeScreen } from '../features/welcome/WelcomeScreen.js';
import { SPACE_ROUTES, type Route } from './routes.js';

// The larger screens load on first visit, so a cheap phone shows the shell,
// the hotlines and quick exit before parsing circles' MLS, the toolkit's
// charts or the night-watch screens. The service worker precaches every
// chunk, so they open offline too.
const CirclesScreen = lazy(() => import('../features/circles/CirclesScreen.js').then((m) => ({ default: m.CirclesScreen })));
const ToolkitScreen = lazy(() => import('../features/toolkit/ToolkitScreen.js').then((m) => ({ default: m.ToolkitScreen })));
const WatchScreen = lazy(() => import('../features/watch/WatchScreen.js').then((m) => ({ default: m.WatchScreen })));
const WatchAdminScreen = lazy(() => import('../features/watch/WatchAdminScreen.js').then((m) => ({ default: m.WatchAdminScreen })));

function Loading(): ReactNode {
  const { t } = useTranslation();
  return (
    <p role="status" className="muted">
      {t('app.loading')}
    </p>
  );
}

/** What a screen may need from the shell. */
export type ScreenProps = {
  readonly route: Route;
  readonly vault: VaultView;
  readonly locale: Locale;
  readonly neutral: boolean;
  readonly onNeutralChange: (neutral: boolean) => void;
};

/**
 * The screen for a route. While the vault is locked, every screen of the
 * member's space is the unlock screen; once it opens, the screen asked for
 * appears. The slots (circles, toolkit, safety plan) are placeholders until
 * their features land.
 */
export function Screen(props: ScreenProps) {
  return (
    <Suspense fallback={<Loading />}>
      <ScreenFor {...props} />
    </Suspense>
  );
}

function ScreenFor({ route, vault, locale, neutral, onNeutralChange }: ScreenProps) {
  const { t } = useTranslation();
  if (route.name !== 'notFound' && SPACE_ROUTES.has(route.name)) {
    if (vault.status === 'loading') return null;
    if (vault.status === 'locked') return <UnlockScreen goHome={route.name === 'unlock'} />;
  }
  switch (route.name) {
    case 'welcome':
      return vault.status === 'unlocked' ? <HomeScreen /> : <WelcomeScreen />;
    case 'help':
      return <HelpScreen locale={locale} />;
    case 'settings':
      return <SettingsScreen neutral={neutral} onNeutralChange={onNeutralChange} locale={locale} />;
    case 'join':
      return <JoinScreen invitation={route.invitation} locale={locale} />;
    case 'unlock':
      return vault.status === 'unlocked' ? <HomeScreen /> : <UnlockScreen goHome />;
    case 'restore':
      return <RestoreScreen />;
    case 'privacy':
      return <PrivacyScreen />;
    case 'circles':
      return <CirclesScreen />;
    case 'toolkit':
      return <ToolkitScreen section="home" locale={locale} />;
    case 'toolkitDiary':
      return <ToolkitScreen section="diary" locale={locale} />;
    case 'toolkitThoughts':
      return <ToolkitScreen section="thoughts" locale={locale} />;
    case 'toolkitBreathing':
      return <ToolkitScreen section="breathing" locale={locale} />;
    case 'toolkitGrounding':
      return <ToolkitScreen section="grounding" locale={locale} />;
    case 'toolkitChecks':
      return <ToolkitScreen section="checks" locale={locale} />;
    case 'toolkitData':
      return <ToolkitScreen section="data" locale={locale} />;
    case 'invitations':
      return vault.status === 'unlocked' ? <InvitationsScreen locale={locale} /> : <PlaceholderScreen title={t('invitations.title')} />;
    case 'safetyPlan':
      return <SafetyPlanScreen locale={locale} />;
    case 'nightWatch':
      return <NightWatchScreen locale={locale} />;
    case 'watch':
      return <WatchScreen locale={locale} />;
    case 'watchAdmin':
      return <WatchAdminScreen />;
    case 'notFound':
      return <PlaceholderScreen title={t('notFound.title')}>{null}</PlaceholderScreen>;
  }
}
