import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DiaryEntry } from '../model/records.js';
import { TrendChart } from '../ui/TrendChart.js';
import { calendarMonth, diaryTrend, topTriggers } from './diary-model.js';

const TREND_WEEKS = 8;

/**
 * The month view. A day with entries is a button that shows only that day's
 * entries in the list (`selected`, a `YYYY-MM-DD` key); pressed again, all.
 */
export function DiaryCalendar({
  entries,
  selected,
  onSelect,
}: {
  readonly entries: readonly DiaryEntry[];
  readonly selected: string | undefined;
  readonly onSelect: (day: string | undefined) => void;
}) {
  const { t, i18n } = useTranslation();
  const [month, setMonth] = useState(() => {
    const d = new Date();
    return new Date(d.getFullYear(), d.getMonth(), 1).getTime();
  });
  const weeks = useMemo(() => calendarMonth(month, entries), [month, entries]);
  const weekdays = t('toolkit.diary.weekdays').split(',');
  const monthName = new Intl.DateTimeFormat(i18n.language, { year: 'numeric', month: 'long' }).format(month);
  const shift = (by: number): void => {
    const d = new Date(month);
    setMonth(new Date(d.getFullYear(), d.getMonth() + by, 1).getTime());
  };

  return (
    <section className="card" aria-labelledby="diary-calendar">
      <h2 id="diary-calendar">{t('toolkit.diary.calendarTitle')}</h2>
      <div className="toolkit-row">
        <button type="button" className="link-button" onClick={() => shift(-1)}>
          {t('toolkit.diary.prevMonth')}
        </button>
        <button type="button" className="link-button" onClick={() => shift(1)}>
          {t('toolkit.diary.nextMonth')}
        </button>
      </div>
      <div className="toolkit-table-wrap">
        <table className="toolkit-table toolkit-calendar">
          <caption>{t('toolkit.diary.calendarCaption', { month: monthName })}</caption>
          <thead>
            <tr>
              {weekdays.map((w) => (
                <th key={w} scope="col">
                  {w}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {weeks.map((week, i) => (
              <tr key={i}>
                {week.map((cell, j) =>
                  cell === undefined ? (
                    <td key={j} />
                  ) : (
                    <td key={j} className={cell.count > 0 ? 'has-entries' : undefined}>
                      {cell.count > 0 ? (
                        <button
                          type="button"
                          className="toolkit-day"
                          aria-pressed={selected === cell.key}
                          aria-label={t('toolkit.diary.calendarDay', { day: cell.day, count: cell.count })}
                          onClick={() => onSelect(selected === cell.key ? undefined : cell.key)}
                        >
                          {cell.day}
                          <span aria-hidden="true"> ·{cell.count}</span>
                        </button>
                      ) : (
                        <>
                          <span aria-hidden="true">{cell.day}</span>
                          <span className="toolkit-sr">{t('toolkit.diary.calendarDay', { day: cell.day, count: cell.count })}</span>
                        </>
                      )}
                    </td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** The trend chart with its table, and the most frequent triggers. */
export function DiaryTrend({ entries }: { readonly entries: readonly DiaryEntry[] }) {
  const { t, i18n } = useTranslation();
  const trend = useMemo(() => diaryTrend(entries, Date.now(), TREND_WEEKS), [entries]);
  const triggers = useMemo(() => topTriggers(entries, 5), [entries]);
  const shortDate = useCallback((ms: number) => new Intl.DateTimeFormat(i18n.language, { month: 'numeric', day: 'numeric' }).format(ms), [i18n.language]);
  const formatX = useCallback((s: number) => shortDate(s * 1000), [shortDate]);
  const x = useMemo(() => trend.weeks.map((w) => w / 1000), [trend]);
  const series = useMemo(
    () => trend.series.map((s) => ({ label: t(`toolkit.emotions.${s.emotion}` as `toolkit.emotions.sad`), values: s.averages })),
    [trend, t],
  );
  return (
    <section className="card" aria-labelledby="diary-trend">
      <h2 id="diary-trend">{t('toolkit.diary.trendTitle')}</h2>
      <p className="muted">{t('toolkit.diary.trendHint')}</p>
      <TrendChart x={x} series={series} yMax={10} formatX={formatX} />
      <div className="toolkit-table-wrap">
        <table className="toolkit-table">
          <caption>{t('toolkit.common.tableCaption', { title: t('toolkit.diary.trendTitle') })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('toolkit.common.week')}</th>
              {series.map((s) => (
                <th key={s.label} scope="col">
                  {s.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {trend.weeks.map((w, i) => (
              <tr key={w}>
                <th scope="row">{t('toolkit.common.weekOf', { date: shortDate(w) })}</th>
                {series.map((s) => (
                  <td key={s.label}>{s.values[i] ?? '–'}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {triggers.length === 0 ? null : (
        <>
          <h3>{t('toolkit.diary.triggersTitle')}</h3>
          <ol>
            {triggers.map((tr) => (
              <li key={tr.trigger}>
                {t('toolkit.diary.triggerCount', { trigger: t(`toolkit.triggers.${tr.trigger}` as `toolkit.triggers.work`), count: tr.count })}
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
