import type { Locale } from '@lamplight/i18n';
import { safetyPlanToText, type SafetyPlan } from '@lamplight/safety';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import './safety.css';

/**
 * Share the plan with a responder the member chooses: copy it as text to
 * paste into their conversation. Nothing is sent by this button.
 */
export function PlanShare({ plan, locale }: { readonly plan: SafetyPlan; readonly locale: Locale }) {
  const { t } = useTranslation();
  const id = useId();
  const textId = useId();
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const text = safetyPlanToText(plan, locale);
  const copy = async (): Promise<void> => {
    try {
      await navigator.clipboard.writeText(text);
      setState('copied');
    } catch {
      setState('failed');
    }
  };
  return (
    <section className="card" aria-labelledby={id}>
      <h2 id={id}>{t('safety.plan.shareTitle')}</h2>
      <p>{t('safety.plan.shareHint')}</p>
      <button type="button" className="button" onClick={() => void copy()}>
        {t('safety.plan.share')}
      </button>
      <p role="status">{state === 'copied' ? t('safety.plan.copied') : state === 'failed' ? t('safety.plan.copyFailed') : ''}</p>
      {state === 'failed' ? (
        <div className="field">
          <label htmlFor={textId}>{t('safety.plan.planText')}</label>
          <textarea id={textId} readOnly rows={12} value={text} className="safety-plan-text" />
        </div>
      ) : null}
    </section>
  );
}
