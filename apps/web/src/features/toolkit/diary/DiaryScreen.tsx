import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BODY_SENSATIONS, EMOTIONS, TRIGGERS, type DiaryEntry } from '../model/records.js';
import { formatDate, formatTime, newId, useRecordActions, useRecords } from '../use-toolkit.js';
import { ChipGroup, IntensitySlider, TextArea } from '../ui/inputs.js';
import { ToolkitLayout } from '../ui/ToolkitLayout.js';
import { DiaryCalendar, DiaryTrend } from './DiaryInsights.js';
import { dayKey, diaryProblem, EMPTY_DIARY_DRAFT, toDiaryEntry, type DiaryDraft } from './diary-model.js';

/** 情緒日記: quick check-ins, the list, a month view and the trend. */
export function DiaryScreen() {
  const { t, i18n } = useTranslation();
  const entries = useRecords<DiaryEntry>('diary');
  const { save, remove } = useRecordActions();
  const [draft, setDraft] = useState<DiaryDraft | undefined>(undefined);
  const [tried, setTried] = useState(false);
  const [status, setStatus] = useState('');
  const [day, setDay] = useState<string | undefined>(undefined);
  const shown = day === undefined ? entries : entries?.filter((e) => dayKey(e.createdAt) === day);
  const problem = draft === undefined ? undefined : diaryProblem(draft);

  const emotionOptions = useMemo(() => EMOTIONS.map((id) => ({ id, label: t(`toolkit.emotions.${id}`) })), [t]);
  const triggerOptions = useMemo(() => TRIGGERS.map((id) => ({ id, label: t(`toolkit.triggers.${id}`) })), [t]);
  const bodyOptions = useMemo(() => BODY_SENSATIONS.map((id) => ({ id, label: t(`toolkit.body.${id}`) })), [t]);
  const label = (ids: readonly string[], prefix: 'emotions' | 'triggers' | 'body'): string =>
    ids.map((id) => t(`toolkit.${prefix}.${id}` as `toolkit.emotions.sad`)).join(t('toolkit.common.listSeparator'));

  const onSave = async (): Promise<void> => {
    if (draft === undefined) return;
    setTried(true);
    if (problem !== undefined) return;
    await save('diary', toDiaryEntry(draft, newId(), Date.now()));
    setDraft(undefined);
    setTried(false);
    setStatus(t('toolkit.common.saved'));
  };

  return (
    <ToolkitLayout title={t('toolkit.diary.title')}>
      <p className="lead">{t('toolkit.diary.intro')}</p>
      <p role="status" className="muted">
        {status}
      </p>
      {draft === undefined ? (
        <button
          type="button"
          className="button"
          onClick={() => {
            setStatus('');
            setDraft(EMPTY_DIARY_DRAFT);
          }}
        >
          {t('toolkit.diary.newEntry')}
        </button>
      ) : (
        <form
          className="card"
          aria-label={t('toolkit.diary.formTitle')}
          onSubmit={(e) => {
            e.preventDefault();
            void onSave();
          }}
        >
          <h2>{t('toolkit.diary.formTitle')}</h2>
          <ChipGroup
            legend={t('toolkit.common.emotions')}
            options={emotionOptions}
            selected={draft.emotions}
            onChange={(emotions) => setDraft({ ...draft, emotions })}
            problem={tried && problem === 'no-emotion' ? t('toolkit.common.pickEmotion') : undefined}
          />
          <IntensitySlider label={t('toolkit.common.intensity')} value={draft.intensity} onChange={(intensity) => setDraft({ ...draft, intensity })} />
          <ChipGroup legend={t('toolkit.diary.triggers')} options={triggerOptions} selected={draft.triggers} onChange={(triggers) => setDraft({ ...draft, triggers })} />
          <ChipGroup legend={t('toolkit.diary.body')} options={bodyOptions} selected={draft.body} onChange={(body) => setDraft({ ...draft, body })} />
          <TextArea label={t('toolkit.diary.note')} value={draft.note} onChange={(note) => setDraft({ ...draft, note })} />
          <TextArea label={t('toolkit.diary.selfTalk')} value={draft.selfTalk} onChange={(selfTalk) => setDraft({ ...draft, selfTalk })} />
          <div className="toolkit-row">
            <button type="submit" className="button">
              {t('toolkit.common.save')}
            </button>
            <button type="button" className="button button-quiet" onClick={() => setDraft(undefined)}>
              {t('toolkit.common.cancel')}
            </button>
          </div>
        </form>
      )}

      {entries === undefined || entries.length === 0 ? null : <DiaryCalendar entries={entries} selected={day} onSelect={setDay} />}
      <section className="card" aria-labelledby="diary-list">
        <h2 id="diary-list">{t('toolkit.diary.listTitle')}</h2>
        {day === undefined ? null : (
          <p className="toolkit-row">
            <span>{t('toolkit.diary.showingDay', { date: formatDate(new Date(`${day}T12:00`).getTime(), i18n.language) })}</span>
            <button type="button" className="link-button" onClick={() => setDay(undefined)}>
              {t('toolkit.diary.showAll')}
            </button>
          </p>
        )}
        {shown === undefined ? null : shown.length === 0 ? (
          <p className="muted">{t('toolkit.common.noData')}</p>
        ) : (
          <ul className="toolkit-list">
            {shown.map((e) => {
              const time = formatTime(e.createdAt, i18n.language);
              return (
                <li key={e.id}>
                  <h3>{t('toolkit.diary.entryTitle', { time })}</h3>
                  <p>
                    {label(e.emotions, 'emotions')} · {t('toolkit.common.intensityValue', { value: e.intensity })}
                  </p>
                  {e.triggers.length + e.body.length === 0 ? null : (
                    <p className="toolkit-tags">{[label(e.triggers, 'triggers'), label(e.body, 'body')].filter((s) => s !== '').join(' · ')}</p>
                  )}
                  {e.note === '' ? null : <p>{e.note}</p>}
                  {e.selfTalk === '' ? null : (
                    <p>
                      <span className="muted">{t('toolkit.common.label', { label: t('toolkit.diary.selfTalk') })}</span>
                      {e.selfTalk}
                    </p>
                  )}
                  <button type="button" className="link-button" onClick={() => void remove('diary', e.id)}>
                    {t('toolkit.diary.deleteEntry', { time })}
                  </button>
                </li>
              );
            })}
          </ul>
        )}
      </section>
      {entries === undefined || entries.length === 0 ? null : <DiaryTrend entries={entries} />}
    </ToolkitLayout>
  );
}
