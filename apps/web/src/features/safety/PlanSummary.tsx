import type { Locale } from '@lamplight/i18n';
import { SAFETY_PLAN_SECTIONS, type SafetyPlan } from '@lamplight/safety';
import { TAIWAN_DIRECTORY } from '@lamplight/safety/directory';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AppLink } from '../../app/router.js';
import { loadPlan } from './plan-store.js';
import { useSafetyRecords } from './use-safety-records.js';

/**
 * The member's own plan, read-only, for the help screen: only the steps they
 * have written something in (the pre-filled lines are on the screen already).
 * Shows nothing while locked.
 */
export function PlanSummary({ locale }: { readonly locale: Locale }) {
  const { t } = useTranslation();
  const records = useSafetyRecords();
  const id = useId();
  const [plan, setPlan] = useState<SafetyPlan>();
  useEffect(() => {
    if (records === undefined) return;
    let live = true;
    loadPlan(records, TAIWAN_DIRECTORY).then(
      (loaded) => live && !loaded.fresh && setPlan(loaded.plan),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [records]);
  if (records === undefined || plan === undefined) return null;
  const written = SAFETY_PLAN_SECTIONS.filter((s) => s.id !== 'professionals' && plan.sections[s.id].length > 0);
  if (written.length === 0) return null;
  return (
    <section className="card" aria-labelledby={id}>
      <h2 id={id}>{t('safety.help.myPlanTitle')}</h2>
      {written.map((s) => (
        <div key={s.id}>
          <h3>{s.title[locale]}</h3>
          <ul>
            {plan.sections[s.id].map((item, i) => (
              <li key={i}>{item.kind === 'text' ? item.text : item.name[locale]}</li>
            ))}
          </ul>
        </div>
      ))}
      <AppLink to="safetyPlan" className="button button-quiet">
        {t('help.openSafetyPlan')}
      </AppLink>
    </section>
  );
}
