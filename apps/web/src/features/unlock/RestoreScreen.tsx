import { IdentityError } from '@lamplight/crypto';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../app/Field.js';
import { useLocationStore } from '../../app/router.js';
import { ScreenTitle } from '../../app/ScreenTitle.js';
import { checkNewPassphrase, MIN_PASSPHRASE_LENGTH, type PassphraseProblem } from '../join/join-form.js';
import { usePassphraseProblemText } from '../join/JoinScreen.js';
import { apiErrorCode, commonErrorKey } from '../vault/error-text.js';
import { useVaultModel, useVaultView } from '../vault/VaultProvider.js';

/** Restore an identity on this device with the recovery phrase. */
export function RestoreScreen() {
  const { t } = useTranslation();
  const model = useVaultModel();
  const view = useVaultView();
  const store = useLocationStore();
  const passphraseText = usePassphraseProblemText();
  const [phrase, setPhrase] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const [problem, setProblem] = useState<PassphraseProblem>();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string>();

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (busy) return;
    const found = checkNewPassphrase(passphrase, confirm);
    setProblem(found);
    setFailure(undefined);
    if (found !== undefined) return;
    setBusy(true);
    try {
      await model.restore(phrase, passphrase);
      store.navigate('welcome');
    } catch (error) {
      if (error instanceof IdentityError) setFailure(t('restore.invalidPhrase'));
      else if (apiErrorCode(error) === 'login-failed') setFailure(t('restore.failed'));
      else setFailure(t(commonErrorKey(error)));
      setBusy(false);
    }
  };

  return (
    <>
      <ScreenTitle>{t('restore.title')}</ScreenTitle>
      <p className="lead">{t('restore.intro')}</p>
      {view.status === 'locked' || view.status === 'unlocked' ? <p className="statement">{t('restore.replaceWarning')}</p> : null}
      <form onSubmit={(e) => void submit(e)} noValidate aria-busy={busy}>
        <Field label={t('restore.phraseLabel')} value={phrase} onChange={setPhrase} hint={t('restore.phraseHint')} multiline />
        <Field
          label={t('common.passphrase')}
          type="password"
          value={passphrase}
          onChange={setPassphrase}
          hint={t('common.passphraseHint', { min: MIN_PASSPHRASE_LENGTH })}
          autoComplete="new-password"
        />
        <Field
          label={t('common.confirmPassphrase')}
          type="password"
          value={confirm}
          onChange={setConfirm}
          problem={passphraseText(problem)}
          autoComplete="new-password"
        />
        <button type="submit" className="button" disabled={busy}>
          {t('restore.submit')}
        </button>
        <p role="status">{busy ? t('restore.working') : ''}</p>
        {failure === undefined ? null : (
          <p role="alert" className="problem">
            {failure}
          </p>
        )}
      </form>
    </>
  );
}
