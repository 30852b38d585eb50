import { TAIWAN_DIRECTORY, type Directory } from '@lamplight/safety/directory';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Check, Field } from '../../app/Field.js';
import { SAFETY_KEYS } from '../safety/index.js';
import { useVaultModel } from '../vault/index.js';
import { checkDrafts, ENTRY_KINDS, newDraft, toDrafts, type EntryDraft } from './directory-edit.js';
import './watch.css';

/** One line of the directory, as a group of fields. */
function EntryFields({
  draft,
  onChange,
  onRemove,
}: {
  readonly draft: EntryDraft;
  readonly onChange: (next: EntryDraft) => void;
  readonly onRemove: () => void;
}) {
  const { t } = useTranslation();
  const set = (patch: Partial<EntryDraft>): void => onChange({ ...draft, ...patch });
  const name = draft.nameZh || draft.nameEn || t('watch.directory.newEntry');
  return (
    <fieldset className="card watch-form">
      <legend>{name}</legend>
      <Field label={t('watch.directory.entryNameZh')} value={draft.nameZh} onChange={(v) => set({ nameZh: v })} />
      <Field label={t('watch.directory.entryNameEn')} value={draft.nameEn} onChange={(v) => set({ nameEn: v })} />
      <Field label={t('watch.directory.entryDial')} value={draft.dial} onChange={(v) => set({ dial: v })} />
      <Check label={t('watch.directory.entryAlways')} checked={draft.always} onChange={(v) => set({ always: v })} />
      {draft.always ? null : (
        <>
          <Field label={t('watch.directory.entryHoursZh')} value={draft.hoursZh} onChange={(v) => set({ hoursZh: v })} />
          <Field label={t('watch.directory.entryHoursEn')} value={draft.hoursEn} onChange={(v) => set({ hoursEn: v })} />
        </>
      )}
      <Field label={t('watch.directory.entryPurposeZh')} value={draft.purposeZh} onChange={(v) => set({ purposeZh: v })} multiline />
      <Field label={t('watch.directory.entryPurposeEn')} value={draft.purposeEn} onChange={(v) => set({ purposeEn: v })} multiline />
      <fieldset className="watch-choices">
        <legend>{t('watch.directory.entryKinds')}</legend>
        {ENTRY_KINDS.map((k) => (
          <label key={k} className="toggle">
            <input
              type="checkbox"
              checked={draft.kinds.includes(k)}
              onChange={(e) => set({ kinds: e.currentTarget.checked ? [...draft.kinds, k] : draft.kinds.filter((x) => x !== k) })}
            />
            {t(`watch.directory.kind_${k}`)}
          </label>
        ))}
      </fieldset>
      <Check label={t('watch.directory.entryFooter')} checked={draft.footer} onChange={(v) => set({ footer: v })} />
      <div>
        <button type="button" className="button button-quiet" onClick={onRemove}>
          {t('watch.directory.removeEntry', { name })}
        </button>
      </div>
    </fieldset>
  );
}

/**
 * Stewards: edit the region's directory and check it against the schema.
 * The server has no directory endpoint yet, so a checked directory is kept
 * in the steward's own vault only; the app keeps using the built-in one.
 */
export function DirectoryEditor() {
  const { t } = useTranslation();
  const model = useVaultModel();
  const id = useId();
  const [region, setRegion] = useState(TAIWAN_DIRECTORY.region);
  const [drafts, setDrafts] = useState<readonly EntryDraft[]>(() => toDrafts(TAIWAN_DIRECTORY));
  const [result, setResult] = useState<'kept' | readonly string[]>();

  useEffect(() => {
    let live = true;
    model
      .records()
      .get<Directory>(SAFETY_KEYS.directoryDraft)
      .then((stored) => {
        if (!live || stored === undefined) return;
        const r = checkDrafts(stored.region, toDrafts(stored));
        if (r.ok) {
          setRegion(r.directory.region);
          setDrafts(toDrafts(r.directory));
        }
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [model]);

  const keep = async (): Promise<void> => {
    const r = checkDrafts(region, drafts);
    if (!r.ok) {
      setResult(r.issues);
      return;
    }
    await model.records().put(SAFETY_KEYS.directoryDraft, r.directory);
    setResult('kept');
  };

  return (
    <section className="card" aria-labelledby={id}>
      <h2 id={id}>{t('watch.directory.title')}</h2>
      <p>{t('watch.directory.intro')}</p>
      <p className="muted">{t('watch.directory.serverNote')}</p>
      {drafts.map((d, i) => (
        <EntryFields
          key={d.id}
          draft={d}
          onChange={(next) => setDrafts((all) => all.map((x, j) => (j === i ? next : x)))}
          onRemove={() => setDrafts((all) => all.filter((_, j) => j !== i))}
        />
      ))}
      <div className="safety-actions">
        <button type="button" className="button button-quiet" onClick={() => setDrafts((all) => [...all, newDraft(all)])}>
          {t('watch.directory.addEntry')}
        </button>
        <button type="button" className="button" onClick={() => void keep().catch(() => setResult([t('common.generic')]))}>
          {t('watch.directory.check')}
        </button>
        <button
          type="button"
          className="button button-quiet"
          onClick={() => {
            setRegion(TAIWAN_DIRECTORY.region);
            setDrafts(toDrafts(TAIWAN_DIRECTORY));
            setResult(undefined);
            void model.records().delete(SAFETY_KEYS.directoryDraft).catch(() => undefined);
          }}
        >
          {t('watch.directory.reset')}
        </button>
      </div>
      <div role="status">
        {result === 'kept' ? <p>{t('watch.directory.kept')}</p> : null}
        {result !== undefined && result !== 'kept' ? (
          <>
            <p className="problem">{t('watch.directory.issues')}</p>
            <ul>
              {result.map((issue) => (
                <li key={issue}>{issue}</li>
              ))}
            </ul>
          </>
        ) : null}
      </div>
    </section>
  );
}
