import type { Locale } from '@lamplight/i18n';
import { API } from '@lamplight/protocol';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useVaultModel } from '../vault/index.js';
import { addShift, removeShift, SHIFT_HOURS_CHOICES, toLocalDateTime, parseLocalDateTime, upcomingShifts, type Shift, type ShiftError } from './shifts.js';
import { shortTime } from './use-now.js';
import './watch.css';

const SHIFT_ERROR_KEYS = {
  'bad-start': 'watch.shiftBadStart',
  'too-long': 'watch.shiftTooLong',
  'too-far': 'watch.shiftTooFar',
  'already-over': 'watch.shiftAlreadyOver',
  overlap: 'watch.shiftOverlap',
  'too-many': 'watch.shiftTooMany',
} as const satisfies Record<ShiftError, string>;

/** A responder's shifts: the list with remove, and a simple form (start + length) to add one. */
export function ShiftsSection({
  shifts,
  now,
  locale,
  onChanged,
}: {
  readonly shifts: readonly Shift[];
  readonly now: number;
  readonly locale: Locale;
  readonly onChanged: () => void;
}) {
  const { t } = useTranslation();
  const model = useVaultModel();
  const id = useId();
  const startId = useId();
  const lengthId = useId();
  const [start, setStart] = useState(() => toLocalDateTime(Date.now()));
  const [hours, setHours] = useState<number>(4);
  const [problem, setProblem] = useState<string>();
  const [busy, setBusy] = useState(false);

  const publish = async (next: readonly Shift[]): Promise<void> => {
    setBusy(true);
    try {
      await model.call('PUT', API.watchShifts, { shifts: next });
      setProblem(undefined);
      onChanged();
    } catch {
      setProblem(t('common.generic'));
    } finally {
      setBusy(false);
    }
  };

  const add = (): void => {
    const r = addShift(shifts, parseLocalDateTime(start), hours, Date.now());
    if (!r.ok) {
      setProblem(t(SHIFT_ERROR_KEYS[r.error]));
      return;
    }
    void publish(r.shifts);
  };

  const list = upcomingShifts(shifts, now);
  return (
    <section className="card" aria-labelledby={id}>
      <h2 id={id}>{t('watch.shiftsTitle')}</h2>
      {list.length === 0 ? (
        <p className="muted">{t('watch.shiftsEmpty')}</p>
      ) : (
        <ul className="watch-list">
          {list.map((s) => {
            const startText = shortTime(s.startsAt, locale);
            return (
              <li key={`${s.startsAt}-${s.endsAt}`} className="watch-row">
                <span>
                  {t('watch.shiftItem', { start: startText, end: shortTime(s.endsAt, locale) })}
                  {s.startsAt <= now && now < s.endsAt ? t('watch.shiftNow') : ''}
                </span>
                <button
                  type="button"
                  className="link-button"
                  disabled={busy}
                  aria-label={t('watch.removeShift', { start: startText })}
                  onClick={() => void publish(removeShift(shifts, s, Date.now()))}
                >
                  {t('safety.plan.remove')}
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <form
        className="watch-form"
        onSubmit={(e) => {
          e.preventDefault();
          add();
        }}
      >
        <div className="field">
          <label htmlFor={startId}>{t('watch.startsAt')}</label>
          <input id={startId} type="datetime-local" value={start} onChange={(e) => setStart(e.currentTarget.value)} />
        </div>
        <div className="field">
          <label htmlFor={lengthId}>{t('watch.length')}</label>
          <select id={lengthId} value={hours} onChange={(e) => setHours(Number(e.currentTarget.value))}>
            {SHIFT_HOURS_CHOICES.map((h) => (
              <option key={h} value={h}>
                {t('watch.hours', { count: h })}
              </option>
            ))}
          </select>
        </div>
        {problem === undefined ? null : (
          <p role="alert" className="problem">
            {problem}
          </p>
        )}
        <div>
          <button type="submit" className="button" disabled={busy}>
            {t('watch.addShift')}
          </button>
        </div>
      </form>
    </section>
  );
}
