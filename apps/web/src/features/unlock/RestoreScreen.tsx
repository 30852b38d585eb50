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

type Method = 'phrase' | 'code';

/**
 * Restore an identity on this device: with the recovery phrase, or with a
 * one-time link code another device of the member shows.
 */
export function RestoreScreen() {
  const { t } = useTranslation();
  const model = useVaultModel();
  const view = useVaultView();
  const store = useLocationStore();
  const passphraseText = usePassphraseProblemText();
  const [method, setMethod] = useState<Method>('phrase');
  const [secret, setSecret] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const [problem, setProblem] = useState<PassphraseProblem>();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string>();

  const switchTo = (next: Method): void => {
    setMethod(next);
    setSecret('');
    setFailure(undefined);
  };

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (busy) return;
    const found = checkNewPassphrase(passphrase, confirm);
    setProblem(found);
    setFailure(undefined);
    if (found !== undefined) return;
    setBusy(true);
    try {
      if (method === 'phrase') await model.restore(secret, passphrase);
      else await model.restoreFromLink(secret, passphrase);
      store.navigate('welcome');
    } catch (error) {
      const code = apiErrorCode(error);
      if (method === 'code' && (error instanceof IdentityError || code === 'not-found')) setFailure(t('restore.codeFailed'));
      else if (error instanceof IdentityError) setFailure(t('restore.invalidPhrase'));
      else if (code === 'login-failed') setFailure(t('restore.failed'));
      else setFailure(t(commonErrorKey(error)));
      setBusy(false);
    }
  };

  return (
    <>
      <ScreenTitle>{t('restore.title')}</ScreenTitle>
      <p className="lead">{method === 'phrase' ? t('restore.intro') : t('restore.codeIntro')}</p>
      {view.status === 'locked' || view.status === 'unlocked' ? <p className="statement">{t('restore.replaceWarning')}</p> : null}
      {method === 'code' ? <h2>{t('restore.codeTitle')}</h2> : null}
      <form onSubmit={(e) => void submit(e)} noValidate aria-busy={busy}>
        {method === 'phrase' ? (
          <Field label={t('restore.phraseLabel')} value={secret} onChange={setSecret} hint={t('restore.phraseHint')} multiline />
        ) : (
          <Field label={t('restore.codeLabel')} value={secret} onChange={setSecret} />
        )}
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
          {method === 'phrase' ? t('restore.submit') : t('restore.codeSubmit')}
        </button>
        <p role="status">{busy ? t('restore.working') : ''}</p>
        {failure === undefined ? null : (
          <p role="alert" className="problem">
            {failure}
          </p>
        )}
      </form>
      <button type="button" className="link-button" onClick={() => switchTo(method === 'phrase' ? 'code' : 'phrase')}>
        {method === 'phrase' ? t('restore.useCode') : t('restore.usePhrase')}
      </button>
    </>
  );
}
