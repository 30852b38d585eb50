import type { ScaleId } from '@lamplight/safety';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CheckRecord } from '../model/records.js';
import { formatDate, formatTime, useRecordActions } from '../use-toolkit.js';
import { TrendChart } from '../ui/TrendChart.js';
import { checkTrend } from './check-model.js';

/** One self-check's past results: a chart and the same numbers as a table. */
export function CheckHistory({ scale, name, records }: { readonly scale: ScaleId; readonly name: string; readonly records: readonly CheckRecord[] }) {
  const { t, i18n } = useTranslation();
  const { remove } = useRecordActions();
  const trend = useMemo(() => checkTrend(records, scale), [records, scale]);
  const x = useMemo(() => trend.map((r) => r.createdAt / 1000), [trend]);
  const series = useMemo(() => [{ label: t('toolkit.checks.total'), values: trend.map((r) => r.total) }], [trend, t]);
  const formatX = useCallback((s: number) => formatDate(s * 1000, i18n.language), [i18n.language]);
  if (trend.length === 0) return null;
  const max = trend[0]?.max ?? 1;
  return (
    <>
      <h3>{t('toolkit.checks.history')}</h3>
      {trend.length > 1 ? <TrendChart x={x} series={series} yMax={max} formatX={formatX} /> : null}
      <div className="toolkit-table-wrap">
        <table className="toolkit-table">
          <caption>{t('toolkit.checks.historyCaption', { name })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('toolkit.checks.date')}</th>
              <th scope="col">{t('toolkit.checks.total')}</th>
              <th scope="col">{t('toolkit.checks.band')}</th>
              <th scope="col">
                <span className="toolkit-sr">{t('toolkit.common.delete')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {trend.map((r) => {
              const time = formatTime(r.createdAt, i18n.language);
              return (
                <tr key={r.id}>
                  <th scope="row">{time}</th>
                  <td>
                    {t('toolkit.common.outOf', { total: r.total, max: r.max })}
                  </td>
                  <td>{t(`toolkit.checks.bands.${r.band}` as 'toolkit.checks.bands.mild', { defaultValue: r.band })}</td>
                  <td>
                    <button type="button" className="link-button" onClick={() => void remove('check', r.id)} aria-label={t('toolkit.checks.deleteResult', { time })}>
                      ×
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}
