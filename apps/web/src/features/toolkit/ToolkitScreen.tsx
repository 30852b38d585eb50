import type { Locale } from '@lamplight/i18n';
import { useTranslation } from 'react-i18next';
import { BreathingScreen } from './breathing/BreathingScreen.js';
import { GroundingScreen } from './breathing/GroundingScreen.js';
import { ChecksScreen } from './checks/ChecksScreen.js';
import { DataScreen } from './data/DataScreen.js';
import { useAutoSync } from './data/use-sync.js';
import { DiaryScreen } from './diary/DiaryScreen.js';
import { ThoughtScreen } from './thoughts/ThoughtScreen.js';
import { ToolkitLayout } from './ui/ToolkitLayout.js';

const ABOUT = ['diary', 'thoughts', 'breathing', 'grounding', 'checks', 'data'] as const;

/** The toolkit's sections, one per route. */
export type ToolkitSection = 'home' | 'diary' | 'thoughts' | 'breathing' | 'grounding' | 'checks' | 'data';

/** The private self-help toolkit: the section asked for, inside an open vault. */
export function ToolkitScreen({ section, locale }: { readonly section: ToolkitSection; readonly locale: Locale }) {
  const { t } = useTranslation();
  useAutoSync();
  switch (section) {
    case 'diary':
      return <DiaryScreen />;
    case 'thoughts':
      return <ThoughtScreen />;
    case 'breathing':
      return <BreathingScreen />;
    case 'grounding':
      return <GroundingScreen />;
    case 'checks':
      return <ChecksScreen locale={locale} />;
    case 'data':
      return <DataScreen />;
    case 'home':
      return (
        <ToolkitLayout title={t('toolkit.title')}>
          <p className="lead">{t('toolkit.intro')}</p>
          <dl className="toolkit-about">
            {ABOUT.map((key) => (
              <div key={key}>
                <dt>{t(`toolkit.nav.${key}`)}</dt>
                <dd>{t(`toolkit.about.${key}`)}</dd>
              </div>
            ))}
          </dl>
        </ToolkitLayout>
      );
  }
}
