import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../app/Field.js';
import { useLocationStore } from '../../app/router.js';
import { checkNewPassphrase, MIN_PASSPHRASE_LENGTH, type PassphraseProblem } from '../join/join-form.js';
import { usePassphraseProblemText } from '../join/JoinScreen.js';
import { IDLE_MINUTES_CHOICES } from '../vault/records.js';
import { useVaultModel, useVaultView } from '../vault/VaultProvider.js';
import { ConfirmButton } from './ConfirmButton.js';
import { LinkDeviceSection } from './LinkDeviceSection.js';
import { DevicesSection, MembersSection } from './RemoteSections.js';

/** Settings of an open space: auto-lock, second passphrase, devices, members, erase, delete. */
export function AccountSettings({ locale }: { readonly locale: string }) {
  const { t } = useTranslation();
  const id = useId();
  const model = useVaultModel();
  const view = useVaultView();
  const store = useLocationStore();
  if (view.status !== 'unlocked') return null;
  const account = view.account;

  return (
    <>
      <section className="card" aria-labelledby={`${id}-lock`}>
        <h2 id={`${id}-lock`}>{t('settings.autoLockTitle')}</h2>
        <label htmlFor={`${id}-idle`}>{t('settings.autoLockLabel')}</label>
        <select
          id={`${id}-idle`}
          value={view.settings.idleMinutes}
          aria-describedby={`${id}-lock-hint`}
          onChange={(e) => void model.setIdleMinutes(Number(e.currentTarget.value))}
        >
          {IDLE_MINUTES_CHOICES.map((m) => (
            <option key={m} value={m}>
              {t('settings.minutes', { count: m })}
            </option>
          ))}
        </select>
        <p id={`${id}-lock-hint`} className="muted">
          {t('settings.autoLockHint')}
        </p>
        <button type="button" className="button button-quiet" onClick={() => model.lock()}>
          {t('settings.lockNow')}
        </button>
      </section>
      {account === undefined ? null : <SecondPassphrase />}
      {account === undefined ? null : <DevicesSection locale={locale} />}
      {account === undefined ? null : <LinkDeviceSection locale={locale} />}
      {account?.role === 'steward' ? <MembersSection ownId={account.accountId} /> : null}
      <section className="card" aria-labelledby={`${id}-wipe`}>
        <h2 id={`${id}-wipe`}>{t('settings.wipeTitle')}</h2>
        <p className="muted">{t('settings.wipeHint')}</p>
        <ConfirmButton
          label={t('settings.wipe')}
          confirmLabel={t('settings.wipeConfirm')}
          onConfirm={async () => {
            await model.wipe();
            store.navigate('welcome');
          }}
        />
      </section>
      {account === undefined ? null : (
        <section className="card" aria-labelledby={`${id}-delete`}>
          <h2 id={`${id}-delete`}>{t('settings.deleteTitle')}</h2>
          <p className="muted">{t('settings.deleteHint')}</p>
          <ConfirmButton
            label={t('settings.delete')}
            confirmLabel={t('settings.deleteConfirm')}
            onConfirm={async () => {
              await model.deleteAccount();
              store.navigate('welcome');
            }}
          />
        </section>
      )}
    </>
  );
}

/** Set the passphrase that opens the empty profile. Offered only in a profile with an account. */
function SecondPassphrase() {
  const { t } = useTranslation();
  const id = useId();
  const model = useVaultModel();
  const passphraseText = usePassphraseProblemText();
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const [problem, setProblem] = useState<PassphraseProblem | 'same'>();
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (busy) return;
    const found = checkNewPassphrase(passphrase, confirm);
    setProblem(found);
    setDone(false);
    if (found !== undefined) return;
    setBusy(true);
    try {
      await model.setDuressPassphrase(passphrase);
      setPassphrase('');
      setConfirm('');
      setDone(true);
    } catch {
      // The only refusal a member can cause here is reusing the main passphrase.
      setProblem('same');
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('settings.secondTitle')}</h2>
      <p className="muted">{t('settings.secondHint')}</p>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Field
          label={t('settings.secondLabel')}
          type="password"
          value={passphrase}
          onChange={setPassphrase}
          hint={t('common.passphraseShort', { min: MIN_PASSPHRASE_LENGTH })}
          autoComplete="new-password"
        />
        <Field
          label={t('settings.secondConfirm')}
          type="password"
          value={confirm}
          onChange={setConfirm}
          problem={problem === 'same' ? t('settings.secondSame') : passphraseText(problem)}
          autoComplete="new-password"
        />
        <button type="submit" className="button" disabled={busy}>
          {t('settings.secondSave')}
        </button>
        <p role="status">{done ? t('settings.secondDone') : ''}</p>
      </form>
    </section>
  );
}
