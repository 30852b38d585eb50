import type { Locale } from '@lamplight/i18n';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useDirectory } from '../hotlines/DirectoryProvider.js';
import type { HotlineItem } from '../hotlines/hotlines.js';
import { emergencyLines, talkLines, youthLines } from './lines.js';
import './safety.css';

/** Dialable lines as large call buttons, with what each is for and its hours ("24 hours" only when true). */
export function CallLines({ lines }: { readonly lines: readonly HotlineItem[] }) {
  const { t } = useTranslation();
  return (
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
  );
}

/** The lines to talk to someone (not police or ambulance). */
export function TalkLines({ locale }: { readonly locale: Locale }) {
  const directory = useDirectory();
  return <CallLines lines={talkLines(directory, locale)} />;
}

/** What to say when calling: short and warm. */
export function CallScript() {
  const { t } = useTranslation();
  const id = useId();
  return (
    <section className="card safety-script" aria-labelledby={id}>
      <h2 id={id}>{t('safety.handoff.scriptTitle')}</h2>
      <p className="safety-quote">{t('safety.handoff.script')}</p>
      <p>{t('safety.handoff.scriptMore')}</p>
    </section>
  );
}

/** "What you can do right now": breathe, move away from means, call someone, read the plan. */
export function RightNowSteps() {
  const { t } = useTranslation();
  const id = useId();
  return (
    <section className="card" aria-labelledby={id}>
      <h2 id={id}>{t('safety.handoff.nowTitle')}</h2>
      <ol className="safety-steps">
        <li>{t('safety.handoff.stepBreathe')}</li>
        <li>{t('safety.handoff.stepAway')}</li>
        <li>{t('safety.handoff.stepCall')}</li>
        <li>{t('safety.handoff.stepPlan')}</li>
      </ol>
    </section>
  );
}

/**
 * Lamplight never calls anyone for the member; 110 and 119 are their own
 * choice, with help to say where they are.
 */
export function YourChoice({ locale }: { readonly locale: Locale }) {
  const { t } = useTranslation();
  const id = useId();
  const whereId = useId();
  const emergencyId = useId();
  const directory = useDirectory();
  return (
    <section className="card" aria-labelledby={id}>
      <h2 id={id}>{t('safety.handoff.neverTitle')}</h2>
      <p className="statement">{t('safety.handoff.never')}</p>
      <h3 id={emergencyId}>{t('safety.handoff.emergencyTitle')}</h3>
      <CallLines lines={emergencyLines(directory, locale)} />
      <h3 id={whereId}>{t('safety.handoff.whereTitle')}</h3>
      <p>{t('safety.handoff.where')}</p>
    </section>
  );
}

/** What professional volunteers may be obliged to do by law (DESIGN.md §8). */
export function ProfessionalDuty() {
  const { t } = useTranslation();
  const id = useId();
  return (
    <section className="card" aria-labelledby={id}>
      <h2 id={id}>{t('safety.handoff.professionalsTitle')}</h2>
      <p>{t('safety.handoff.professionalsDuty')}</p>
    </section>
  );
}

/** Youth and protection lines, for a member who said they are under 18. */
export function YouthResources({ locale }: { readonly locale: Locale }) {
  const { t } = useTranslation();
  const id = useId();
  const directory = useDirectory();
  return (
    <section className="card safety-youth" aria-labelledby={id}>
      <h2 id={id}>{t('safety.youth.title')}</h2>
      <p>{t('safety.youth.intro')}</p>
      <CallLines lines={youthLines(directory, locale)} />
      <p className="muted">{t('safety.youth.note')}</p>
    </section>
  );
}
