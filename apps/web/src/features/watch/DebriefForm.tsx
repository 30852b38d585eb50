import type { WatchTier } from '@lamplight/protocol';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../app/Field.js';
import { SAFETY_KEYS, timedKey } from '../safety/index.js';
import { useVaultModel } from '../vault/index.js';
import { EMPTY_DEBRIEF, makeDebrief, WHOSE_NEED, type DebriefDraft } from './debrief.js';
import './watch.css';

/**
 * The short debrief after a hard conversation: what happened, what I felt,
 * whose need I was meeting, what I let go of. Sealed in the responder's own
 * vault (`safety.debrief.*`); never sent.
 */
export function DebriefForm({ tier, onSaved }: { readonly tier: WatchTier | undefined; readonly onSaved: () => void }) {
  const { t } = useTranslation();
  const model = useVaultModel();
  const id = useId();
  const [draft, setDraft] = useState<DebriefDraft>(EMPTY_DEBRIEF);
  const [problem, setProblem] = useState<string>();
  const [saved, setSaved] = useState(false);
  const set = (patch: Partial<DebriefDraft>): void => setDraft((d) => ({ ...d, ...patch }));

  const save = async (): Promise<void> => {
    const at = Date.now();
    const r = makeDebrief(draft, at, tier);
    if (!r.ok) {
      setProblem(r.error === 'empty' ? t('watch.debriefEmpty') : t('watch.debriefTooLong'));
      return;
    }
    try {
      await model.records().put(timedKey(SAFETY_KEYS.debriefPrefix, at), r.debrief);
      setSaved(true);
      setProblem(undefined);
      setDraft(EMPTY_DEBRIEF);
      onSaved();
    } catch {
      setProblem(t('common.generic'));
    }
  };

  return (
    <section className="card" aria-labelledby={id}>
      <h2 id={id}>{t('watch.debriefTitle')}</h2>
      <p>{t('watch.debriefIntro')}</p>
      <form
        className="watch-form"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <Field label={t('watch.debriefHappened')} value={draft.happened} onChange={(v) => set({ happened: v })} multiline />
        <Field label={t('watch.debriefFelt')} value={draft.felt} onChange={(v) => set({ felt: v })} multiline />
        <fieldset className="watch-choices">
          <legend>{t('watch.debriefWhoseNeed')}</legend>
          {WHOSE_NEED.map((w) => (
            <label key={w} className="toggle">
              <input type="radio" name="whose-need" value={w} checked={draft.whoseNeed === w} onChange={() => set({ whoseNeed: w })} />
              {t(`watch.whose_${w}`)}
            </label>
          ))}
        </fieldset>
        <Field label={t('watch.debriefLetGo')} value={draft.letGo} onChange={(v) => set({ letGo: v })} multiline />
        {problem === undefined ? null : (
          <p role="alert" className="problem">
            {problem}
          </p>
        )}
        <p role="status">{saved ? t('watch.debriefSaved') : ''}</p>
        <div>
          <button type="submit" className="button">
            {t('watch.debriefSave')}
          </button>
        </div>
      </form>
    </section>
  );
}
