import { API, apiPath, type InvitationsResponse, type InvitationView, type MeResponse } from '@lamplight/protocol';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ScreenTitle } from '../../app/ScreenTitle.js';
import { apiErrorCode, commonErrorKey } from '../vault/error-text.js';
import { formatDay, useRemote } from '../vault/use-remote.js';
import { useVaultModel, useVaultView } from '../vault/VaultProvider.js';
import { makeInvitation } from './invitation-secret.js';

type Loaded = Readonly<{ list: InvitationsResponse; me: MeResponse }>;

const STATE_KEYS = {
  open: 'invitations.stateOpen',
  used: 'invitations.stateUsed',
  revoked: 'invitations.stateRevoked',
  expired: 'invitations.stateExpired',
} as const satisfies Record<InvitationView['state'], string>;

/** Create, list and take back invitations. */
export function InvitationsScreen({ locale }: { readonly locale: string }) {
  const { t } = useTranslation();
  const id = useId();
  const model = useVaultModel();
  const view = useVaultView();
  const hasAccount = view.status === 'unlocked' && view.account !== undefined;
  const remote = useRemote<Loaded>(
    async (m) => ({ list: await m.call<InvitationsResponse>('GET', API.invitations), me: await m.call<MeResponse>('GET', API.me) }),
    hasAccount,
  );
  const [link, setLink] = useState<string>();
  const [copied, setCopied] = useState(false);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string>();

  const me = remote.data?.me;
  const probationText = me === undefined ? undefined : t('invitations.probation', { date: formatDay(me.probationUntil, locale) });

  const create = async (): Promise<void> => {
    if (busy) return;
    setBusy(true);
    setMessage(undefined);
    setCopied(false);
    try {
      if (!hasAccount) throw new Error('no account');
      const made = await makeInvitation(crypto, window.location.origin);
      await model.call('POST', API.invitations, { codeHash: made.codeHash });
      setLink(made.link);
      remote.reload();
    } catch (error) {
      const code = apiErrorCode(error);
      if (code === 'on-probation') setMessage(probationText ?? t('common.generic'));
      else if (code === 'quota-exceeded') setMessage(t('invitations.quotaExceeded'));
      else setMessage(t(commonErrorKey(error)));
    } finally {
      setBusy(false);
    }
  };

  const revoke = async (invitation: InvitationView): Promise<void> => {
    try {
      await model.call('DELETE', apiPath(API.invitation, { invitationId: invitation.invitationId }));
      remote.reload();
    } catch (error) {
      setMessage(t(commonErrorKey(error)));
    }
  };

  const copy = async (): Promise<void> => {
    if (link === undefined) return;
    try {
      await navigator.clipboard.writeText(link);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };

  const list = remote.data?.list;
  return (
    <>
      <ScreenTitle>{t('invitations.title')}</ScreenTitle>
      <p className="lead">{t('invitations.intro')}</p>
      {me?.onProbation === true ? <p className="statement">{probationText}</p> : null}
      <button type="button" className="button" disabled={busy} onClick={() => void create()}>
        {t('invitations.create')}
      </button>
      {message === undefined ? null : (
        <p role="alert" className="problem">
          {message}
        </p>
      )}
      {link === undefined ? null : (
        <section className="card" aria-labelledby={`${id}-link`}>
          <label id={`${id}-link`} htmlFor={`${id}-link-input`}>
            {t('invitations.linkLabel')}
          </label>
          <input id={`${id}-link-input`} className="link-output" type="text" readOnly value={link} aria-describedby={`${id}-link-hint`} onFocus={(e) => e.currentTarget.select()} />
          <p id={`${id}-link-hint`} className="muted">
            {t('invitations.linkHint')}
          </p>
          <button type="button" className="button button-quiet" onClick={() => void copy()}>
            {t('invitations.copy')}
          </button>
          <p role="status">{copied ? t('invitations.copied') : ''}</p>
        </section>
      )}
      {list === undefined ? null : <p>{t('invitations.quota', { quota: list.quotaPerWeek, used: list.usedThisWeek })}</p>}
      <section aria-labelledby={`${id}-list`}>
        <h2 id={`${id}-list`}>{t('invitations.listTitle')}</h2>
        {list === undefined || list.invitations.length === 0 ? (
          <p className="muted">{t('invitations.empty')}</p>
        ) : (
          <ul className="plain-list">
            {list.invitations.map((inv) => (
              <li key={inv.invitationId} className="card">
                <span>{t(STATE_KEYS[inv.state], { date: formatDay(inv.expiresAt, locale) })}</span>
                {inv.state === 'open' ? (
                  <button type="button" className="link-button" onClick={() => void revoke(inv)}>
                    {t('invitations.revoke')}
                  </button>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>
      {remote.error === undefined ? null : <p className="problem">{t(commonErrorKey(remote.error))}</p>}
    </>
  );
}
