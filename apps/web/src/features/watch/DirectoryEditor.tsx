import { isLocale } from '@lamplight/i18n';
import { API, type DirectoryPublished } from '@lamplight/protocol';
import { TAIWAN_DIRECTORY, type Directory } from '@lamplight/safety/directory';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Check, Field } from '../../app/Field.js';
import { useDirectoryState, useDirectoryStore } from '../hotlines/DirectoryProvider.js';
import { SAFETY_KEYS } from '../safety/index.js';
import { useVaultModel } from '../vault/index.js';
import { formatDay } from '../vault/use-remote.js';
import { checkDrafts, ENTRY_KINDS, failureOutcome, newDraft, readKeptDraft, toDrafts, type EntryDraft, type KeptDraft, type PublishOutcome } from './directory-edit.js';
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
 * Stewards: edit the region's hotline directory, check it against the
 * schema, and publish it to the community. Everyone's footer and hand-off
 * screens then show it (each device caches it, so it also shows offline).
 * A checked draft can be kept in the steward's own vault before publishing.
 * Publishing starts from the revision the steward loaded: if another steward
 * published since, the server refuses and nothing changes until the steward
 * reloads. "Restore the built-in directory" goes back to the shipped Taiwan
 * directory. The server keeps no record of which steward published.
 */
