import { checkPseudonym, type PseudonymProblem } from '@lamplight/safety/pii';

/** Shortest passphrase the app accepts, in characters. */
export const MIN_PASSPHRASE_LENGTH = 8;

/** What the member typed on the join form. */
export type JoinForm = Readonly<{
  pseudonym: string;
  adult: boolean;
  guidelines: boolean;
  passphrase: string;
  confirm: string;
}>;

/** Why a new passphrase was refused. */
export type PassphraseProblem = 'short' | 'mismatch';

/** Problems by field; an empty object means the form can be sent. */
export type JoinFormProblems = Readonly<{
  pseudonym?: PseudonymProblem;
  adult?: 'required';
  guidelines?: 'required';
  passphrase?: PassphraseProblem;
}>;

/** Check a new passphrase and its confirmation (NFKC, as the vault sees it). */
export function checkNewPassphrase(passphrase: string, confirm: string): PassphraseProblem | undefined {
  const normalized = passphrase.normalize('NFKC');
  if ([...normalized].length < MIN_PASSPHRASE_LENGTH) return 'short';
  if (normalized !== confirm.normalize('NFKC')) return 'mismatch';
  return undefined;
}

/** Check the join form before anything is generated or sent. */
export function checkJoinForm(form: JoinForm): JoinFormProblems {
  const pseudonym = checkPseudonym(form.pseudonym);
  const passphrase = checkNewPassphrase(form.passphrase, form.confirm);
  return {
    ...(pseudonym.ok ? {} : { pseudonym: pseudonym.reason }),
    ...(form.adult ? {} : { adult: 'required' as const }),
    ...(form.guidelines ? {} : { guidelines: 'required' as const }),
    ...(passphrase === undefined ? {} : { passphrase }),
  };
}

/** Whether {@link checkJoinForm} found nothing. */
export function isJoinFormOk(problems: JoinFormProblems): boolean {
  return Object.keys(problems).length === 0;
}
