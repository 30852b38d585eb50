import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EMOTIONS, type ThoughtRecord, type ThoughtTemplate } from '../model/records.js';
import { formatTime, newId, useRecordActions, useRecords } from '../use-toolkit.js';
import { ChipGroup, IntensitySlider, TextArea } from '../ui/inputs.js';
import { ToolkitLayout } from '../ui/ToolkitLayout.js';
import { TemplatesSection } from './TemplatesSection.js';
import { EMPTY_THOUGHT_DRAFT, promptFor, THOUGHT_FIELDS, toThoughtRecord, validateThought, type ThoughtDraft } from './thought-model.js';

/** 想法紀錄: the sheet, saved records, and the member's own sheets. */
export function ThoughtScreen() {
  const { t, i18n } = useTranslation();
  const records = useRecords<ThoughtRecord>('thought');
  const templates = useRecords<ThoughtTemplate>('template') ?? [];
  const { save, remove } = useRecordActions();
  const [draft, setDraft] = useState<ThoughtDraft | undefined>(undefined);
  const [tried, setTried] = useState(false);
  const [status, setStatus] = useState('');
  const problems = draft === undefined ? {} : validateThought(draft);
  const template = templates.find((x) => x.id === draft?.templateId);
  const emotionOptions = useMemo(() => EMOTIONS.map((id) => ({ id, label: t(`toolkit.emotions.${id}`) })), [t]);

  const onSave = async (): Promise<void> => {
    if (draft === undefined) return;
    setTried(true);
    if (Object.keys(problems).length > 0) return;
    await save('thought', toThoughtRecord(draft, newId(), Date.now()));
    setDraft(undefined);
    setTried(false);
    setStatus(t('toolkit.common.saved'));
  };
  const problemText = (key: keyof typeof problems): string | undefined =>
    tried && problems[key] !== undefined ? t('toolkit.common.required') : undefined;

  return (
    <ToolkitLayout title={t('toolkit.thoughts.title')}>
      <p className="lead">{t('toolkit.thoughts.intro')}</p>
      <p role="status" className="muted">
        {status}
      </p>
      {draft === undefined ? (
        <button
          type="button"
          className="button"
          onClick={() => {
            setStatus('');
            setDraft(EMPTY_THOUGHT_DRAFT);
          }}
        >
          {t('toolkit.thoughts.newRecord')}
        </button>
      ) : (
        <form
          className="card"
          aria-label={t('toolkit.thoughts.newRecord')}
          onSubmit={(e) => {
            e.preventDefault();
            void onSave();
          }}
        >
          {templates.length === 0 ? null : (
            <div className="field">
              <label htmlFor="thought-template">{t('toolkit.thoughts.template')}</label>
              <select
                id="thought-template"
                value={draft.templateId ?? ''}
                onChange={(e) => setDraft({ ...draft, templateId: e.currentTarget.value === '' ? undefined : e.currentTarget.value })}
              >
                <option value="">{t('toolkit.thoughts.defaultTemplate')}</option>
                {templates.map((x) => (
                  <option key={x.id} value={x.id}>
                    {x.name}
                  </option>
                ))}
              </select>
            </div>
          )}
          {THOUGHT_FIELDS.slice(0, 2).map((field) => (
            <TextArea
              key={field}
              label={t(`toolkit.thoughts.${field}`)}
              hint={template === undefined ? undefined : promptFor(field, template, t(`toolkit.thoughts.${field}`))}
              value={draft[field]}
              onChange={(v) => setDraft({ ...draft, [field]: v })}
              problem={field === 'situation' || field === 'automaticThought' ? problemText(field) : undefined}
            />
          ))}
          <ChipGroup
            legend={t('toolkit.common.emotions')}
            options={emotionOptions}
            selected={draft.emotions}
            onChange={(emotions) => setDraft({ ...draft, emotions })}
            problem={tried && problems.emotions !== undefined ? t('toolkit.common.pickEmotion') : undefined}
          />
          <IntensitySlider
            label={t('toolkit.thoughts.intensityBefore')}
            value={draft.intensityBefore}
            onChange={(intensityBefore) => setDraft({ ...draft, intensityBefore })}
          />
          {THOUGHT_FIELDS.slice(2).map((field) => (
            <TextArea
              key={field}
              label={t(`toolkit.thoughts.${field}`)}
              hint={template === undefined ? undefined : promptFor(field, template, t(`toolkit.thoughts.${field}`))}
              value={draft[field]}
              onChange={(v) => setDraft({ ...draft, [field]: v })}
            />
          ))}
          <IntensitySlider
            label={t('toolkit.thoughts.intensityAfter')}
            value={draft.intensityAfter}
            onChange={(intensityAfter) => setDraft({ ...draft, intensityAfter })}
          />
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

      <section className="card" aria-labelledby="thought-list">
        <h2 id="thought-list">{t('toolkit.thoughts.listTitle')}</h2>
        {records === undefined ? null : records.length === 0 ? (
          <p className="muted">{t('toolkit.common.noData')}</p>
        ) : (
          <ul className="toolkit-list">
            {records.map((r) => {
              const time = formatTime(r.createdAt, i18n.language);
              return (
                <li key={r.id}>
                  <h3>{t('toolkit.thoughts.recordTitle', { time, situation: r.situation })}</h3>
                  <p>
                    <span className="muted">{t('toolkit.common.label', { label: t('toolkit.thoughts.automaticThought') })}</span>
                    {r.automaticThought}
                  </p>
                  {r.balancedThought === '' ? null : (
                    <p>
                      <span className="muted">{t('toolkit.common.label', { label: t('toolkit.thoughts.balancedThought') })}</span>
                      {r.balancedThought}
                    </p>
                  )}
                  <p className="toolkit-tags">
                    {r.emotions.map((id) => t(`toolkit.emotions.${id}` as `toolkit.emotions.sad`)).join(t('toolkit.common.listSeparator'))} ·{' '}
                    {t('toolkit.thoughts.beforeAfter', { before: r.intensityBefore, after: r.intensityAfter })}
                  </p>
                  <button type="button" className="link-button" onClick={() => void remove('thought', r.id)}>
                    {t('toolkit.thoughts.deleteRecord', { time })}
                  </button>
                </li>
              );
            })}
          </ul>
        )}
      </section>
      <TemplatesSection templates={templates} />
    </ToolkitLayout>
  );
}