export function DirectoryEditor() {
  const { t, i18n } = useTranslation();
  const model = useVaultModel();
  const lines = useDirectoryStore();
  const { published } = useDirectoryState();
  const id = useId();
  const [region, setRegion] = useState(published.directory.region);
  const [drafts, setDrafts] = useState<readonly EntryDraft[]>(() => toDrafts(published.directory));
  const [base, setBase] = useState(published.revision);
  const [result, setResult] = useState<'kept' | PublishOutcome | readonly string[]>();
  const [busy, setBusy] = useState(false);
  const [confirmRestore, setConfirmRestore] = useState(false);
  const touched = useRef(false);

  const load = (directory: Directory, revision: number): void => {
    setRegion(directory.region);
    setDrafts(toDrafts(directory));
    setBase(revision);
  };
  const edit = (change: (all: readonly EntryDraft[]) => readonly EntryDraft[]): void => {
    touched.current = true;
    setDrafts(change);
  };

  useEffect(() => {
    let live = true;
    void (async () => {
      const fresh = await lines?.refresh();
      const stored: unknown = await model.records().get(SAFETY_KEYS.directoryDraft).catch(() => undefined);
      if (!live || touched.current) return;
      const draft = readKeptDraft(stored, fresh?.revision ?? published.revision);
      if (draft !== undefined) load(draft.directory, draft.baseRevision);
      else if (fresh !== undefined) load(fresh.directory, fresh.revision);
    })();
    return () => {
      live = false;
    };
    // Once per opening: later changes come from this editor's own publish.
  }, [model, lines]);

  const checked = (): Directory | undefined => {
    const r = checkDrafts(region, drafts);
    if (r.ok) return r.directory;
    setResult(r.issues);
    return undefined;
  };

  const keep = async (): Promise<void> => {
    const directory = checked();
    if (directory === undefined) return;
    const draft: KeptDraft = { directory, baseRevision: base };
    await model.records().put(SAFETY_KEYS.directoryDraft, draft);
    setResult('kept');
  };

  const send = async (restore: boolean): Promise<void> => {
    const directory = restore ? TAIWAN_DIRECTORY : checked();
    if (directory === undefined) return;
    setBusy(true);
    try {
      const done = restore
        ? await model.call<DirectoryPublished>('DELETE', API.directory, { baseRevision: base })
        : await model.call<DirectoryPublished>('PUT', API.directory, { baseRevision: base, directory });
      lines?.accept({ directory, revision: done.revision, source: restore ? 'built-in' : 'community', updatedDay: done.updatedDay });
      load(directory, done.revision);
      touched.current = false;
      await model.records().delete(SAFETY_KEYS.directoryDraft).catch(() => undefined);
      setResult(restore ? 'restored' : 'published');
    } catch (e) {
      setResult(failureOutcome(e));
    } finally {
      setBusy(false);
      setConfirmRestore(false);
    }
  };

  /** Drop the edit for the published directory; after a conflict it must be the server's latest. */
  const reload = async (mustBeFresh: boolean): Promise<void> => {
    const fresh = (await lines?.refresh()) ?? (mustBeFresh ? undefined : published);
    if (fresh === undefined) {
      setResult('network');
      return;
    }
    load(fresh.directory, fresh.revision);
    touched.current = false;
    await model.records().delete(SAFETY_KEYS.directoryDraft).catch(() => undefined);
    setResult(undefined);
  };

  const locale = isLocale(i18n.language) ? i18n.language : 'zh-TW';
  const inForce =
    published.source === 'community'
      ? t('watch.directory.inForceCommunity', { revision: published.revision, date: published.updatedDay === null ? '' : formatDay(published.updatedDay, locale) })
      : t('watch.directory.inForceBuiltIn');

  return (
    <section className="card" aria-labelledby={id}>
      <h2 id={id}>{t('watch.directory.title')}</h2>
      <p>{t('watch.directory.intro')}</p>
      <p className="muted">{t('watch.directory.serverNote')}</p>
      <p data-testid="directory-in-force">{inForce}</p>
      {drafts.map((d, i) => (
        <EntryFields
          key={d.id}
          draft={d}
          onChange={(next) => edit((all) => all.map((x, j) => (j === i ? next : x)))}
          onRemove={() => edit((all) => all.filter((_, j) => j !== i))}
        />
      ))}
      <div className="safety-actions">
        <button type="button" className="button button-quiet" onClick={() => edit((all) => [...all, newDraft(all)])}>
          {t('watch.directory.addEntry')}
        </button>
        <button type="button" className="button button-quiet" onClick={() => void keep().catch(() => setResult('failed'))}>
          {t('watch.directory.check')}
        </button>
        <button type="button" className="button" disabled={busy} onClick={() => void send(false)}>
          {t('watch.directory.publish')}
        </button>
      </div>
      <div role="status">
        {result === 'kept' ? <p>{t('watch.directory.kept')}</p> : null}
        {result === 'published' ? <p>{t('watch.directory.published', { revision: base })}</p> : null}
        {result === 'restored' ? <p>{t('watch.directory.restored')}</p> : null}
        {result === 'conflict' ? (
          <>
            <p className="problem">{t('watch.directory.conflict')}</p>
            <button type="button" className="button" onClick={() => void reload(true).catch(() => setResult('failed'))}>
              {t('watch.directory.reload')}
            </button>
          </>
        ) : null}
        {result === 'network' ? <p className="problem">{t('watch.directory.network')}</p> : null}
        {result === 'forbidden' ? <p className="problem">{t('watch.directory.forbidden')}</p> : null}
        {result === 'rejected' ? <p className="problem">{t('watch.directory.rejected')}</p> : null}
        {result === 'failed' ? <p className="problem">{t('common.generic')}</p> : null}
        {typeof result === 'object' ? (
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
      <div className="safety-actions">
        <button type="button" className="button button-quiet" onClick={() => void reload(false).catch(() => setResult('failed'))}>
          {t('watch.directory.discard')}
        </button>
        {confirmRestore ? (
          <>
            <span>{t('watch.directory.restoreConfirmText')}</span>
            <button type="button" className="button" disabled={busy} onClick={() => void send(true)}>
              {t('watch.directory.restoreConfirm')}
            </button>
            <button type="button" className="button button-quiet" onClick={() => setConfirmRestore(false)}>
              {t('watch.directory.restoreCancel')}
            </button>
          </>
        ) : (
          <button type="button" className="button button-quiet" onClick={() => setConfirmRestore(true)}>
            {t('watch.directory.restore')}
          </button>
        )}
      </div>
    </section>
  );
}
