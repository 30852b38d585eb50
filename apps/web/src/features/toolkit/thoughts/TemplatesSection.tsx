import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../../app/Field.js';
import { THOUGHT_FIELDS, type ThoughtField, type ThoughtTemplate } from '../model/records.js';
import { toolkitChanged, newId, useRecordActions, useToolkitStore } from '../use-toolkit.js';
import { downloadText } from '../ui/download.js';
import { exportTemplates, importTemplates } from './thought-model.js';

const EMPTY_PROMPTS: Record<ThoughtField, string> = { situation: '', automaticThought: '', evidenceFor: '', evidenceAgainst: '', balancedThought: '' };

/** The member's own sheets: make, delete, export, import. */
export function TemplatesSection({ templates }: { readonly templates: readonly ThoughtTemplate[] }) {
  const { t } = useTranslation();
  const store = useToolkitStore();
  const { save, remove } = useRecordActions();
  const [name, setName] = useState('');
  const [prompts, setPrompts] = useState<Record<ThoughtField, string>>(EMPTY_PROMPTS);
  const [status, setStatus] = useState('');
  const fileId = useId();

  const onSave = async (): Promise<void> => {
    if (name.trim() === '') return;
    const now = Date.now();
    const template: ThoughtTemplate = { id: newId(), createdAt: now, updatedAt: now, name: name.trim(), prompts };
    await save('template', template);
    setName('');
    setPrompts(EMPTY_PROMPTS);
    setStatus(t('toolkit.common.saved'));
  };

  const onImport = async (file: File | undefined): Promise<void> => {
    if (file === undefined) return;
    const list = importTemplates(await file.text(), newId, Date.now());
    if (list === undefined) {
      setStatus(t('toolkit.thoughts.importFailed'));
      return;
    }
    for (const tpl of list) await store.save('template', tpl);
    toolkitChanged();
    setStatus(t('toolkit.thoughts.imported', { count: list.length }));
  };

  return (
    <section className="card" aria-labelledby="thought-templates">
      <h2 id="thought-templates">{t('toolkit.thoughts.templatesTitle')}</h2>
      <p className="muted">{t('toolkit.thoughts.templatesIntro')}</p>
      <p role="status" className="muted">
        {status}
      </p>
      {templates.length === 0 ? (
        <p className="muted">{t('toolkit.thoughts.noTemplates')}</p>
      ) : (
        <ul className="toolkit-list">
          {templates.map((tpl) => (
            <li key={tpl.id}>
              <h3>{tpl.name}</h3>
              <button type="button" className="link-button" onClick={() => void remove('template', tpl.id)}>
                {t('toolkit.thoughts.deleteTemplate', { name: tpl.name })}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void onSave();
        }}
      >
        <Field label={t('toolkit.thoughts.templateName')} value={name} onChange={setName} />
        {THOUGHT_FIELDS.map((field) => (
          <Field
            key={field}
            label={t('toolkit.thoughts.templatePrompt', { field: t(`toolkit.thoughts.${field}`) })}
            value={prompts[field]}
            onChange={(v) => setPrompts({ ...prompts, [field]: v })}
          />
        ))}
        <button type="submit" className="button">
          {t('toolkit.thoughts.saveTemplate')}
        </button>
      </form>
      <div className="toolkit-row">
        <button
          type="button"
          className="button button-quiet"
          disabled={templates.length === 0}
          onClick={() => downloadText(exportTemplates(templates), 'thought-sheets.json', 'application/json')}
        >
          {t('toolkit.thoughts.exportTemplates')}
        </button>
        <div className="field">
          <label htmlFor={fileId}>{t('toolkit.thoughts.importTemplates')}</label>
          <input id={fileId} type="file" accept="application/json,.json" onChange={(e) => void onImport(e.currentTarget.files?.[0])} />
        </div>
      </div>
    </section>
  );
}
