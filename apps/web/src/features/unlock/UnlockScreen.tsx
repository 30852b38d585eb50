import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../app/Field.js';
import { AppLink, useLocationStore } from '../../app/router.js';
import { ScreenTitle } from '../../app/ScreenTitle.js';
import { useVaultModel, useVaultView } from '../vault/VaultProvider.js';

/**
 * Unlock this device's space. Shown at `/unlock` and in place of any
 * member screen while the vault is locked. A wrong passphrase gets one
 * message, whatever the vault holds.
 */
export function UnlockScreen({ goHome }: { readonly goHome: boolean }) {
  const { t } = useTranslation();
  const model = useVaultModel();
  const view = useVaultView();
  const store = useLocationStore();
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const [wrong, setWrong] = useState(false);

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (busy || passphrase === '') return;
    setBusy(true);
    setWrong(false);
    let ok = false;
    try {
      ok = await model.unlock(passphrase);
    } catch {
      ok = false;
    }
    setBusy(false);
    if (!ok) {
      setWrong(true);
      return;
    }
    setPassphrase('');
    if (goHome) store.navigate('welcome');
  };

  if (view.status === 'empty') {
    return (
      <>
        <ScreenTitle>{t('unlock.title')}</ScreenTitle>
        <p>{t('unlock.noVault')}</p>
        <AppLink to="restore" className="button button-quiet">
          {t('nav.restore')}
        </AppLink>
      </>
    );
  }
  return (
    <>
      <ScreenTitle>{t('unlock.title')}</ScreenTitle>
      <form onSubmit={(e) => void submit(e)} noValidate aria-busy={busy}>
        <Field label={t('common.passphrase')} type="password" value={passphrase} onChange={setPassphrase} autoComplete="current-password" />
        <button type="submit" className="button" disabled={busy}>
          {t('unlock.submit')}
        </button>
        <p role="status">{busy ? t('unlock.working') : ''}</p>
        {wrong ? (
          <p role="alert" className="problem">
            {t('unlock.wrong')}
          </p>
        ) : null}
      </form>
      <p className="muted">
        <AppLink to="restore">{t('unlock.forgot')}</AppLink>
      </p>
    </>
  );
}
