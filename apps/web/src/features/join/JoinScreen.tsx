import { IdentityError } from '@lamplight/crypto';
import type { Locale } from '@lamplight/i18n';
import { PSEUDONYM_MAX_LENGTH, type PseudonymProblem } from '@lamplight/safety/pii';
import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Check, Field } from '../../app/Field.js';
import { AppLink, useLocationStore } from '../../app/router.js';
import { ScreenTitle } from '../../app/ScreenTitle.js';
import { apiErrorCode, commonErrorKey } from '../vault/error-text.js';
import { useVaultModel, useVaultView } from '../vault/VaultProvider.js';
import { Guidelines } from './Guidelines.js';
import { checkJoinForm, isJoinFormOk, MIN_PASSPHRASE_LENGTH, type JoinFormProblems, type PassphraseProblem } from './join-form.js';
import { forgetInvitation, pendingInvitation, rememberInvitation } from './pending-invitation.js';
import { PhraseStep } from './PhraseStep.js';

const PSEUDONYM_KEYS = {
  empty: 'join.pseudonymEmpty',
  'too-long': 'join.pseudonymTooLong',
  'looks-like-contact': 'join.pseudonymContact',
  'control-chars': 'join.pseudonymControl',
} as const satisfies Record<PseudonymProblem, string>;

/** The text for a refused new passphrase. */
export function usePassphraseProblemText(): (problem: PassphraseProblem | undefined) => string | undefined {
  const { t } = useTranslation();
  return (problem) =>
    problem === 'short'
      ? t('common.passphraseShort', { min: MIN_PASSPHRASE_LENGTH })
      : problem === 'mismatch'
        ? t('common.passphraseMismatch')
        : undefined;
}

/**
 * `/join#secret`: read the invitation, drop it from the address bar, then
 * the form, then the recovery phrase.
 */
export function JoinScreen({ invitation, locale }: { readonly invitation: string | undefined; readonly locale: Locale }) {
  const { t } = useTranslation();
  const store = useLocationStore();
  const view = useVaultView();
  const [phrase, setPhrase] = useState<string>();
  const [started, setStarted] = useState(false);

  if (invitation !== undefined) rememberInvitation(invitation);
  const secret = invitation ?? pendingInvitation();
  useEffect(() => {
    // The secret stays in memory only; the address bar and history lose it now.
    if (invitation !== undefined) store.navigate('join');
  }, [invitation, store]);

  if (phrase !== undefined) {
    return (
      <PhraseStep
        phrase={phrase}
        onDone={() => {
          setPhrase(undefined);
          store.navigate('welcome');
        }}
      />
    );
  }
  if (secret === undefined) {
    return (
      <>
        <ScreenTitle>{t('join.title')}</ScreenTitle>
        <p>{t('join.noInvitation')}</p>
      </>
    );
  }
  if (!started && (view.status === 'locked' || view.status === 'unlocked')) {
    return (
      <>
        <ScreenTitle>{t('join.title')}</ScreenTitle>
        <p>{t('join.vaultExists')}</p>
        <AppLink to="settings" className="button button-quiet">
          {t('nav.settings')}
        </AppLink>
      </>
    );
  }
  return (
    <JoinForm
      secret={secret}
      locale={locale}
      onStart={() => setStarted(true)}
      onJoined={(p) => {
        forgetInvitation();
        setPhrase(p);
      }}
      onFailed={() => setStarted(false)}
    />
  );
}

function JoinForm({
  secret,
  locale,
  onStart,
  onJoined,
  onFailed,
}: {
  readonly secret: string;
  readonly locale: Locale;
  readonly onStart: () => void;
  readonly onJoined: (phrase: string) => void;
  readonly onFailed: () => void;
}) {
  const { t } = useTranslation();
  const model = useVaultModel();
  const passphraseText = usePassphraseProblemText();
  const id = useId();
  const [pseudonym, setPseudonym] = useState('');
  const [adult, setAdult] = useState(false);
  const [guidelines, setGuidelines] = useState(false);
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const [english, setEnglish] = useState(locale === 'en');
  const [problems, setProblems] = useState<JoinFormProblems>({});
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string>();

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (busy) return;
    const found = checkJoinForm({ pseudonym, adult, guidelines, passphrase, confirm });
    setProblems(found);
    setFailure(undefined);
    if (!isJoinFormOk(found)) return;
    setBusy(true);
    onStart();
    try {
      const phrase = await model.join({ invitation: secret, pseudonym, passphrase, wordlist: english ? 'en' : 'zh-TW' });
      onJoined(phrase);
    } catch (error) {
      const code = apiErrorCode(error);
      if (code === 'invitation-invalid' || code === 'bad-request') setFailure(t('join.invitationInvalid'));
      else if (code === 'pseudonym-invalid') setProblems({ pseudonym: 'looks-like-contact' });
      else if (error instanceof IdentityError) setFailure(t('common.generic'));
      else setFailure(t(commonErrorKey(error)));
      setBusy(false);
      onFailed();
    }
  };

  const pseudonymProblem =
    problems.pseudonym === undefined ? undefined : t(PSEUDONYM_KEYS[problems.pseudonym], { max: PSEUDONYM_MAX_LENGTH });

  return (
    <>
      <ScreenTitle>{t('join.title')}</ScreenTitle>
      <p className="lead">{t('join.hasInvitation')}</p>
      <form onSubmit={(e) => void submit(e)} noValidate aria-busy={busy}>
        <Field
          label={t('join.pseudonymLabel')}
          value={pseudonym}
          onChange={setPseudonym}
          hint={t('join.pseudonymHint')}
          problem={pseudonymProblem}
          autoComplete="off"
        />
        <Check
          label={t('join.adultLabel')}
          checked={adult}
          onChange={setAdult}
          problem={problems.adult === undefined ? undefined : t('join.adultRequired')}
        />
        <Guidelines />
        <Check
          label={t('join.guidelinesLabel')}
          checked={guidelines}
          onChange={setGuidelines}
          problem={problems.guidelines === undefined ? undefined : t('join.guidelinesRequired')}
        />
        <section className="card" aria-labelledby={`${id}-pass`}>
          <h2 id={`${id}-pass`}>{t('join.passphraseTitle')}</h2>
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
            problem={passphraseText(problems.passphrase)}
            autoComplete="new-password"
          />
          <Check label={t('join.englishWords')} checked={english} onChange={setEnglish} />
        </section>
        <button type="submit" className="button" disabled={busy}>
          {t('join.submit')}
        </button>
        <p role="status">{busy ? t('join.working') : ''}</p>
        {failure === undefined ? null : (
          <p role="alert" className="problem">
            {failure}
          </p>
        )}
      </form>
    </>
  );
}
