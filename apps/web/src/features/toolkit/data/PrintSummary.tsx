import { SCALES } from '@lamplight/safety';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ScreenTitle } from '../../../app/ScreenTitle.js';
import type { CheckRecord, DiaryEntry, ThoughtRecord } from '../model/records.js';
import { formatDate, formatTime, useRecords } from '../use-toolkit.js';
import '../toolkit.css';

/**
 * A print-friendly page made on the device from the vault: diary entries,
 * thought records and self-check results, for taking to a doctor.
 */
export function PrintSummary({ onClose }: { readonly onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const diary = useRecords<DiaryEntry>('diary') ?? [];
  const thoughts = useRecords<ThoughtRecord>('thought') ?? [];
  const checks = useRecords<CheckRecord>('check') ?? [];
  const locale = i18n.language === 'en' ? 'en' : 'zh-TW';
  const names = (ids: readonly string[], prefix: 'emotions' | 'triggers' | 'body'): string =>
    ids.map((id) => t(`toolkit.${prefix}.${id}` as `toolkit.emotions.sad`)).join(t('toolkit.common.listSeparator'));

  useEffect(() => {
    document.body.classList.add('toolkit-printing');
    return () => document.body.classList.remove('toolkit-printing');
  }, []);

  return (
    <div className="toolkit-print">
      <div className="toolkit-row no-print">
        <button type="button" className="button" onClick={() => window.print()}>
          {t('toolkit.data.print')}
        </button>
        <button type="button" className="button button-quiet" onClick={onClose}>
          {t('toolkit.data.closePrint')}
        </button>
      </div>
      <ScreenTitle>{t('toolkit.data.printHeading')}</ScreenTitle>
      <p>{t('toolkit.data.printGenerated', { date: formatDate(Date.now(), i18n.language) })}</p>

      <h2>{t('toolkit.checks.title')}</h2>
      {checks.length === 0 ? (
        <p>{t('toolkit.common.noData')}</p>
      ) : (
        <table className="toolkit-table">
          <caption>{t('toolkit.checks.history')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('toolkit.checks.date')}</th>
              <th scope="col">{t('toolkit.checks.title')}</th>
              <th scope="col">{t('toolkit.checks.total')}</th>
              <th scope="col">{t('toolkit.checks.band')}</th>
            </tr>
          </thead>
          <tbody>
            {checks.map((c) => (
              <tr key={c.id}>
                <th scope="row">{formatTime(c.createdAt, i18n.language)}</th>
                <td>{SCALES[c.scale].name[locale]}</td>
                <td>
                  {t('toolkit.common.outOf', { total: c.total, max: c.max })}
                </td>
                <td>{t(`toolkit.checks.bands.${c.band}` as 'toolkit.checks.bands.mild', { defaultValue: c.band })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h2>{t('toolkit.diary.title')}</h2>
      {diary.length === 0 ? (
        <p>{t('toolkit.common.noData')}</p>
      ) : (
        <ul className="toolkit-list">
          {diary.map((e) => (
            <li key={e.id}>
              <h3>{formatTime(e.createdAt, i18n.language)}</h3>
              <p>
                {names(e.emotions, 'emotions')} · {t('toolkit.common.intensityValue', { value: e.intensity })}
              </p>
              {e.triggers.length + e.body.length === 0 ? null : <p>{[names(e.triggers, 'triggers'), names(e.body, 'body')].filter((s) => s !== '').join(' · ')}</p>}
              {e.note === '' ? null : <p>{e.note}</p>}
            </li>
          ))}
        </ul>
      )}

      <h2>{t('toolkit.thoughts.title')}</h2>
      {thoughts.length === 0 ? (
        <p>{t('toolkit.common.noData')}</p>
      ) : (
        <ul className="toolkit-list">
          {thoughts.map((r) => (
            <li key={r.id}>
              <h3>{formatTime(r.createdAt, i18n.language)}</h3>
              <p>
                {t('toolkit.common.label', { label: t('toolkit.thoughts.situation') })}
                {r.situation}
              </p>
              <p>
                {t('toolkit.common.label', { label: t('toolkit.thoughts.automaticThought') })}
                {r.automaticThought}
              </p>
              {r.balancedThought === '' ? null : (
                <p>
                  {t('toolkit.common.label', { label: t('toolkit.thoughts.balancedThought') })}
                  {r.balancedThought}
                </p>
              )}
              <p>{t('toolkit.thoughts.beforeAfter', { before: r.intensityBefore, after: r.intensityAfter })}</p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
