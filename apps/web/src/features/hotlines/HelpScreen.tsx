import type { Locale } from '@lamplight/i18n';
import { useTranslation } from 'react-i18next';
import { AppLink } from '../../app/router.js';
import { ScreenTitle } from '../../app/ScreenTitle.js';
import { CallScript, PlanSummary, ProfessionalDuty, RightNowSteps, YouthResources, YourChoice, useUnder18Mentioned } from '../safety/index.js';
import { useDirectory } from './DirectoryProvider.js';
import { allHotlines } from './hotlines.js';

/**
 * "Help now": every line to call, what each is for, what to say, what to do
 * right now, the night watch, the member's own plan, and that calling 110/119
 * is only ever their choice.
 */
export function HelpScreen({ locale }: { readonly locale: Locale }) {
  const { t } = useTranslation();
  const directory = useDirectory();
  const lines = allHotlines(directory, locale);
  const allDay = lines.filter((l) => l.allDay).length;
  const under18 = useUnder18Mentioned();
  return (
    <>
      <ScreenTitle>{t('help.title')}</ScreenTitle>
      <p className="lead">{t('help.intro')}</p>
      <p className="statement">{t('disclaimer.neverReports')}</p>
      {under18 ? <YouthResources locale={locale} /> : null}
      <section className="card" aria-labelledby="help-lines">
        <h2 id="help-lines">{t('help.linesTitle')}</h2>
        <p>{t('help.alwaysOpen', { count: allDay })}</p>
        <ul className="line-cards">
          {lines.map((line) => (
            <li key={line.id} className="line-card">
              <a className="call-button" href={line.href}>
                {t('footer.call', { number: line.number })}
                <span className="call-name">{line.name}</span>
              </a>
              <p>{line.purpose}</p>
              <p className="muted">{line.allDay ? t('footer.allDay') : line.hours}</p>
            </li>
          ))}
        </ul>
      </section>
      <CallScript />
      <section className="card" aria-labelledby="help-night-watch">
        <h2 id="help-night-watch">{t('safety.help.nightWatchTitle')}</h2>
        <p>{t('safety.help.nightWatchHint')}</p>
        <AppLink to="nightWatch" className="button">
          {t('safety.nightWatch.navLink')}
        </AppLink>
      </section>
      <RightNowSteps />
      <PlanSummary locale={locale} />
      <section className="card" aria-labelledby="help-plan">
        <h2 id="help-plan">{t('help.safetyPlanTitle')}</h2>
        <p>{t('help.safetyPlanHint')}</p>
        <AppLink to="safetyPlan" className="button">
          {t('help.openSafetyPlan')}
        </AppLink>
      </section>
      <YourChoice locale={locale} />
      <ProfessionalDuty />
    </>
  );
}
