import type { Locale } from '@lamplight/i18n';
import { API } from '@lamplight/protocol';
import { SCALES, type ScaleDefinition, type ScaleId, type ScaleResult } from '@lamplight/safety';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocationStore } from '../../../app/router.js';
import { useVaultModel } from '../../vault/index.js';
import type { CheckRecord } from '../model/records.js';
import { newId, useHasAccount, useRecordActions, useRecords } from '../use-toolkit.js';
import { ToolkitLayout } from '../ui/ToolkitLayout.js';
import { CheckHistory } from './CheckHistory.js';
import { CHECK_ORDER, isAsked, scoreAnswers, toCheckRecord, watchTierFor } from './check-model.js';

/** 自我檢視: BSRS-5, PHQ-9, GAD-7 and the C-SSRS screener, scored on the device, with trends. */
export function ChecksScreen({ locale }: { readonly locale: Locale }) {
  const { t } = useTranslation();
  const records = useRecords<CheckRecord>('check') ?? [];
  const [active, setActive] = useState<ScaleId | undefined>(undefined);
  const [result, setResult] = useState<ScaleResult | undefined>(undefined);

  return (
    <ToolkitLayout title={t('toolkit.checks.title')}>
      <p className="lead">{t('toolkit.checks.intro')}</p>
      {result !== undefined ? (
        <CheckResultView result={result} locale={locale} onClose={() => setResult(undefined)} />
      ) : active !== undefined ? (
        <CheckForm
          def={SCALES[active]}
          locale={locale}
          onCancel={() => setActive(undefined)}
          onResult={(r) => {
            setActive(undefined);
            setResult(r);
          }}
        />
      ) : (
        CHECK_ORDER.map((id) => (
          <section key={id} className="card" aria-labelledby={`check-${id}`}>
            <h2 id={`check-${id}`}>{SCALES[id].name[locale]}</h2>
            <button type="button" className="button" onClick={() => setActive(id)}>
              {t('toolkit.checks.start', { name: SCALES[id].name[locale] })}
            </button>
            <CheckHistory scale={id} name={SCALES[id].name[locale]} records={records} />
          </section>
        ))
      )}
    </ToolkitLayout>
  );
}

function CheckForm({
  def,
  locale,
  onCancel,
  onResult,
}: {
  readonly def: ScaleDefinition;
  readonly locale: Locale;
  readonly onCancel: () => void;
  readonly onResult: (result: ScaleResult) => void;
}) {
  const { t } = useTranslation();
  const { save } = useRecordActions();
  const store = useLocationStore();
  const [answers, setAnswers] = useState<(number | null)[]>(() => def.items.map(() => null));
  const [missing, setMissing] = useState<number | undefined>(undefined);

  const submit = async (): Promise<void> => {
    const scored = scoreAnswers(def, answers);
    if (!scored.ok) {
      setMissing(scored.missing);
      return;
    }
    await save('check', toCheckRecord(scored.result, scored.answers, newId(), Date.now()));
    // Imminent risk goes straight to the hand-off screen: lines to call, the night watch, the plan.
    if (scored.result.flags.showHandoff) store.navigate('help');
    else onResult(scored.result);
  };

  return (
    <form
      className="card"
      aria-labelledby="check-form-title"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h2 id="check-form-title">{def.name[locale]}</h2>
      <p>{def.instructions[locale]}</p>
      <p className="muted">{def.disclaimer[locale]}</p>
      {def.items.map((item, index) =>
        isAsked(def, answers, index) ? (
          <fieldset key={item.id} className="toolkit-chips toolkit-radios">
            <legend>
              {index + 1}. {item.text[locale]}
            </legend>
            {item.options.map((o) => (
              <label key={o.value}>
                <input
                  type="radio"
                  name={item.id}
                  checked={answers[index] === o.value}
                  onChange={() => {
                    const next = [...answers];
                    next[index] = o.value;
                    setAnswers(next);
                    setMissing(undefined);
                  }}
                />
                {o.label[locale]}
              </label>
            ))}
          </fieldset>
        ) : null,
      )}
      {missing === undefined ? null : (
        <p className="problem" role="alert">
          {t('toolkit.checks.missing', { number: missing + 1 })}
        </p>
      )}
      <div className="toolkit-row">
        <button type="submit" className="button">
          {t('toolkit.checks.submit')}
        </button>
        <button type="button" className="button button-quiet" onClick={onCancel}>
          {t('toolkit.common.cancel')}
        </button>
      </div>
    </form>
  );
}

function CheckResultView({ result, locale, onClose }: { readonly result: ScaleResult; readonly locale: Locale; readonly onClose: () => void }) {
  const { t } = useTranslation();
  const store = useLocationStore();
  const model = useVaultModel();
  const hasAccount = useHasAccount();
  const [watch, setWatch] = useState<'idle' | 'asking' | 'asked' | 'failed'>('idle');
  const def = SCALES[result.scale];

  const askWatch = async (): Promise<void> => {
    // A profile without an account answers like an unreachable night watch, so it looks ordinary.
    if (!hasAccount) {
      setWatch('failed');
      return;
    }
    setWatch('asking');
    try {
      await model.call('POST', API.watchRequests, { tier: watchTierFor(result), origin: 'self' });
      setWatch('asked');
    } catch {
      setWatch('failed');
    }
  };

  return (
    <section className="card" aria-labelledby="check-result">
      <h2 id="check-result">
        {t('toolkit.common.label', { label: t('toolkit.checks.resultTitle') })}
        {def.name[locale]}
      </h2>
      <p className="lead">{t('toolkit.checks.score', { total: result.total, max: result.max })}</p>
      <p>{result.interpretation[locale]}</p>
      <p className="muted">{def.disclaimer[locale]}</p>
      {result.flags.recommendProfessional ? <p>{t('toolkit.checks.professional')}</p> : null}
      <div className="toolkit-row">
        {result.flags.openSafetyPlan ? (
          <button type="button" className="button" onClick={() => store.navigate('safetyPlan')}>
            {t('toolkit.checks.openPlan')}
          </button>
        ) : null}
        {result.flags.offerNightWatch && watch !== 'asked' ? (
          <button type="button" className="button" disabled={watch === 'asking'} onClick={() => void askWatch()}>
            {t('toolkit.checks.askWatch')}
          </button>
        ) : null}
        <button type="button" className="button button-quiet" onClick={onClose}>
          {t('toolkit.common.back')}
        </button>
      </div>
      <p role="status">
        {watch === 'asked'
          ? t('toolkit.checks.watchAsked')
          : watch === 'failed'
            ? t('toolkit.checks.watchFailed')
            : ''}
      </p>
    </section>
  );
}
