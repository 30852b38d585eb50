import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../../app/Field.js';
import { LOCAL_KEYS, type SyncState } from '../model/records.js';
import { openSnapshot, sealSnapshot } from '../model/sealed-snapshot.js';
import { toolkitChanged, useHasAccount, useToolkitStore } from '../use-toolkit.js';
import { downloadText } from '../ui/download.js';
import { ToolkitLayout } from '../ui/ToolkitLayout.js';
import { RemindersSection } from '../reminders/RemindersSection.js';
import { PrintSummary } from './PrintSummary.js';
import { sealOptions, useSync } from './use-sync.js';

const MIN_BACKUP_PASSPHRASE = 8;

/** 我的資料: sync, encrypted backup, printable summary, reminders, delete all. */
export function DataScreen() {
  const { t } = useTranslation();
  const [printing, setPrinting] = useState(false);
  const hasAccount = useHasAccount();
  if (printing) return <PrintSummary onClose={() => setPrinting(false)} />;
  return (
    <ToolkitLayout title={t('toolkit.data.title')}>
      <p className="lead">{t('toolkit.data.intro')}</p>
      {/* A profile without an account (e.g. the second passphrase's) shows no sync at all, so it looks ordinary. */}
      {hasAccount ? <SyncSection /> : null}
      <BackupSection />
      <section className="card" aria-labelledby="data-print">
        <h2 id="data-print">{t('toolkit.data.printTitle')}</h2>
        <p className="muted">{t('toolkit.data.printIntro')}</p>
        <button type="button" className="button toolkit-open-print" onClick={() => setPrinting(true)}>
          {t('toolkit.data.openPrint')}
        </button>
      </section>
      <RemindersSection />
      <DeleteSection />
    </ToolkitLayout>
  );
}

function SyncSection() {
  const { t } = useTranslation();
  const sync = useSync();
  const [state, setState] = useState<SyncState | undefined>(undefined);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    void sync.state().then(setState, () => undefined);
  }, [sync]);

  const run = async (action: () => Promise<string>): Promise<void> => {
    setBusy(true);
    setStatus(t('toolkit.data.syncing'));
    try {
      setStatus(await action());
    } catch {
      setStatus(t('toolkit.data.syncFailed'));
    } finally {
      setBusy(false);
      setState(await sync.state().catch(() => undefined));
    }
  };

  return (
    <section className="card" aria-labelledby="data-sync">
      <h2 id="data-sync">{t('toolkit.data.syncTitle')}</h2>
      <p className="muted">{t('toolkit.data.syncIntro')}</p>
      {!sync.available ? null : (
        <div className="toolkit-row">
          <button type="button" className="button" disabled={busy} onClick={() => void run(async () => t('toolkit.data.synced', { count: await sync.syncNow() }))}>
            {state?.enabled === true ? t('toolkit.data.syncNow') : t('toolkit.data.syncOn')}
          </button>
          {state?.enabled === true ? (
            <button
              type="button"
              className="button button-quiet"
              disabled={busy}
              onClick={() =>
                void run(async () => {
                  await sync.turnOff();
                  return t('toolkit.data.syncOffDone');
                })
              }
            >
              {t('toolkit.data.syncOff')}
            </button>
          ) : null}
        </div>
      )}
      <p role="status">{status}</p>
    </section>
  );
}

/** A file name that says nothing about the app or what is inside. */
function backupFileName(now: Date): string {
  return `notes-${now.getFullYear()}${String(now.getMonth() + 1).padStart(2, '0')}${String(now.getDate()).padStart(2, '0')}.json`;
}

function BackupSection() {
  const { t } = useTranslation();
  const store = useToolkitStore();
  const [passphrase, setPassphrase] = useState('');
  const [file, setFile] = useState<File | undefined>(undefined);
  const [status, setStatus] = useState('');
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const fileId = useId();

  const checkPassphrase = (): boolean => {
    if (passphrase.length >= MIN_BACKUP_PASSPHRASE) return true;
    setProblem(t('toolkit.data.backupPassphraseShort'));
    return false;
  };

  const onExport = async (): Promise<void> => {
    if (!checkPassphrase()) return;
    setBusy(true);
    setStatus(t('toolkit.data.working'));
    try {
      const text = await sealSnapshot(await store.snapshot(), passphrase, sealOptions());
      downloadText(text, backupFileName(new Date()), 'application/json');
      setStatus(t('toolkit.data.exported'));
    } finally {
      setBusy(false);
    }
  };

  const onImport = async (): Promise<void> => {
    if (!checkPassphrase()) return;
    if (file === undefined) {
      setStatus(t('toolkit.data.pickFile'));
      return;
    }
    setBusy(true);
    setStatus(t('toolkit.data.working'));
    try {
      const opened = await openSnapshot(await file.text(), passphrase, sealOptions());
      if (!opened.ok) {
        setStatus(t('toolkit.data.importWrong'));
        return;
      }
      const merged = await store.mergeIn(opened.snapshot);
      toolkitChanged();
      setStatus(t('toolkit.data.imported', { count: Object.keys(merged.records).length }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card" aria-labelledby="data-backup">
      <h2 id="data-backup">{t('toolkit.data.backupTitle')}</h2>
      <p className="muted">{t('toolkit.data.backupIntro')}</p>
      <Field
        label={t('toolkit.data.backupPassphrase')}
        type="password"
        autoComplete="new-password"
        value={passphrase}
        problem={problem}
        onChange={(v) => {
          setPassphrase(v);
          setProblem(undefined);
        }}
      />
      <button type="button" className="button" disabled={busy} onClick={() => void onExport()}>
        {t('toolkit.data.exportBackup')}
      </button>
      <h3>{t('toolkit.data.importTitle')}</h3>
      <div className="field">
        <label htmlFor={fileId}>{t('toolkit.data.backupFile')}</label>
        <input id={fileId} type="file" accept="application/json,.json" onChange={(e) => setFile(e.currentTarget.files?.[0])} />
      </div>
      <button type="button" className="button button-quiet" disabled={busy} onClick={() => void onImport()}>
        {t('toolkit.data.importBackup')}
      </button>
      <p role="status">{status}</p>
    </section>
  );
}

function DeleteSection() {
  const { t } = useTranslation();
  const store = useToolkitStore();
  const sync = useSync();
  const [confirming, setConfirming] = useState(false);
  const [status, setStatus] = useState('');

  const onDelete = async (): Promise<void> => {
    // The server copy first: if that fails, nothing is lost and the member can try again.
    await sync.deleteRemoteCopy().catch(() => undefined);
    await store.deleteAll();
    await store.putLocal(LOCAL_KEYS.sync, { enabled: false, version: 0, lastSyncedAt: undefined } satisfies SyncState);
    toolkitChanged();
    setConfirming(false);
    setStatus(t('toolkit.data.deleted'));
  };

  return (
    <section className="card" aria-labelledby="data-delete">
      <h2 id="data-delete">{t('toolkit.data.deleteTitle')}</h2>
      <p className="muted">{t('toolkit.data.deleteIntro')}</p>
      {confirming ? (
        <div className="toolkit-row">
          <button type="button" className="button button-danger" onClick={() => void onDelete()}>
            {t('toolkit.data.deleteConfirm')}
          </button>
          <button type="button" className="button button-quiet" onClick={() => setConfirming(false)}>
            {t('toolkit.common.cancel')}
          </button>
        </div>
      ) : (
        <button type="button" className="button button-danger" onClick={() => setConfirming(true)}>
          {t('toolkit.data.deleteAll')}
        </button>
      )}
      <p role="status">{status}</p>
    </section>
  );
}
