import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ScreenTitle } from '../../app/ScreenTitle.js';
import type { CirclesClient } from './client.js';
import { DEFAULT_TIMER, TIMER_CHOICES, timerMsOf } from './view-model.js';

/** Create a circle: name, topic, agreements, my name here, the disappearing timer, and whether to list it. */
export function CreateCircleForm({
  client,
  defaultPseudonym,
  onDone,
}: {
  readonly client: CirclesClient;
  readonly defaultPseudonym: string;
  readonly onDone: (circleId: string | undefined) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [name, setName] = useState('');
  const [topic, setTopic] = useState('');
  const [rules, setRules] = useState('');
  const [pseudonym, setPseudonym] = useState(defaultPseudonym);
  const [timer, setTimer] = useState<string>(DEFAULT_TIMER);
  const [listed, setListed] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    if (busy) return;
    if (name.trim() === '') {
      setError(t('circles.create.nameMissing'));
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      const circleId = await client.createCircle({
        name: name.trim(),
        topic: topic.trim(),
        rules: rules.trim(),
        timerMs: timerMsOf(timer),
        listed,
        pseudonym: pseudonym.trim() === '' ? defaultPseudonym : pseudonym.trim(),
      });
      onDone(circleId);
    } catch {
      setError(t('circles.create.failed'));
      setBusy(false);
    }
  };

  return (
    <>
      <ScreenTitle>{t('circles.create.title')}</ScreenTitle>
      <form className="form circle-form" onSubmit={(e) => void submit(e)} noValidate>
        <label htmlFor={`${id}-name`}>{t('circles.create.name')}</label>
        <input id={`${id}-name`} type="text" maxLength={60} value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" />
        <label htmlFor={`${id}-topic`}>{t('circles.create.topic')}</label>
        <input id={`${id}-topic`} type="text" maxLength={200} value={topic} onChange={(e) => setTopic(e.target.value)} autoComplete="off" />
        <label htmlFor={`${id}-rules`}>{t('circles.create.rules')}</label>
        <textarea id={`${id}-rules`} maxLength={2000} value={rules} onChange={(e) => setRules(e.target.value)} aria-describedby={`${id}-rules-hint`} />
        <p id={`${id}-rules-hint`} className="muted">{t('circles.create.rulesHint')}</p>
        <label htmlFor={`${id}-pseudonym`}>{t('circles.create.pseudonym')}</label>
        <input id={`${id}-pseudonym`} type="text" maxLength={40} value={pseudonym} onChange={(e) => setPseudonym(e.target.value)} autoComplete="off" aria-describedby={`${id}-pseudonym-hint`} />
        <p id={`${id}-pseudonym-hint`} className="muted">{t('circles.create.pseudonymHint')}</p>
        <label htmlFor={`${id}-timer`}>{t('circles.create.timer')}</label>
        <select id={`${id}-timer`} value={timer} onChange={(e) => setTimer(e.target.value)}>
          {TIMER_CHOICES.map((c) => (
            <option key={c.key} value={c.key}>
              {t(`circles.timers.${c.key}`)}
            </option>
          ))}
        </select>
        <label className="check">
          <input type="checkbox" checked={listed} onChange={(e) => setListed(e.target.checked)} aria-describedby={`${id}-listed-hint`} />
          {t('circles.create.listed')}
        </label>
        <p id={`${id}-listed-hint`} className="muted">{t('circles.create.listedHint')}</p>
        {error === undefined ? null : <p role="alert">{error}</p>}
        <div className="actions">
          <button type="submit" className="button" disabled={busy}>
            {t('circles.create.submit')}
          </button>
          <button type="button" className="button button-quiet" onClick={() => onDone(undefined)}>
            {t('circles.create.cancel')}
          </button>
        </div>
      </form>
    </>
  );
}
