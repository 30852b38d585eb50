import { useCallback, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SAFETY_KEYS, timedKey } from '../safety/index.js';
import { useVaultModel } from '../vault/index.js';
import {
  BURNOUT_ITEM_MAX,
  BURNOUT_ITEMS,
  burnoutBand,
  burnoutTotal,
  burnoutTrend,
  makeBurnoutCheck,
  parseBurnoutCheck,
  type BurnoutCheck as Check,
} from './burnout.js';
import './watch.css';

const ANSWERS = Array.from({ length: BURNOUT_ITEM_MAX + 1 }, (_, i) => i);

/** A short burnout self-check with its trend over time; kept only in the responder's vault. */
export function BurnoutCheck() {
  const { t } = useTranslation();
  const model = useVaultModel();
  const id = useId();
  const [answers, setAnswers] = useState<readonly (number | undefined)[]>(() => BURNOUT_ITEMS.map(() => undefined));
  const [history, setHistory] = useState<readonly Check[]>([]);

  const load = useCallback(async (): Promise<void> => {
    const records = model.records();
    const keys = await records.list(SAFETY_KEYS.burnoutPrefix);
    const checks = await Promise.all(keys.map(async (k) => parseBurnoutCheck(await records.get(k))));
    setHistory(checks.filter((c): c is Check => c !== undefined));
  }, [model]);

  useEffect(() => {
    load().catch(() => undefined);
  }, [load]);

  const check = makeBurnoutCheck(answers, Date.now());
  const save = async (): Promise<void> => {
    if (check === undefined) return;
    await model.records().put(timedKey(SAFETY_KEYS.burnoutPrefix, check.at), check);
    setAnswers(BURNOUT_ITEMS.map(() => undefined));
    await load();
  };
  const last = history.at(-1);
  return (
    <section className="card" aria-labelledby={id}>
      <h2 id={id}>{t('watch.burnoutTitle')}</h2>
      <p>{t('watch.burnoutIntro')}</p>
      <form
        className="watch-form"
        onSubmit={(e) => {
          e.preventDefault();
          void save().catch(() => undefined);
        }}
      >
        {BURNOUT_ITEMS.map((item, i) => (
          <fieldset key={item} className="watch-choices">
            <legend>{t(`watch.burnout_${item}`)}</legend>
            {ANSWERS.map((a) => (
              <label key={a} className="toggle">
                <input
                  type="radio"
                  name={`burnout-${item}`}
                  value={a}
                  checked={answers[i] === a}
                  onChange={() => setAnswers((prev) => prev.map((p, j) => (j === i ? a : p)))}
                />
                {t(`watch.answer_${a as 0 | 1 | 2 | 3}`)}
              </label>
            ))}
          </fieldset>
        ))}
        <div>
          <button type="submit" className="button" disabled={check === undefined}>
            {t('watch.burnoutSave')}
          </button>
        </div>
      </form>
      {last === undefined ? null : (
        <div role="status">
          <p>{t('watch.burnoutTotal', { total: burnoutTotal(last) })}</p>
          <p>{t(`watch.band_${burnoutBand(burnoutTotal(last))}`)}</p>
          <p className="muted">{t(`watch.trend_${burnoutTrend(history)}`)}</p>
          <p className="muted">{history.map((c) => burnoutTotal(c)).join(' → ')}</p>
        </div>
      )}
    </section>
  );
}
